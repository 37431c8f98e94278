import { beforeAll, describe, expect, it } from 'vitest';
import { psuAccounts, testClock, type PsuAccount } from '../helpers/bank.js';
import { useEnrolledBank } from '../helpers/enrolled-bank.js';
import { call, tppCode } from '../helpers/http.js';
import { authorisePayment, BULK, idOf, initiate, pay } from '../helpers/payments.js';
import { bankPayments, psuPayments } from '../helpers/sandbox-books.js';
import { guideBulkItems, guideSinglePayment } from '../fixtures/payments.js';

const ibanOf = (accounts: PsuAccount[], kind: string, currency: string): string => {
  const found = accounts.find((a) => a.kind === kind && a.currency === currency);
  if (found === undefined) throw new Error(`no ${kind} ${currency} account`);
  return found.iban;
};

/**
 * The counts an exactly-once test compares with: per debtor account, how many payments the bank
 * received, how many the PSU authorised, how many settled.
 */
describe('GET /sandbox/psus/:userId/payments and GET /sandbox/payments', () => {
  const SETTLE_MS = 3000;
  const clock = testClock(new Date());
  const env = useEnrolledBank({ now: clock.now, settleMs: SETTLE_MS });
  let demo: PsuAccount[];
  const countsOf = async (user: string, iban: string) => {
    const account = (await psuPayments(env.bank, user)).find((a) => a.iban === iban);
    if (account === undefined) throw new Error(`${user} has no account ${iban}`);
    return account;
  };

  beforeAll(async () => {
    demo = await psuAccounts(env.bank, 'demo');
  });

  it('lists every account of the PSU with zero counts before any payment', async () => {
    const res = await call(`${env.bank.origin}/sandbox/psus/demo/payments`);
    expect(res.body.userId).toBe('demo');
    expect(res.body.accounts.map((a: { iban: string }) => a.iban)).toEqual(demo.map((a) => a.iban));
    for (const a of res.body.accounts) expect([a.initiated, a.authorised, a.settled, a.payments.length]).toEqual([0, 0, 0, 0]);
  });

  it('counts an initiation naming the debtor, its authorisation, then its settlement', async () => {
    const ron = ibanOf(demo, 'current', 'RON');
    const res = await initiate(env.bank, env.creds, { ...guideSinglePayment, debtorAccount: { iban: ron }, endToEndIdentification: 'E2E-COUNT-1' });
    const id = idOf(res);
    expect(await countsOf('demo', ron)).toMatchObject({ initiated: 1, authorised: 0, settled: 0 });
    await authorisePayment(env.bank, env.creds, res.headers.get('location') as string, id);
    expect(await countsOf('demo', ron)).toMatchObject({ initiated: 1, authorised: 1, settled: 0 });
    clock.advance(SETTLE_MS);
    const after = await countsOf('demo', ron);
    expect(after).toMatchObject({ initiated: 1, authorised: 1, settled: 1 });
    expect(after.payments).toEqual([expect.objectContaining({
      paymentId: id,
      status: 'ACSC',
      debtorIban: ron,
      creditorIban: guideSinglePayment.creditorAccount.iban,
      creditorName: guideSinglePayment.creditorName,
      amount: '3.50',
      currency: 'RON',
      endToEndIdentification: 'E2E-COUNT-1',
      authorised: true,
    })]);
    expect(typeof after.payments[0]?.requestId).toBe('string');
    expect(typeof after.payments[0]?.bookedTransactionId).toBe('string');
  });

  it('dates a settlement at the end of its lifecycle, not at the later request that noticed it', async () => {
    const ron = ibanOf(demo, 'current', 'RON');
    const res = await initiate(env.bank, env.creds, { ...guideSinglePayment, debtorAccount: { iban: ron }, endToEndIdentification: 'E2E-FINAL-AT' });
    const id = idOf(res);
    const authorisedAt = clock.now().getTime();
    await authorisePayment(env.bank, env.creds, res.headers.get('location') as string, id);
    expect((await bankPayments(env.bank, { endToEndId: 'E2E-FINAL-AT' })).payments[0]).not.toHaveProperty('finalAt');
    // Nobody asks until well after the settle time: the books still say when the status turned final.
    clock.advance(SETTLE_MS + 7_000);
    const [entry] = (await bankPayments(env.bank, { endToEndId: 'E2E-FINAL-AT' })).payments;
    expect(entry).toMatchObject({
      status: 'ACSC',
      authorisedAt: new Date(authorisedAt).toISOString(),
      finalAt: new Date(authorisedAt + SETTLE_MS).toISOString(),
    });
  });

  it('counts a payment whose debtor the PSU picked on the page under that account only once authorised', async () => {
    const eur = ibanOf(demo, 'current', 'EUR');
    const before = await countsOf('demo', eur);
    const res = await initiate(env.bank, env.creds, { ...guideSinglePayment, instructedAmount: { currency: 'EUR', amount: '1.00' }, endToEndIdentification: 'E2E-PICK' });
    const id = idOf(res);
    expect(await countsOf('demo', eur)).toMatchObject({ initiated: before.initiated });
    const unassigned = await bankPayments(env.bank, { endToEndId: 'E2E-PICK' });
    expect(unassigned).toMatchObject({ initiated: 1, authorised: 0, settled: 0 });
    expect(unassigned.payments).toEqual([expect.objectContaining({ paymentId: id, status: 'RCVD', authorised: false })]);
    expect(unassigned.payments[0]).not.toHaveProperty('debtorIban');
    await authorisePayment(env.bank, env.creds, res.headers.get('location') as string, id, { debtorIban: eur });
    expect(await countsOf('demo', eur)).toMatchObject({ initiated: before.initiated + 1, authorised: before.authorised + 1 });
  });

  it('counts each bulk item on its debtor account, naming its bulk', async () => {
    const ron = ibanOf(demo, 'current', 'RON');
    const before = await countsOf('demo', ron);
    const { id } = await pay(env.bank, env.creds, { debtorAccount: { iban: ron }, payments: guideBulkItems }, { path: BULK });
    clock.advance(SETTLE_MS);
    const after = await countsOf('demo', ron);
    expect(after.initiated - before.initiated).toBe(guideBulkItems.length);
    expect(after.authorised - before.authorised).toBe(guideBulkItems.length);
    expect(after.payments.filter((p) => p.bulkId === id)).toHaveLength(guideBulkItems.length);
  });

  it('filters the bank-wide list by debtor IBAN and by endToEndId', async () => {
    const ron = ibanOf(demo, 'current', 'RON');
    const byDebtor = await call(`${env.bank.origin}/sandbox/payments?debtorIban=${ron}`);
    expect(byDebtor.body.payments.length).toBe((await countsOf('demo', ron)).initiated);
    expect(byDebtor.body.payments.every((p: { debtorIban: string }) => p.debtorIban === ron)).toBe(true);
    const one = await call(`${env.bank.origin}/sandbox/payments?endToEndId=E2E-COUNT-1`);
    expect(one.body.payments).toHaveLength(1);
  });

  it('answers an unknown PSU with 404 RESOURCE_UNKNOWN', async () => {
    const res = await call(`${env.bank.origin}/sandbox/psus/nobody/payments`);
    expect(res.status).toBe(404);
    expect(tppCode(res)).toBe('RESOURCE_UNKNOWN');
  });
});
