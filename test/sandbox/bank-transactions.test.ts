/**
 * Control routes that make a transaction happen or book a pending one, read back through the
 * bank's own API (the report and its balances) as a client would see them.
 */
import { describe, expect, it } from 'vitest';
import { call, tppCode } from '../helpers/http.js';
import { aisBank, minorOf, monthsBefore, WINTER_DAY } from './accounts-support.js';
import { accountIndex, ledger, locate, post, reportOf, type LedgerAccount } from './ledger-support.js';

const since = monthsBefore(WINTER_DAY, 27);
const OTHER_IBAN = 'RO49AAAA1B31007593840000';

describe('POST /sandbox/psus/:userId/accounts/:iban/transactions', () => {
  const s = aisBank();
  const ronCurrent = async (): Promise<LedgerAccount> => (await ledger(s.bank)).find((a) => a.kind === 'current' && a.currency === 'RON') as LedgerAccount;
  const report = async (a: LedgerAccount) => {
    const [family, id] = locate(await accountIndex(s.reader), a);
    return reportOf(s.reader, family, id, since);
  };
  const path = (iban: string) => `/sandbox/psus/demo/accounts/${iban}/transactions`;

  it('books a debit with a new transactionId and the next entryReference; the report lists it and closingBooked moves by it', async () => {
    const before = await ronCurrent();
    const was = await report(before);
    const res = await post(s.bank, path(before.iban), {
      status: 'booked', amount: '-123.45', counterpartyName: 'LIBRARIA CARTURESTI', counterpartyIban: OTHER_IBAN, remittance: 'Carti',
    });
    expect(res.status).toBe(201);
    const t = res.body.transaction;
    const ids = before.transactions.map((x) => Number(x.sandboxId));
    expect(Number(t.transactionId)).toBeGreaterThan(Math.max(...ids));
    expect(Number(t.entryReference)).toBe(Math.max(...before.transactions.map((x) => Number(x.entryReference))) + 1);
    expect(t).toMatchObject({ status: 'booked', bookingDate: WINTER_DAY, valueDate: WINTER_DAY, amount: '-123.45', currency: 'RON', creditorName: 'LIBRARIA CARTURESTI', creditorIban: OTHER_IBAN, remittance: 'Carti' });
    const now = await report(before);
    const listed = now.booked.find((x) => x['transactionId'] === t.transactionId);
    expect(listed).toMatchObject({ entryReference: t.entryReference, transactionAmount: { amount: '-123.45' }, creditorName: 'LIBRARIA CARTURESTI', creditorAccount: { iban: OTHER_IBAN } });
    expect(minorOf(now.closingBooked) - minorOf(was.closingBooked)).toBe(-12_345n);
    expect((await ronCurrent()).transactions.filter((x) => x.status === 'booked').at(-1)?.sandboxId).toBe(t.sandboxId);
  });

  it('adds a pending credit dated today: interimAvailable moves by it, closingBooked does not', async () => {
    const before = await ronCurrent();
    const was = await report(before);
    const res = await post(s.bank, path(before.iban), { status: 'pending', amount: '50', counterpartyName: 'Maria Ionescu' });
    expect(res.status).toBe(201);
    expect(res.body.transaction).toMatchObject({ status: 'pending', valueDate: WINTER_DAY, amount: '50', debtorName: 'Maria Ionescu' });
    expect(res.body.transaction.bookingDate).toBeUndefined();
    const now = await report(before);
    expect(now.pending.some((x) => x['transactionId'] === res.body.transaction.transactionId)).toBe(true);
    expect(minorOf(now.closingBooked)).toBe(minorOf(was.closingBooked));
    expect(minorOf(now.interimAvailable) - minorOf(was.interimAvailable)).toBe(5_000n);
  });

  it.each([
    ['an unknown status', { status: 'settled', amount: '-1.00' }, 'status'],
    ['three decimals on RON', { status: 'booked', amount: '-1.005' }, 'more than 2 decimals'],
    ['an amount as a JSON number', { status: 'booked', amount: -1 }, 'amount'],
    ['a zero amount', { status: 'booked', amount: '0.00' }, 'must not be zero'],
    ['another currency than the account’s', { status: 'booked', amount: '-1.00', currency: 'EUR' }, 'held in RON'],
    ['a booking date on a pending one', { status: 'pending', amount: '-1.00', bookingDate: '2027-01-13' }, 'pending transaction has none'],
    ['a booking date in the future', { status: 'booked', amount: '-1.00', bookingDate: '2027-01-15' }, 'in the future'],
    ['an impossible value date', { status: 'booked', amount: '-1.00', valueDate: '2027-02-30' }, 'ISO date'],
    ['an invalid counterparty IBAN', { status: 'booked', amount: '-1.00', counterpartyIban: 'RO00CECE0000000000000000' }, 'not a valid IBAN'],
    ['a field it does not know', { status: 'booked', amount: '-1.00', creditor: 'X' }, ''],
  ])('answers 400 FORMAT_ERROR for %s, and records nothing', async (_what, body, text) => {
    const before = await ronCurrent();
    const res = await post(s.bank, path(before.iban), body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ tppMessages: [{ category: 'ERROR', code: 'FORMAT_ERROR', text: expect.stringContaining(text) }] });
    expect((await ronCurrent()).transactions).toEqual(before.transactions);
  });

  it('answers 404 RESOURCE_UNKNOWN for an unknown PSU and for another PSU’s account', async () => {
    const other = (await ledger(s.bank, 'demo2'))[0] as LedgerAccount;
    for (const p of ['/sandbox/psus/nobody/accounts/x/transactions', path(other.iban)]) {
      const res = await post(s.bank, p, { status: 'booked', amount: '-1.00' });
      expect(res.status).toBe(404);
      expect(tppCode(res)).toBe('RESOURCE_UNKNOWN');
    }
  });
});

