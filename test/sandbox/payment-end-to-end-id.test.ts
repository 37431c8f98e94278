import { beforeAll, describe, expect, it } from 'vitest';
import { connectAis, psuAccounts, testClock, type PsuAccount } from '../helpers/bank.js';
import { useEnrolledBank } from '../helpers/enrolled-bank.js';
import { call } from '../helpers/http.js';
import { aisReader, BULK, bucharestDay, pay, SINGLE, statusOf } from '../helpers/payments.js';
import { guideBulkItems, guideSinglePayment } from '../fixtures/payments.js';

const ibanOf = (accounts: PsuAccount[], kind: string, currency: string): string => {
  const found = accounts.find((a) => a.kind === kind && a.currency === currency);
  if (found === undefined) throw new Error(`no ${kind} ${currency} account`);
  return found.iban;
};

/**
 * The transactions of `after` that `before` lacks, compared whole: the loose bank leaves some ids
 * out (null) or writes the same one twice for twins, so ids alone cannot tell them apart.
 */
function newTransactions(before: any[], after: any[]): any[] {
  const left = before.map((t) => JSON.stringify(t));
  return after.filter((t) => {
    const at = left.indexOf(JSON.stringify(t));
    if (at < 0) return true;
    left.splice(at, 1);
    return false;
  });
}

/**
 * The payment's endToEndIdentification reaches the booked debit as the Berlin Group transaction
 * field `endToEndId`, so a client can find the booking of a payment whose answer it lost.
 */
describe.each(['cec', 'loose'] as const)('endToEndIdentification → the booked transaction\'s endToEndId (%s dialect)', (dialect) => {
  const SETTLE_MS = 3000;
  const clock = testClock(new Date());
  const env = useEnrolledBank({ now: clock.now, settleMs: SETTLE_MS, dialect });
  let ron: string;
  let demo2Ron: string;
  let reader: ReturnType<typeof aisReader>;
  let reader2: ReturnType<typeof aisReader>;
  const since = () => bucharestDay(new Date(clock.now().getTime() - 86_400_000));

  beforeAll(async () => {
    ron = ibanOf(await psuAccounts(env.bank, 'demo'), 'current', 'RON');
    demo2Ron = ibanOf(await psuAccounts(env.bank, 'demo2'), 'current', 'RON');
    reader = aisReader(env.bank, env.creds, await connectAis(env.bank, env.creds));
    reader2 = aisReader(env.bank, env.creds, await connectAis(env.bank, env.creds, { user: 'demo2' }));
  });

  it('carries a single payment\'s endToEndIdentification onto its debit, in the report and in the ledger', async () => {
    const before = await reader.bookedTransactions(ron, since());
    const { id, token } = await pay(env.bank, env.creds, { ...guideSinglePayment, endToEndIdentification: `E2E-${dialect}-1` }, { debtorIban: ron });
    clock.advance(SETTLE_MS);
    expect(await statusOf(env.bank, env.creds, `${SINGLE}/${id}`, token)).toBe('ACSC');

    const added = newTransactions(before, await reader.bookedTransactions(ron, since()));
    expect(added).toHaveLength(1);
    expect(added[0].endToEndId).toBe(`E2E-${dialect}-1`);

    const ledger = await call(`${env.bank.origin}/sandbox/psus/demo/ledger`);
    const account = ledger.body.accounts.find((a: { iban: string }) => a.iban === ron);
    const entries = account.transactions.filter((t: { endToEndId?: string }) => t.endToEndId === `E2E-${dialect}-1`);
    expect(entries).toHaveLength(1);
    expect(entries[0].status).toBe('booked');
  });

  it('carries it to the creditor\'s credit when the creditor banks here, as SEPA hands it on', async () => {
    const before = await reader2.bookedTransactions(demo2Ron, since());
    const body = { ...guideSinglePayment, creditorAccount: { iban: demo2Ron }, creditorName: 'Maria Ionescu', endToEndIdentification: `E2E-${dialect}-2` };
    await pay(env.bank, env.creds, body, { debtorIban: ron });
    clock.advance(SETTLE_MS);
    await reader.bookedTransactions(ron, since()); // a request lets the bank settle
    const credited = newTransactions(before, await reader2.bookedTransactions(demo2Ron, since()));
    expect(credited).toHaveLength(1);
    expect(credited[0].endToEndId).toBe(`E2E-${dialect}-2`);
  });

  it('carries each bulk item\'s own endToEndIdentification onto its debit', async () => {
    const before = await reader.bookedTransactions(ron, since());
    const items = guideBulkItems.map((p, i) => ({ ...p, endToEndIdentification: `E2E-${dialect}-B${i}` }));
    await pay(env.bank, env.creds, { payments: items }, { path: BULK, debtorIban: ron });
    clock.advance(SETTLE_MS);
    const added = newTransactions(before, await reader.bookedTransactions(ron, since()));
    expect(added.map((t) => t.endToEndId).sort()).toEqual(items.map((p) => p.endToEndIdentification).sort());
  });

  it('leaves endToEndId out of a debit whose payment had none (CEC) or null (loose)', async () => {
    const before = await reader.bookedTransactions(ron, since());
    await pay(env.bank, env.creds, guideSinglePayment, { debtorIban: ron });
    clock.advance(SETTLE_MS);
    const added = newTransactions(before, await reader.bookedTransactions(ron, since()));
    expect(added).toHaveLength(1);
    if (dialect === 'cec') expect(added[0]).not.toHaveProperty('endToEndId');
    else expect(added[0].endToEndId).toBeNull();
  });
});
