import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookedByEndToEndId, paymentBookings } from '../../core/store/booked-by-end-to-end.js';
import { queryTransactions } from '../../core/store/transaction-queries.js';
import { enrol, psuAccounts, type Credentials, type TestBank } from '../helpers/bank.js';
import { coreWorld, psuPort, type CoreWorldForTest } from '../helpers/core-world.js';
import { pay, SINGLE, statusOf } from '../helpers/payments.js';
import { guideSinglePayment } from '../fixtures/payments.js';

const PSU_IP = '192.0.2.10';
const SETTLE_MS = 3000;

/**
 * A payment settled at the bank comes into the local copy with the next sync carrying its
 * endToEndIdentification, so an `unknown` payment can be reconciled against the store.
 */
describe('a settled payment\'s booking, synced, found by its endToEndId', () => {
  let t = Date.parse('2027-03-10T08:00:00Z');
  const now = () => new Date(t);
  let w: CoreWorldForTest;
  let bank: TestBank;
  let creds: Credentials;
  let ron: string;

  beforeAll(async () => {
    w = await coreWorld({ sandbox: { now, settleMs: SETTLE_MS }, now });
    bank = { url: w.bankUrl, origin: w.bankOrigin, close: async () => {} };
    await w.core.connections.connect({ profileId: 'sandbox', label: 'demo', port: psuPort({ user: 'demo', decision: 'allow' }), psuIpAddress: PSU_IP });
    await w.core.sync.run({ trigger: 'person', psuIpAddress: PSU_IP });
    // The payment is made at the bank directly, by a TPP of its own: the store learns of it only by syncing.
    creds = await enrol(bank);
    const found = (await psuAccounts(bank, 'demo')).find((a) => a.kind === 'current' && a.currency === 'RON');
    if (found === undefined) throw new Error('demo has no RON current account');
    ron = found.iban;
  });
  afterAll(async () => { await w?.close(); });

  it('stores the booking with the endToEndId the payment was sent with, and matches it on amount and creditor', async () => {
    const endToEndId = 'CONTURI-E2E-0001';
    const { id, token } = await pay(bank, creds, { ...guideSinglePayment, endToEndIdentification: endToEndId }, { debtorIban: ron });
    t += SETTLE_MS;
    expect(await statusOf(bank, creds, `${SINGLE}/${id}`, token)).toBe('ACSC');
    expect(bookedByEndToEndId(w.core.db, { iban: ron }, endToEndId)).toEqual([]);

    const summary = await w.core.sync.run({ trigger: 'person', psuIpAddress: PSU_IP });
    expect(summary.outcome).toBe('ok');

    const bookings = bookedByEndToEndId(w.core.db, { iban: ron }, endToEndId);
    expect(bookings).toHaveLength(1);
    const booking = bookings[0];
    expect(booking).toMatchObject({
      status: 'booked',
      amount: { amount: '-3.5', currency: 'RON' },
      counterpartyIban: guideSinglePayment.creditorAccount.iban,
      endToEndId,
    });

    const found = paymentBookings(w.core.db, {
      debtor: { iban: ron }, endToEndId, amount: { amount: '3.50', currency: 'RON' }, creditorIban: guideSinglePayment.creditorAccount.iban,
    });
    expect(found.matched.map((b) => b.rowId)).toEqual([booking?.rowId]);
    expect(found.conflicting).toEqual([]);

    const listed = queryTransactions(w.core.db, { filter: { accountIds: [booking?.accountId as string] }, sort: 'date', order: 'desc', limit: 500 });
    expect(listed.transactions.filter((row) => row.endToEndId === endToEndId).map((row) => row.rowId)).toEqual([booking?.rowId]);
  });
});
