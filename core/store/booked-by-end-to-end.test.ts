import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { grant, RON, EUR, storedHistory, tx } from '../../test/helpers/stored-history.js';
import { bookedByEndToEndId, bookingEvidence, paymentBookings } from './booked-by-end-to-end.js';
import { queryTransactions } from './transaction-queries.js';

const CREDITOR = 'DE02100100109307118603';
const paid = (over: Parameters<typeof tx>[0] = {}) =>
  tx({ id: 'p1', amount: { amount: '-12.5', currency: 'RON' }, counterpartyName: 'Ion Popescu', counterpartyIban: CREDITOR, endToEndId: 'E2E-1', ...over });

describe('bookings found by endToEndId', () => {
  let h: ReturnType<typeof storedHistory>;
  beforeEach(() => {
    h = storedHistory();
    h.connect('c1', [grant(RON), grant(EUR)]);
  });
  afterEach(() => h.close());

  it('stores the endToEndId of a booking and shows it on the rows of transactions:query', () => {
    h.sync(RON, [paid(), tx({ id: 'other' })]);
    const rows = queryTransactions(h.db, { filter: { accountIds: [RON] }, sort: 'date', order: 'asc', limit: 10 }).transactions;
    expect(rows.find((t) => t.id === 'p1')?.endToEndId).toBe('E2E-1');
    expect(rows.find((t) => t.id === 'other')).not.toHaveProperty('endToEndId');
  });

  it('finds the booked rows of one account by endToEndId, by account id or by IBAN, never pending ones or another account\'s', () => {
    h.sync(RON, [paid()], { pending: [paid({ id: 'p-pending', endToEndId: 'E2E-2' })] });
    h.sync(EUR, [paid({ id: 'p-eur', amount: { amount: '-12.5', currency: 'EUR' } })]);
    expect(bookedByEndToEndId(h.db, { accountId: RON }, 'E2E-1').map((t) => t.id)).toEqual(['p1']);
    expect(bookedByEndToEndId(h.db, { accountId: RON }, 'E2E-2')).toEqual([]);
    expect(bookedByEndToEndId(h.db, { iban: 'ro49 cece 1b31 0075 9384 0000' }, 'E2E-1').map((t) => t.id)).toEqual(['p1']);
    expect(bookedByEndToEndId(h.db, { accountId: RON }, 'E2E-none')).toEqual([]);
  });

  it('matches a payment on endToEndId, exact amount and creditor; the same reference otherwise is a conflict', () => {
    h.sync(RON, [
      paid(),
      paid({ id: 'p-amount', amount: { amount: '-12.51', currency: 'RON' } }),
      paid({ id: 'p-creditor', counterpartyIban: 'RO49AAAA1B31007593840000' }),
      paid({ id: 'p-no-iban', counterpartyIban: undefined }),
    ]);
    const found = paymentBookings(h.db, {
      debtor: { accountId: RON }, endToEndId: 'E2E-1', amount: { amount: '12.50', currency: 'RON' }, creditorIban: 'de02 1001 0010 9307 1186 03',
    });
    expect(found.matched.map((t) => t.id).sort()).toEqual(['p-no-iban', 'p1']);
    expect(found.conflicting.map((t) => t.id).sort()).toEqual(['p-amount', 'p-creditor']);
  });

  it('does not take a credit of the same amount for the payment\'s debit', () => {
    h.sync(RON, [paid({ id: 'refund', amount: { amount: '12.5', currency: 'RON' } })]);
    const found = paymentBookings(h.db, { debtor: { accountId: RON }, endToEndId: 'E2E-1', amount: { amount: '12.5', currency: 'RON' }, creditorIban: CREDITOR });
    expect(found).toEqual({ matched: [], conflicting: [expect.objectContaining({ id: 'refund' })] });
  });

  it('answers the payments side booked, cannot-tell or not-found, looking on every account when the payer is unknown', () => {
    h.sync(RON, [paid(), paid({ id: 'p-other', endToEndId: 'E2E-OTHER', amount: { amount: '-99', currency: 'RON' } })]);
    const q = { debtorIban: 'RO49CECE1B31007593840000', endToEndId: 'E2E-1', amount: '12.50', currency: 'RON', creditorIban: CREDITOR };
    expect(bookingEvidence(h.db, q)).toBe('booked');
    expect(bookingEvidence(h.db, { ...q, debtorIban: null })).toBe('booked');
    expect(bookingEvidence(h.db, { ...q, debtorIban: 'RO49CECE1B31007593840001' })).toBe('not-found');
    expect(bookingEvidence(h.db, { ...q, endToEndId: 'E2E-OTHER' })).toBe('cannot-tell');
    expect(bookingEvidence(h.db, { ...q, endToEndId: 'E2E-NONE', debtorIban: null })).toBe('not-found');
  });
});
