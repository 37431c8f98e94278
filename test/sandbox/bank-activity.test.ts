/**
 * `POST /sandbox/psus/:userId/activity`: the bank lives on, as a sync engine meets it day after
 * day. Each check compares the ledger before and after, and the API's balances.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { onlineEur, ronSpending } from '../../sandbox/data/merchants.js';
import { bankFor, testClock } from '../helpers/bank.js';
import { tppCode } from '../helpers/http.js';
import { aisBank, clockStart, minorOf, monthsBefore, WINTER_DAY } from './accounts-support.js';
import { accountIndex, ledger, locate, post, reportOf, type LedgerAccount, type LedgerTx } from './ledger-support.js';

const since = monthsBefore(WINTER_DAY, 27);
const YESTERDAY = '2027-01-13';
const newOnes = (before: LedgerAccount, after: LedgerAccount): LedgerTx[] => {
  const old = new Set(before.transactions.map((t) => t.sandboxId));
  return after.transactions.filter((t) => !old.has(t.sandboxId));
};
const merchantNames = [...ronSpending.flatMap((w) => w.value), ...onlineEur].map((m) => m.name);
/** Groups of new transactions alike in everything a person sees. */
const alike = (ts: LedgerTx[]): LedgerTx[][] => {
  const groups = new Map<string, LedgerTx[]>();
  for (const t of ts) {
    const key = JSON.stringify([t.status, t.amount, t.remittance, t.valueDate, t.bookingDate]);
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups.values()];
};
const sum = (ts: LedgerTx[]) => ts.reduce((m, t) => m + minorOf(t.amount), 0n);
const activity = (bank: { origin: string }, days?: number) => post(bank as never, '/sandbox/psus/demo/activity', days === undefined ? undefined : { days });

