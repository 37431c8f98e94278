import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredTransaction, TransactionFilter } from '../../common/index.js';
import { EUR, grant, queryPlan, RON, storedHistory, tx, type StoredHistory } from '../../test/helpers/stored-history.js';
import { ValidationError } from '../errors.js';
import { iterateTransactions, queryTransactions, transactionListSql, type TransactionListQuery } from './transaction-queries.js';

let h: StoredHistory;
beforeEach(() => {
  h = storedHistory();
  h.connect('c1', [grant(RON), grant(EUR)]);
});
afterEach(() => h.close());

/** Every page of a list, following its cursors. */
function allPages(query: Omit<TransactionListQuery, 'cursor'>): StoredTransaction[][] {
  const pages: StoredTransaction[][] = [];
  let cursor: string | undefined;
  do {
    const page = queryTransactions(h.db, { ...query, ...(cursor === undefined ? {} : { cursor }) });
    pages.push(page.transactions);
    cursor = page.cursor;
  } while (cursor !== undefined && pages.length < 1000);
  return pages;
}

const remittances = (list: StoredTransaction[]) => list.map((t) => t.remittance);
const byDate = (filter: TransactionFilter = {}, limit = 100) => ({ filter, sort: 'date' as const, order: 'desc' as const, limit });

describe('queryTransactions › keyset paging', () => {
  it('pages 250 transactions of one day exactly once each, in id order (the tie-break), 7 at a time', () => {
    h.sync(RON, Array.from({ length: 250 }, (_, i) => tx({ id: `same-day-${i}`, remittance: `r${i}` })));
    const pages = allPages(byDate({}, 7));
    const rows = pages.flat();
    expect(pages).toHaveLength(36);
    expect(pages.at(-1)).toHaveLength(250 - 35 * 7);
    expect(new Set(rows.map((t) => t.rowId)).size).toBe(250);
    expect(rows.map((t) => t.rowId)).toEqual([...rows.map((t) => t.rowId)].sort((a, b) => b - a));
  });

  it('a row stored between two pages does not shift the next page onto rows already shown (no OFFSET)', () => {
    h.sync(RON, Array.from({ length: 10 }, (_, i) => tx({ id: `t${i}`, bookingDate: `2027-02-${String(10 + i)}`, remittance: `r${i}` })));
    const first = queryTransactions(h.db, byDate({}, 4));
    h.sync(RON, [tx({ id: 'newest', bookingDate: '2027-03-05', remittance: 'new' })]);
    const second = queryTransactions(h.db, { ...byDate({}, 4), cursor: first.cursor as string });
    expect(remittances(first.transactions)).toEqual(['r9', 'r8', 'r7', 'r6']);
    expect(remittances(second.transactions)).toEqual(['r5', 'r4', 'r3', 'r2']);
  });

  it('ends with no cursor on the last page, and a page that fills the limit exactly has none after it', () => {
    h.sync(RON, Array.from({ length: 4 }, (_, i) => tx({ id: `t${i}` })));
    expect(queryTransactions(h.db, byDate({}, 4)).cursor).toBeUndefined();
    const first = queryTransactions(h.db, byDate({}, 3));
    expect(queryTransactions(h.db, { ...byDate({}, 3), cursor: first.cursor as string })).toEqual({ transactions: [expect.objectContaining({ id: 't0' })] });
  });

  it('goes both ways by date, oldest first on asc', () => {
    h.sync(RON, [tx({ id: 'a', bookingDate: '2027-01-02' }), tx({ id: 'b', bookingDate: '2027-01-01' }), tx({ id: 'c', bookingDate: '2027-01-03' })]);
    expect(allPages({ ...byDate({}, 2), order: 'asc' }).flat().map((t) => t.id)).toEqual(['b', 'a', 'c']);
    expect(allPages(byDate({}, 2)).flat().map((t) => t.id)).toEqual(['c', 'a', 'b']);
  });

  it('keeps a filter across its cursors: one account, money out, a date range, 3 a page', () => {
    h.sync(RON, Array.from({ length: 30 }, (_, i) => tx({ id: `r${i}`, bookingDate: `2027-01-${String(1 + (i % 28)).padStart(2, '0')}`, amount: { amount: i % 2 === 0 ? '-5' : '7', currency: 'RON' } })));
    h.sync(EUR, Array.from({ length: 10 }, (_, i) => tx({ id: `e${i}`, bookingDate: '2027-01-10', amount: { amount: '-1', currency: 'EUR' } })));
    const filter: TransactionFilter = { accountIds: [RON], direction: 'out', dateFrom: '2027-01-05', dateTo: '2027-01-20' };
    const rows = allPages(byDate(filter, 3)).flat();
    const expected = Array.from({ length: 30 }, (_, i) => i).filter((i) => i % 2 === 0 && 1 + (i % 28) >= 5 && 1 + (i % 28) <= 20);
    expect(rows.map((t) => t.id).sort()).toEqual(expected.map((i) => `r${i}`).sort());
    expect(rows.every((t) => t.accountId === RON && t.amount.amount === '-5')).toBe(true);
  });

  it('refuses a cursor of another list (changed filter or order) and one it did not make', () => {
    h.sync(RON, Array.from({ length: 5 }, (_, i) => tx({ id: `t${i}` })));
    const { cursor } = queryTransactions(h.db, byDate({ status: 'booked' }, 2));
    expect(() => queryTransactions(h.db, { ...byDate({ status: 'pending' }, 2), cursor: cursor as string })).toThrow(/another list/);
    expect(() => queryTransactions(h.db, { ...byDate({ status: 'booked' }, 2), order: 'asc', cursor: cursor as string })).toThrow(/another list/);
    expect(() => queryTransactions(h.db, { ...byDate({ status: 'booked' }, 2), sort: 'amount', cursor: cursor as string })).toThrow(/another list/);
    const forged = Buffer.from(JSON.stringify([1, 'date', 'desc', 'x', "2027' OR 1=1", 3])).toString('base64url');
    expect(() => queryTransactions(h.db, { ...byDate({}, 2), cursor: forged })).toThrow(ValidationError);
    expect(() => queryTransactions(h.db, { ...byDate({}, 2), cursor: 'bm90LWpzb24' })).toThrow(/not one this app made/);
  });
});

