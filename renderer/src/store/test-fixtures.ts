import type { Account, Connection } from '../../../common/domain.js';
import type { StoredAccount, StoredTransaction } from '../../../common/queries.js';

/** Shapes as the host sends them; only what a test names differs. */
export const connection = (over: Partial<Connection> = {}): Connection => ({
  id: 'c1',
  profileId: 'sandbox',
  label: 'CEC personal',
  consentId: 'consent-1',
  consentStatus: 'valid',
  status: 'active',
  validUntil: '2026-05-20',
  daysLeft: 90,
  createdAt: '2025-11-20T10:00:00Z',
  accounts: [],
  ...over,
});

export const account = (over: Partial<Account & StoredAccount> = {}): StoredAccount => ({
  id: 'RO49CECE0000000000000001-RON',
  connectionId: 'c1',
  kind: 'account',
  resourceId: 'r1',
  iban: 'RO49CECE0000000000000001',
  currency: 'RON',
  product: 'Cont curent',
  balances: [
    { type: 'closingBooked', amount: { amount: '12345.67', currency: 'RON' } },
    { type: 'interimAvailable', amount: { amount: '12000.00', currency: 'RON' } },
  ],
  readable: true,
  syncedAt: '2025-11-20T10:05:00.000Z',
  ...over,
});

export const transaction = (over: Partial<StoredTransaction> = {}): StoredTransaction => ({
  rowId: 1,
  day: '2025-11-18',
  id: 't1',
  accountId: 'RO49CECE0000000000000001-RON',
  status: 'booked',
  bookingDate: '2025-11-18',
  amount: { amount: '-102.59', currency: 'RON' },
  counterpartyName: 'Mega Image',
  remittance: 'Cumparaturi',
  ...over,
});

/** Lets pending promises (fake bridge answers, chained actions) run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
