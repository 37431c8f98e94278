/**
 * `GET /sandbox/psus/:userId/ledger`: the bank's ground truth, which a client's store is compared
 * with. It must say what the wire says, in both dialects, so each check reads the real report.
 */
import { describe, expect, it } from 'vitest';
import { useBank } from '../helpers/enrolled-bank.js';
import { call } from '../helpers/http.js';
import { aisBank, monthsBefore, WINTER_DAY } from './accounts-support.js';
import { accountIndex, ledger, ledgerKey, locate, reportOf, wireKey } from './ledger-support.js';

const since = monthsBefore(WINTER_DAY, 27);

describe.each(['cec', 'loose'] as const)('GET /sandbox/psus/:userId/ledger (%s dialect)', (dialect) => {
  const s = aisBank({ dialect });

  it('lists each account’s booked and pending transactions with the ids, amounts and dates its report carries, in the bank’s order', async () => {
    const accounts = await ledger(s.bank);
    const index = await accountIndex(s.reader);
    expect(accounts).toHaveLength(4);
    for (const a of accounts) {
      const [family, id] = locate(index, a);
      const report = await reportOf(s.reader, family, id, since);
      expect(a.transactions.filter((t) => t.status === 'booked').map(ledgerKey)).toEqual(report.booked.map(wireKey));
      expect(a.transactions.filter((t) => t.status === 'pending').map(ledgerKey)).toEqual(report.pending.map(wireKey));
      // Booked first, then pending, as the bank holds them.
      const statuses = a.transactions.map((t) => t.status);
      expect(statuses).toEqual([...statuses].sort());
    }
  });

  it('lists the PSU’s accounts with IBAN, currency, kind, product, and the masked PAN of a card', async () => {
    const psus = await call<{ psus: { userId: string; accounts: object[] }[] }>(`${s.bank.origin}/sandbox/psus`);
    const expected = psus.body.psus.find((p) => p.userId === 'demo')?.accounts;
    const accounts = (await ledger(s.bank)).map(({ transactions: _t, ...a }) => a);
    expect(accounts).toEqual(expected);
    expect(accounts.filter((a) => a.kind === 'card').every((a) => /^\d{6}\*{6}\d{4}$/.test(a.maskedPan ?? ''))).toBe(true);
  });

  it('names each transaction by the id its wire sends, or none', async () => {
    const all = (await ledger(s.bank)).flatMap((a) => a.transactions);
    const withoutId = all.filter((t) => t.transactionId === undefined);
    const otherId = all.filter((t) => t.transactionId !== undefined && t.transactionId !== t.sandboxId);
    if (dialect === 'cec') {
      expect(withoutId).toEqual([]);
      expect(otherId).toEqual([]);
    } else {
      // About one in ten has none, one in forty a 20-digit number (see sandbox/dialect.ts).
      expect(withoutId.length).toBeGreaterThan(all.length / 20);
      expect(otherId.length).toBeGreaterThan(0);
      expect(otherId.every((t) => t.transactionId === `1${t.sandboxId.padStart(19, '0')}`)).toBe(true);
    }
  });

  it('writes each amount exactly as the report does, never through a float', async () => {
    const amounts = (await ledger(s.bank)).flatMap((a) => a.transactions.map((t) => t.amount));
    const pattern = dialect === 'cec' ? /^-?\d+(\.\d{1,2})?$/ : /^-?\d+(\.\d{1,2})?$|^-?\d(\.\d+)?E-?\d+$/;
    expect(amounts.filter((a) => !pattern.test(a))).toEqual([]);
    if (dialect === 'loose') expect(amounts.some((a) => a.includes('E'))).toBe(true);
  });

  it('holds more than two years of booked history on every account of the demo PSU', async () => {
    for (const a of await ledger(s.bank)) {
      const booked = a.transactions.filter((t) => t.status === 'booked').map((t) => t.bookingDate ?? '');
      expect(booked[0]! <= '2025-01-14').toBe(true);
      expect(booked.at(-1)! <= WINTER_DAY).toBe(true);
      expect(booked.length).toBeGreaterThan(24);
    }
  });

  it('answers 404 RESOURCE_UNKNOWN for a PSU the bank does not have', async () => {
    const res = await call(`${s.bank.origin}/sandbox/psus/nobody/ledger`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ tppMessages: [{ category: 'ERROR', code: 'RESOURCE_UNKNOWN', text: 'No PSU nobody' }] });
  });
});

describe('the ledger is outside the API gateway', () => {
  const s = useBank({ rateLimit: 1, faultRate: 1 });

  it('answers every call, however low the rate limit and however high the fault rate', async () => {
    for (let i = 0; i < 4; i++) {
      const res = await call(`${s.bank.origin}/sandbox/psus/demo/ledger`, { headers: { 'x-ibm-client-id': 'one-client' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-remaining')).toBeNull();
    }
  });
});
