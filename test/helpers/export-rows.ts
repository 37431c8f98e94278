import type { Transaction } from '../../common/index.js';
import type { ExportAccount, ExportRow } from '../../core/export/index.js';
import { fingerprintTransactions, type TransactionDraft } from '../../core/psd2/transaction-fingerprint.js';

/** A CEC current account (the IBAN of the Berlin Group examples' form, valid mod 97). */
export const currentAccount: ExportAccount = {
  id: 'acc-ron', kind: 'account', iban: 'RO49AAAA1B31007593840000', currency: 'RON', product: 'Cont curent', cashAccountType: 'CACC', name: 'Cont salariu',
};
export const savingsAccount: ExportAccount = {
  id: 'acc-eur', kind: 'account', iban: 'RO66BACX0000001234567890', currency: 'EUR', product: 'Cont de economii', name: 'Economii',
};
export const card: ExportAccount = {
  id: 'card-1', kind: 'card', maskedPan: '525412******3241', iban: 'RO09BCYP0000001234567890', currency: 'RON', product: 'Card de credit',
};

/** A booked transaction with the bank's id; `over` replaces fields. */
export function booked(id: string, amount: string, over: Partial<Transaction> = {}, currency = 'RON'): Transaction {
  return {
    id, accountId: 'acc-ron', status: 'booked', bookingDate: '2024-03-05', valueDate: '2024-03-04',
    amount: { amount, currency }, counterpartyName: 'Kaufland România', counterpartyIban: 'RO13RNCB0000000000000001', remittance: 'Cumpărături',
    ...over,
  };
}

/** Drafts without a bank id, given fingerprint ids the way the client does. */
export const fingerprinted = (drafts: TransactionDraft[]): Transaction[] => fingerprintTransactions(drafts);

export const rowsOf = (account: ExportAccount, transactions: Transaction[]): ExportRow[] =>
  transactions.map((transaction) => ({ account, transaction }));

/** Everything a sink received, and how often it was called. */
export function collectingSink(): { sink: (chunk: string) => void; chunks: string[]; text: () => string } {
  const chunks: string[] = [];
  return { sink: (chunk) => void chunks.push(chunk), chunks, text: () => chunks.join('') };
}