describe('POST /sandbox/transactions/:transactionId/book', () => {
  const s = aisBank();
  const card = async () => (await ledger(s.bank)).find((a) => a.kind === 'card') as LedgerAccount;
  const report = async (a: LedgerAccount) => {
    const [family, id] = locate(await accountIndex(s.reader), a);
    return reportOf(s.reader, family, id, since);
  };
  const newPending = async (a: LedgerAccount, amount: string) =>
    (await post(s.bank, `/sandbox/psus/demo/accounts/${a.iban}/transactions`, { status: 'pending', amount, valueDate: '2027-01-12' })).body.transaction;

  it('books a pending transaction today under its id: the report moves it from pending to booked and closingBooked by its amount', async () => {
    const account = await card();
    const pending = await newPending(account, '-42.10');
    const was = await report(account);
    const res = await post(s.bank, `/sandbox/transactions/${pending.sandboxId}/book`);
    expect(res.status).toBe(200);
    expect(res.body.transaction).toMatchObject({ status: 'booked', transactionId: pending.transactionId, bookingDate: WINTER_DAY, valueDate: '2027-01-12', amount: '-42.1' });
    const now = await report(account);
    expect(now.pending.some((x) => x['cardTransactionId'] === pending.transactionId)).toBe(false);
    expect(now.booked.filter((x) => x['cardTransactionId'] === pending.transactionId)).toHaveLength(1);
    expect(minorOf(now.closingBooked) - minorOf(was.closingBooked)).toBe(-4_210n);
    expect(minorOf(now.interimAvailable)).toBe(minorOf(was.interimAvailable));
  });

  it('records the booking anew: the next entryReference, after every earlier booking', async () => {
    const account = (await ledger(s.bank)).find((a) => a.kind === 'current' && a.currency === 'EUR') as LedgerAccount;
    const pending = await newPending(account, '-5.00');
    const top = Math.max(...(await ledger(s.bank)).find((a) => a.iban === account.iban)!.transactions.map((t) => Number(t.entryReference)));
    const booked = (await post(s.bank, `/sandbox/transactions/${pending.sandboxId}/book`)).body.transaction;
    expect(Number(booked.entryReference)).toBe(top + 1);
    const after = (await ledger(s.bank)).find((a) => a.iban === account.iban) as LedgerAccount;
    const bookedList = after.transactions.filter((t) => t.status === 'booked');
    expect(bookedList.at(-1)?.sandboxId).toBe(pending.sandboxId);
  });

  it('gives the booked one a fresh id with {"newTransactionId": true}; the pending id is gone from the report', async () => {
    const account = await card();
    const pending = await newPending(account, '-7.00');
    const res = await post(s.bank, `/sandbox/transactions/${pending.sandboxId}/book`, { newTransactionId: true });
    expect(res.status).toBe(200);
    const booked = res.body.transaction;
    expect(booked.transactionId).not.toBe(pending.transactionId);
    const now = await report(account);
    const ids = [...now.booked, ...now.pending].map((x) => x['cardTransactionId']);
    expect(ids).not.toContain(pending.transactionId);
    expect(now.booked.find((x) => x['cardTransactionId'] === booked.transactionId)).toMatchObject({ transactionAmount: { amount: '-7' }, transactionDate: '2027-01-12' });
  });

  it('answers 409 STATUS_INVALID for a booked transaction, 404 for an unknown one, 400 for a bad option', async () => {
    const booked = (await card()).transactions.find((t) => t.status === 'booked')!;
    const twice = await post(s.bank, `/sandbox/transactions/${booked.sandboxId}/book`);
    expect([twice.status, tppCode(twice)]).toEqual([409, 'STATUS_INVALID']);
    const unknown = await post(s.bank, '/sandbox/transactions/0000000000/book');
    expect([unknown.status, tppCode(unknown)]).toEqual([404, 'RESOURCE_UNKNOWN']);
    const pending = await newPending(await card(), '-1.00');
    const bad = await call(`${s.bank.origin}/sandbox/transactions/${pending.sandboxId}/book`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"newTransactionId":"yes"}',
    });
    expect([bad.status, tppCode(bad)]).toEqual([400, 'FORMAT_ERROR']);
  });
});
