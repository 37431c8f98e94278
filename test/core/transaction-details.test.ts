/**
 * `transactions:details` against the sandbox bank: every field of the bank's item for a stored
 * transaction, as the report carried it. The expectation is read from the report's own bytes as
 * they crossed the wire (recorded on the way to core), parsed by lossless-json, not by core.
 */
import { parse } from 'lossless-json';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type BankField, type Handlers, type Result, type TransactionDetailsView } from '../../common/index.js';
import { createHandlers } from '../../core/app-handlers.js';
import { toAppError } from '../../core/errors.js';
import { exactDecimal } from '../../core/money/money.js';
import { coreWorld, psuPort, type CoreWorldForTest } from '../helpers/core-world.js';
import { call as http } from '../helpers/http.js';

const PSU_IP = '192.0.2.20';

/** A number of the bank's text, kept as its digits. */
class Digits {
  constructor(readonly text: string) {}
}

/** The bank's item as flat (path, value) pairs: dotted paths, arrays indexed, `null` absent. */
function flatten(value: unknown, path = ''): BankField[] {
  if (value === null) return [];
  if (value instanceof Digits) return [{ path, value: value.text }];
  if (typeof value === 'string') return [{ path, value }];
  if (typeof value === 'boolean') return [{ path, value: String(value) }];
  if (Array.isArray(value)) return value.flatMap((item, i) => flatten(item, `${path}[${i}]`));
  return Object.entries(value as Record<string, unknown>).flatMap(([key, member]) => flatten(member, path === '' ? key : `${path}.${key}`));
}

type Item = Record<string, unknown>;
interface Recorded { status: 'booked' | 'pending'; item: Item }

/** The fetch core is given: the real one, keeping the text of every transactions report it carried. */
function recordingFetch(reports: string[]): typeof fetch {
  return async (input, init) => {
    const res = await fetch(input, init);
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (res.ok && /\/transactions$/.test(url.pathname)) reports.push(await res.clone().text());
    return res;
  };
}

function itemsOf(reports: readonly string[]): Recorded[] {
  return reports.flatMap((text) => {
    const body = parse(text, null, { parseNumber: (digits: string) => new Digits(digits) }) as Record<string, Record<string, Item[] | undefined> | undefined>;
    const lists = body['transactions'] ?? body['cardTransactions'] ?? {};
    return (['booked', 'pending'] as const).flatMap((status) => (lists[status] ?? []).map((item) => ({ status, item })));
  });
}

const idOf = (item: Item): string | undefined => {
  const id = item['transactionId'] ?? item['cardTransactionId'] ?? item['entryReference'];
  return id instanceof Digits ? id.text : typeof id === 'string' ? id : undefined;
};