describe('queryTransactions › amounts, exact', () => {
  const big = ['90071992547.409921', '90071992547.40992', '90071992547.409922', '-0.000001', '0.000001'];
  beforeEach(() => h.sync(RON, big.map((amount, i) => tx({ id: `big${i}`, amount: { amount, currency: 'RON' } }))));

  it('sorts by amount both ways beyond a float’s digits, paging by (amount, id)', () => {
    const asc = allPages({ filter: {}, sort: 'amount', order: 'asc', limit: 2 }).flat().map((t) => t.amount.amount);
    expect(asc).toEqual(['-0.000001', '0.000001', '90071992547.40992', '90071992547.409921', '90071992547.409922']);
    const desc = allPages({ filter: {}, sort: 'amount', order: 'desc', limit: 2 }).flat().map((t) => t.amount.amount);
    expect(desc).toEqual([...asc].reverse());
  });

  it('filters an amount range to the millionth: min 90071992547.409921 keeps it and drops .40992', () => {
    const rows = queryTransactions(h.db, byDate({ amountMin: '90071992547.409921', amountMax: '90071992547.409921' })).transactions;
    expect(rows.map((t) => t.amount.amount)).toEqual(['90071992547.409921']);
    expect(queryTransactions(h.db, byDate({ amountMin: '90071992547.4099210' })).transactions.map((t) => t.amount.amount).sort()).toEqual(['90071992547.409921', '90071992547.409922']);
  });

  it('tells money in from money out, zero neither', () => {
    h.sync(RON, [tx({ id: 'zero', amount: { amount: '0', currency: 'RON' } })]);
    expect(queryTransactions(h.db, byDate({ direction: 'out' })).transactions.map((t) => t.amount.amount)).toEqual(['-0.000001']);
    expect(queryTransactions(h.db, byDate({ direction: 'in' })).transactions).toHaveLength(4);
  });

  it('refuses an amount it cannot compare exactly', () => {
    expect(() => queryTransactions(h.db, byDate({ amountMin: '1.0000001' }))).toThrow(/amountMin 1.0000001/);
  });
});