describe('POST /sandbox/psus/:userId/activity', () => {
  const s = aisBank();
  let before: LedgerAccount[];
  let after: LedgerAccount[];
  let answer: any;
  let balancesBefore: Map<string, { closingBooked: string; interimAvailable: string }>;

  const balances = async () => {
    const index = await accountIndex(s.reader);
    const out = new Map<string, { closingBooked: string; interimAvailable: string }>();
    for (const a of await ledger(s.bank)) {
      const [family, id] = locate(index, a);
      out.set(a.iban, await reportOf(s.reader, family, id, since));
    }
    return out;
  };

  it('answers what it did on each account', async () => {
    before = await ledger(s.bank);
    balancesBefore = await balances();
    const res = await activity(s.bank, 3);
    expect(res.status).toBe(200);
    answer = res.body;
    after = await ledger(s.bank);
    expect(answer).toMatchObject({ userId: 'demo', today: WINTER_DAY, days: 3 });
    expect(answer.accounts.map((a: any) => a.iban)).toEqual(before.map((a) => a.iban));
    before.forEach((b, i) => {
      const added = newOnes(b, after[i] as LedgerAccount);
      const done = answer.accounts[i];
      expect(added.filter((t) => t.status === 'booked')).toHaveLength(done.addedBooked);
      expect(added.filter((t) => t.status === 'pending')).toHaveLength(done.addedPending);
    });
  });

  it('books the pending transactions entered before yesterday, today, and keeps the younger ones pending', async () => {
    before.forEach((b, i) => {
      const now = new Map((after[i] as LedgerAccount).transactions.map((t) => [t.sandboxId, t]));
      const old = b.transactions.filter((t) => t.status === 'pending' && (t.valueDate ?? '') < YESTERDAY);
      const young = b.transactions.filter((t) => t.status === 'pending' && (t.valueDate ?? '') >= YESTERDAY);
      expect(old.map((t) => now.get(t.sandboxId))).toEqual(old.map((t) => ({ ...t, status: 'booked', bookingDate: WINTER_DAY, ...(t.entryReference === undefined ? {} : { entryReference: expect.any(String) }) })));
      expect(young.map((t) => now.get(t.sandboxId)?.status)).toEqual(young.map(() => 'pending'));
      expect(answer.accounts[i].bookedFromPending).toBe(old.length);
    });
    expect(answer.accounts.reduce((n: number, a: any) => n + a.bookedFromPending, 0)).toBeGreaterThan(0);
  });

  it('adds card purchases at the generators’ merchants: those of earlier days booked today, today’s pending', async () => {
    const spending = before.filter((a) => a.kind !== 'savings');
    for (const b of spending) {
      const added = newOnes(b, after.find((a) => a.iban === b.iban) as LedgerAccount);
      const purchases = added.filter((t) => /^(Cumparare POS|Plata online) /.test(t.remittance ?? ''));
      // One to three a day; one the account cannot pay is declined.
      expect(purchases.length).toBeGreaterThan(0);
      for (const t of purchases) {
        expect(merchantNames.some((m) => (t.remittance ?? '').includes(` ${m} `))).toBe(true);
        if (t.status === 'pending') expect(t.valueDate).toBe(WINTER_DAY);
        else expect([t.bookingDate, ['2027-01-12', YESTERDAY].includes(t.valueDate ?? '')]).toEqual([WINTER_DAY, true]);
      }
    }
    const savings = before.find((a) => a.kind === 'savings') as LedgerAccount;
    expect(newOnes(savings, after.find((a) => a.iban === savings.iban) as LedgerAccount)).toEqual([]);
  });

  it('adds identical twins on the card account: same merchant, amount and day, two ids', async () => {
    const b = before.find((a) => a.kind === 'card') as LedgerAccount;
    const added = newOnes(b, after.find((a) => a.iban === b.iban) as LedgerAccount);
    const pairs = alike(added).filter((g) => g.length === 2);
    expect(pairs.length).toBeGreaterThanOrEqual(answer.accounts.find((a: any) => a.iban === b.iban).twinPairs);
    expect(pairs.length).toBeGreaterThan(0);
    for (const [x, y] of pairs) expect(x?.sandboxId).not.toBe(y?.sandboxId);
  });

  it('keeps each balance the sum of its transactions: closingBooked moves by what got booked, interimAvailable by what is new', async () => {
    const now = await balances();
    for (const b of before) {
      const a = after.find((x) => x.iban === b.iban) as LedgerAccount;
      const added = newOnes(b, a);
      const pendingBefore = new Set(b.transactions.filter((t) => t.status === 'pending').map((t) => t.sandboxId));
      const nowBooked = a.transactions.filter((t) => t.status === 'booked' && pendingBefore.has(t.sandboxId));
      const was = balancesBefore.get(b.iban)!;
      const is = now.get(b.iban)!;
      expect(minorOf(is.closingBooked) - minorOf(was.closingBooked)).toBe(sum(added.filter((t) => t.status === 'booked')) + sum(nowBooked));
      expect(minorOf(is.interimAvailable) - minorOf(was.interimAvailable)).toBe(sum(added));
    }
  });

  it('hands out entryReferences in recording order and keeps the booked ones by date, then entryReference', async () => {
    for (const [i, a] of after.entries()) {
      if (a.transactions.some((t) => t.entryReference === undefined)) continue; // CEC's card transactions carry none
      const top = Math.max(...(before[i] as LedgerAccount).transactions.map((t) => Number(t.entryReference)));
      const fresh = newOnes(before[i] as LedgerAccount, a).map((t) => Number(t.entryReference));
      expect(fresh.every((e) => e > top)).toBe(true);
      const booked = a.transactions.filter((t) => t.status === 'booked').map((t) => [t.bookingDate ?? '', Number(t.entryReference)] as const);
      const sorted = [...booked].sort((x, y) => (x[0] === y[0] ? x[1] - y[1] : x[0] < y[0] ? -1 : 1));
      expect(booked).toEqual(sorted);
    }
  });

  it('defaults to one day, and answers 400 FORMAT_ERROR for a bad number of days, 404 for an unknown PSU', async () => {
    const one = await activity(s.bank);
    expect([one.status, one.body.days]).toEqual([200, 1]);
    const bad = await activity(s.bank, 0);
    expect([bad.status, tppCode(bad)]).toEqual([400, 'FORMAT_ERROR']);
    const nobody = await post(s.bank, '/sandbox/psus/nobody/activity');
    expect([nobody.status, tppCode(nobody)]).toEqual([404, 'RESOURCE_UNKNOWN']);
  });
});

describe('activity across banks and restarts', () => {
  const dirs: string[] = [];
  afterAll(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

  it('is the same on two banks of the same seed, state and day', async () => {
    const runs = [];
    for (let i = 0; i < 2; i++) {
      const bank = await bankFor({ now: testClock(clockStart()).now });
      try {
        runs.push({ answer: (await activity(bank, 5)).body, ledger: await ledger(bank) });
      } finally {
        await bank.close();
      }
    }
    expect(runs[1]).toEqual(runs[0]);
  });

  it('is kept in the bank’s state: a bank restarted on its data folder holds what the activity did', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-activity-'));
    dirs.push(dir);
    const clock = testClock(clockStart());
    const first = await bankFor({ dataDir: dir, now: clock.now });
    let expected: LedgerAccount[];
    try {
      await activity(first, 2);
      expected = await ledger(first);
    } finally {
      await first.close();
    }
    const again = await bankFor({ dataDir: dir, now: clock.now });
    try {
      expect(await ledger(again)).toEqual(expected);
    } finally {
      await again.close();
    }
  });
});

describe('activity in the loose dialect', () => {
  const s = aisBank({ dialect: 'loose' });

  it('sends the twins it adds without an id, as the loose bank sends every twin', async () => {
    const before = (await ledger(s.bank)).find((a) => a.kind === 'card') as LedgerAccount;
    await activity(s.bank, 3);
    const after = (await ledger(s.bank)).find((a) => a.kind === 'card') as LedgerAccount;
    const added = newOnes(before, after);
    const twins = alike(added).filter((g) => g.length === 2).flat();
    expect(twins.length).toBeGreaterThan(0);
    expect(twins.map((t) => t.transactionId)).toEqual(twins.map(() => undefined));
  });
});