for (const dialect of ['cec', 'loose'] as const) {
  describe(`transactions:details: every field the bank gave (${dialect} dialect)`, () => {
    let w: CoreWorldForTest;
    let call: (method: string, input?: unknown) => Promise<Result<unknown>>;
    const reports: string[] = [];
    const details = async (rowId: number) => {
      const r = await call('transactions:details', { rowId });
      if (!r.ok) throw new Error(`transactions:details: ${r.error.code} ${r.error.message}`);
      return r.value as TransactionDetailsView;
    };
    const rowOf = (status: string, bankKey: string) =>
      w.core.db.prepare('SELECT id FROM transactions WHERE status = ? AND bank_key = ?').pluck().all(status, bankKey) as number[];
    const sync = async () => expect((await w.core.sync.run({ trigger: 'person', psuIpAddress: PSU_IP })).outcome).toBe('ok');

    beforeAll(async () => {
      w = await coreWorld({ sandbox: { dialect, seed: 5 }, fetch: recordingFetch(reports) });
      const handlers: Handlers = createHandlers(w.core, { authorizationPort: () => psuPort({ user: 'demo', decision: 'allow' }), psuIpAddress: PSU_IP, syncAfterConnect: false, emit: () => {} });
      call = (method, input = {}) => dispatch(handlers, method, input, toAppError);
      const c = await call('connections:connect', { profileId: 'sandbox', label: 'demo' });
      if (!c.ok) throw new Error(c.error.message);
      await sync();
    }, 60_000);
    afterAll(async () => { await w?.close(); });

    it('lists each item’s every field with its exact text, fields the domain does not map too', async () => {
      const items = itemsOf(reports).filter(({ item }) => idOf(item) !== undefined);
      expect(items.length).toBeGreaterThan(500);
      for (const { status, item } of items) {
        const rows = rowOf(status, idOf(item) as string);
        expect(rows, `${status} ${idOf(item)}`).toHaveLength(1);
        const view = await details(rows[0] as number);
        expect(view.transaction.rowId).toBe(rows[0]);
        expect(view.bankFields, `${status} ${idOf(item)}`).toEqual(flatten(item));
      }
      if (dialect === 'cec') {
        // CEC's card purchases carry the merchant's category code and the masked card number, which the domain has no field for.
        const card = items.find(({ item }) => item['merchantCategoryCode'] !== undefined);
        expect(card).toBeDefined();
        const view = await details(rowOf(card?.status ?? '', idOf(card?.item ?? {}) ?? '')[0] as number);
        expect(view.bankFields?.find((f) => f.path === 'merchantCategoryCode')?.value).toMatch(/^\d{4}$/);
        expect(view.bankFields?.find((f) => f.path === 'maskedPAN')?.value).toMatch(/\*{4}/);
      }
    });

    it('gives the amount as the bank wrote it, while the stored amount is its plain decimal', async () => {
      const text = reports.join('\n');
      for (const { status, item } of itemsOf(reports).filter(({ item }) => idOf(item) !== undefined).slice(0, 50)) {
        const view = await details(rowOf(status, idOf(item) as string)[0] as number);
        const written = view.bankFields?.find((f) => f.path === 'transactionAmount.amount')?.value;
        expect(text).toContain(`"amount":${written}`);
        expect(exactDecimal(written ?? '')).toBe(view.transaction.amount.amount);
      }
      if (dialect === 'loose') {
        // The loose bank writes exponents (-2.64E1): the drawer shows them as sent, not as a float's text.
        const exponent = itemsOf(reports).find(({ item }) => idOf(item) !== undefined && /E/i.test(((item['transactionAmount'] as Item)['amount'] as Digits).text));
        expect(exponent).toBeDefined();
        const view = await details(rowOf(exponent?.status ?? '', idOf(exponent?.item ?? {}) ?? '')[0] as number);
        expect(view.bankFields?.find((f) => f.path === 'transactionAmount.amount')?.value).toBe(((exponent?.item['transactionAmount'] as Item)['amount'] as Digits).text);
      }
    });

    // In CEC's dialect a booked item keeps or changes its id as asked; the loose bank may drop it (docs/sandbox-control.md).
    it.runIf(dialect === 'cec')('a pending item the bank books: the booked row has the booked item’s fields, the pending row is gone', async () => {
      const ledger = (await http<{ accounts: { transactions: { status: string; sandboxId: string; transactionId?: string }[] }[] }>(`${w.bankOrigin}/sandbox/psus/demo/ledger`)).body;
      const pending = ledger.accounts.flatMap((a) => a.transactions).filter((t) => t.status === 'pending' && t.transactionId !== undefined);
      expect(pending.length).toBeGreaterThanOrEqual(2);
      const [same, renamed] = pending as [(typeof pending)[number], (typeof pending)[number]];
      const book = (t: { sandboxId: string }, body: object) =>
        http<{ transaction: { transactionId?: string } }>(`${w.bankOrigin}/sandbox/transactions/${t.sandboxId}/book`, {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
        });
      const bookedSame = await book(same, {});
      const bookedRenamed = await book(renamed, { newTransactionId: true });
      expect([bookedSame.status, bookedRenamed.status]).toEqual([200, 200]);
      reports.length = 0;
      await sync();
      for (const [was, now] of [[same, bookedSame.body.transaction], [renamed, bookedRenamed.body.transaction]] as const) {
        expect(rowOf('pending', was.transactionId as string)).toEqual([]);
        const id = now.transactionId as string;
        const item = itemsOf(reports).find((r) => r.status === 'booked' && idOf(r.item) === id);
        expect(item, id).toBeDefined();
        const view = await details(rowOf('booked', id)[0] as number);
        expect(view.transaction.status).toBe('booked');
        expect(view.bankFields).toEqual(flatten(item?.item));
        expect(view.bankFields?.some((f) => f.path === 'bookingDate')).toBe(true);
      }
    });

    it('a row that is not there is refused as invalid input', async () => {
      const r = await call('transactions:details', { rowId: 99_999_999 });
      expect(r.ok ? 'ok' : r.error.state).toBe('invalid-input');
    });
  });
}