describe('queryTransactions › text search', () => {
  beforeEach(() =>
    h.sync(RON, [
      tx({ id: 'k', counterpartyName: 'KAUFLAND ROMANIA', remittance: 'Cumparaturi' }),
      tx({ id: 'b', counterpartyName: 'Primăria București', remittance: 'Impozit clădire' }),
      tx({ id: 's', counterpartyName: 'Ioana', remittance: 'Chirie Ștefan cel Mare' }),
      tx({ id: 'q', counterpartyName: 'Say "hi" OR NOT', remittance: 'NEAR(a b) col:x ^start' }),
    ]),
  );
  const found = (text: string) => queryTransactions(h.db, byDate({ text })).transactions.map((t) => t.id).sort();

  it('finds without diacritics and by word beginnings as the person types', () => {
    expect(found('bucuresti')).toEqual(['b']);
    expect(found('BUCUREȘTI')).toEqual(['b']);
    expect(found('kauf')).toEqual(['k']);
    expect(found('cladire')).toEqual(['b']);
    expect(found('stefan')).toEqual(['s']);
    // The cedilla Ş of older keyboards is the same letter to the tokenizer as the comma Ș.
    expect(found('ştefan')).toEqual(['s']);
  });

  it('needs every word, in the counterparty or the remittance', () => {
    expect(found('primaria impozit')).toEqual(['b']);
    expect(found('kaufland impozit')).toEqual([]);
  });

  it('reads FTS syntax in the text as plain words: quotes, operators, columns and stars cannot break the query', () => {
    for (const text of ['"', 'say "hi', 'OR', 'NOT kauf', 'NEAR(a', 'col:x', '^start', '*', 'kauf*', '(', 'a AND', "'; DROP TABLE transactions; --"]) {
      expect(() => found(text), text).not.toThrow();
    }
    expect(found('say "hi')).toEqual(['q']);
    expect(found('NOT kauf')).toEqual([]);
    expect(found('near')).toEqual(['q']);
  });

  it('ignores text with no word in it', () => {
    expect(found('"*()')).toEqual(['b', 'k', 'q', 's']);
  });
});

describe('queryTransactions › booked and pending', () => {
  it('sorts a pending item where its day puts it, and filters by status', () => {
    h.sync(RON, [tx({ id: 'old', bookingDate: '2027-03-01' }), tx({ id: 'new', bookingDate: '2027-03-09' })], {
      pending: [tx({ id: 'p', bookingDate: undefined, valueDate: '2027-03-05' }), tx({ id: 'p-undated', bookingDate: undefined, valueDate: undefined })],
      today: '2027-03-10',
    });
    const all = queryTransactions(h.db, byDate()).transactions;
    expect(all.map((t) => `${t.id}@${t.day}`)).toEqual(['p-undated@2027-03-10', 'new@2027-03-09', 'p@2027-03-05', 'old@2027-03-01']);
    expect(queryTransactions(h.db, byDate({ status: 'pending' })).transactions.map((t) => t.id)).toEqual(['p-undated', 'p']);
    expect(queryTransactions(h.db, byDate({ status: 'booked' })).transactions.map((t) => t.id)).toEqual(['new', 'old']);
  });
});

describe('queryTransactions › whose accounts', () => {
  it('lists every account of the live connections, a revoked one’s too, but not an account no connection grants any more', () => {
    h.connect('c2', [grant('RO11CECE0000000000000002:RON')], { consentStatus: 'revokedByPsu' });
    h.connect('gone', [grant('RO11CECE0000000000000003:RON')]);
    h.sync(RON, [tx({ id: 'mine' })]);
    h.sync('RO11CECE0000000000000002:RON', [tx({ id: 'revoked-history' })]);
    h.sync('RO11CECE0000000000000003:RON', [tx({ id: 'removed' })]);
    h.connections.delete('gone');
    expect(queryTransactions(h.db, byDate()).transactions.map((t) => t.id).sort()).toEqual(['mine', 'revoked-history']);
  });

  it('keeps an account’s history across a renewal: the new consent grants the same account', () => {
    h.sync(RON, [tx({ id: 'before-renewal' })]);
    h.connect('c1-renewed', [grant(RON, { resourceId: 'new-res' })]);
    h.connections.update('c1', { replacedBy: 'c1-renewed' }, '2027-01-02T00:00:00.000Z');
    expect(queryTransactions(h.db, byDate({ accountIds: [RON] })).transactions.map((t) => t.id)).toEqual(['before-renewal']);
  });
});

describe('iterateTransactions', () => {
  it('streams every matching row in the list’s order, as the pages give them', () => {
    h.sync(RON, Array.from({ length: 120 }, (_, i) => tx({ id: `t${i}`, bookingDate: `2027-01-${String(1 + (i % 9)).padStart(2, '0')}`, amount: { amount: `-${i}.01`, currency: 'RON' } })));
    const filter = { direction: 'out' as const, dateFrom: '2027-01-03' };
    const streamed = [...iterateTransactions(h.db, filter, 'date', 'desc')];
    expect(streamed.length).toBeGreaterThan(80);
    expect(streamed).toEqual(allPages({ filter, sort: 'date', order: 'desc', limit: 11 }).flat());
  });
});

describe('transactionListSql › query plans', () => {
  const at = { date: { key: '2027-01-01', id: 5 }, amount: { key: '-5000000', id: 5 } };
  const plan = (query: Omit<TransactionListQuery, 'limit' | 'cursor'>) => {
    const { sql, params } = transactionListSql(h.db, query, at[query.sort]);
    return queryPlan(h.db, `${sql} LIMIT 101`, params);
  };
  const cases: [string, Omit<TransactionListQuery, 'limit' | 'cursor'>, string][] = [
    ['all accounts by date, newest first', { filter: {}, sort: 'date', order: 'desc' }, 'SEARCH transactions USING INDEX transactions_by_day'],
    ['all accounts by date, oldest first', { filter: {}, sort: 'date', order: 'asc' }, 'SEARCH transactions USING INDEX transactions_by_day'],
    ['a date range', { filter: { dateFrom: '2026-01-01', dateTo: '2026-12-31' }, sort: 'date', order: 'desc' }, 'SEARCH transactions USING INDEX transactions_by_day'],
    ['one account by date', { filter: { accountIds: [RON] }, sort: 'date', order: 'desc' }, 'SEARCH transactions USING INDEX transactions_by_account_day'],
    ['all accounts by amount, largest first', { filter: {}, sort: 'amount', order: 'desc' }, 'SEARCH transactions USING INDEX transactions_by_amount'],
    ['all accounts by amount, smallest first', { filter: {}, sort: 'amount', order: 'asc' }, 'SEARCH transactions USING INDEX transactions_by_amount'],
    ['status and direction by date', { filter: { status: 'booked', direction: 'out' }, sort: 'date', order: 'desc' }, 'USING INDEX transactions_by_day'],
  ];
  it.each(cases)('%s: walks its index in order, no table scan, no sort', (_name, query, expected) => {
    const lines = plan(query);
    expect(lines[0]).toContain(expected);
    expect(lines.filter((l) => /^SCAN transactions($| )/.test(l) && !l.includes('USING'))).toEqual([]);
    expect(lines.filter((l) => l.includes('TEMP B-TREE'))).toEqual([]);
  });

  it.each(['desc', 'asc'] as const)('a search by date (%s) reads the text index in the list’s order from the cursor on and stops at a page, no sort', (order) => {
    h.sync(RON, Array.from({ length: 30 }, (_, i) => tx({ id: `k${i}`, counterpartyName: 'KAUFLAND' })));
    for (const filter of [{ text: 'kauf' }, { text: 'kauf', dateFrom: '2026-01-01', dateTo: '2027-12-31', direction: 'out' as const, status: 'booked' as const }]) {
      const lines = plan({ filter, sort: 'date', order });
      expect(lines[0]).toMatch(/^SCAN transactions_fts VIRTUAL TABLE INDEX \d+:M\d+/);
      expect(lines[1]).toBe('SEARCH transactions USING INTEGER PRIMARY KEY (rowid=?)');
      expect(lines).toHaveLength(2);
    }
  });

  it('a search in an amount range with few matches looks them up by id from the FTS5 index and sorts only them', () => {
    h.sync(RON, Array.from({ length: 30 }, (_, i) => tx({ id: `k${i}`, counterpartyName: 'KAUFLAND' })));
    const lines = plan({ filter: { text: 'kauf', amountMin: '-100' }, sort: 'date', order: 'desc' });
    expect(lines[0]).toBe('SEARCH transactions USING INTEGER PRIMARY KEY (rowid=?)');
    expect(lines.some((l) => l.includes('SCAN transactions_fts VIRTUAL TABLE INDEX'))).toBe(true);
  });

  it('a search in one account with many matches walks the account’s day index in order and stops at a page, no sort', () => {
    h.sync(RON, Array.from({ length: 2000 }, (_, i) => tx({ id: `k${i}`, counterpartyName: 'KAUFLAND' })));
    const lines = plan({ filter: { text: 'kauf', accountIds: [RON] }, sort: 'date', order: 'desc' });
    expect(lines[0]).toContain('SEARCH transactions USING INDEX transactions_by_account_day');
    expect(lines.filter((l) => l.includes('TEMP B-TREE'))).toEqual([]);
    expect(queryTransactions(h.db, byDate({ text: 'kauf', accountIds: [RON] }, 7)).transactions).toHaveLength(7);
  });
});
