/**
 * A search by date reads the text index in its own, day-ordered key (core/store/search-list.ts).
 * These tests hold it to the list it replaces, on the sandbox bank's own generated histories
 * (Romanian names and remittances, diacritics, card payments, transfers), stored the way a sync
 * stores them: each account's older history arrives after its newer one, so row ids do not follow
 * the days. Every page of every list must be exactly the rows, in exactly the order, that
 *   - the filter selects when read row by row (the JS reference below), and
 *   - the other plan returns (the same filter naming every account, which keeps the old plan).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredTransaction, TransactionFilter } from '../../common/index.js';
import { queryTransactions, type TransactionListQuery } from '../../core/store/transaction-queries.js';
import { searchListMatch } from '../../core/store/search-list.js';
import { generatePsus } from '../../sandbox/data/generate.js';
import type { BankTransaction } from '../../sandbox/state/types.js';
import { grant, storedHistory, tx, type StoredHistory } from '../helpers/stored-history.js';

let h: StoredHistory;
let accounts: string[];
let all: StoredTransaction[];

const decimal = (minor: number): string => `${minor < 0 ? '-' : ''}${Math.floor(Math.abs(minor) / 100)}.${String(Math.abs(minor) % 100).padStart(2, '0')}`;
const draft = (accountId: string, t: BankTransaction) =>
  tx({
    accountId, id: t.transactionId, bookingDate: t.bookingDate, valueDate: t.valueDate,
    amount: { amount: decimal(t.amountMinor), currency: t.currency },
    counterpartyName: (t.amountMinor < 0 ? t.creditorName : t.debtorName) || undefined,
    remittance: t.remittanceInformationUnstructured || undefined,
  });

beforeAll(() => {
  h = storedHistory();
  const [psu] = generatePsus({ seed: 11, accountsPerPsu: 5, transactionsPerAccount: 700, today: new Date('2027-03-10T10:00:00Z') });
  const bankAccounts = psu!.accounts;
  accounts = bankAccounts.map((a) => `${a.iban}:${a.currency}`);
  h.connect('c1', accounts.map((id) => grant(id)));
  // Newer half of every account first, then the older halves: ids run against the days.
  const halves = bankAccounts.map((a, i) => {
    const booked = a.transactions.filter((t) => t.status === 'booked').map((t) => draft(accounts[i]!, t));
    return [booked.slice(booked.length >> 1), booked.slice(0, booked.length >> 1)] as const;
  });
  for (const [newer] of halves) h.sync(newer[0]!.accountId, newer);
  for (const [, older] of halves) h.sync(older[0]!.accountId, [...older].reverse());
  all = pages({ filter: {}, sort: 'date', order: 'asc', limit: 500 }).flat();
}, 60_000);
afterAll(() => h.close());

function pages(query: Omit<TransactionListQuery, 'cursor'>): StoredTransaction[][] {
  const out: StoredTransaction[][] = [];
  let cursor: string | undefined;
  do {
    const page = queryTransactions(h.db, { ...query, ...(cursor === undefined ? {} : { cursor }) });
    out.push(page.transactions);
    cursor = page.cursor;
  } while (cursor !== undefined);
  return out;
}

/** The search as a person reads it: every word the start of a word of the counterparty or remittance, case and diacritics aside. */
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
function reference(filter: TransactionFilter, order: 'asc' | 'desc'): string[] {
  const wanted = (filter.text ?? '').match(/[\p{L}\p{N}]+/gu)!.map(fold);
  const rows = all.filter((t) => {
    const words = fold(`${t.counterpartyName ?? ''} ${t.remittance ?? ''}`).match(/[\p{L}\p{N}]+/gu) ?? [];
    const amount = Number(t.amount.amount);
    return wanted.every((w) => words.some((word) => word.startsWith(w)))
      && (filter.dateFrom === undefined || t.day >= filter.dateFrom) && (filter.dateTo === undefined || t.day <= filter.dateTo)
      && (filter.direction === undefined || (filter.direction === 'out' ? amount < 0 : amount > 0));
  });
  return (order === 'asc' ? rows : [...rows].reverse()).map((t) => `${t.day}/${t.rowId}`);
}

const ids = (list: StoredTransaction[]) => list.map((t) => `${t.day}/${t.rowId}`);

describe('a search by date, read from the day-ordered text index', () => {
  it('stores ids that do not follow the days (else the order would prove nothing)', () => {
    const byId = [...all].sort((a, b) => a.rowId - b.rowId);
    expect(byId.map((t) => t.day)).not.toEqual(all.map((t) => t.day));
    expect(all.length).toBeGreaterThan(3000);
  });

  const texts = ['k', 'ka', 'kaufl', 'mega', 'bucuresti', 'BUCUREȘTI', 'plata card', 'transfer', 'chirie', 'ion pop', 'zzzz'];
  const filters: TransactionFilter[] = [{}, { dateFrom: '2026-02-01', dateTo: '2026-11-30' }, { direction: 'out' }, { direction: 'in', dateFrom: '2025-06-15' }];
  const cases = texts.flatMap((text) => filters.flatMap((f) => (['desc', 'asc'] as const).map((order) => [text, JSON.stringify(f), order] as const)));

  it.each(cases)('"%s" with %s, %s: every page, 37 at a time, the rows the filter selects in the list’s order; the old plan agrees', (text, f, order) => {
    const filter: TransactionFilter = { ...(JSON.parse(f) as TransactionFilter), text };
    expect(searchListMatch(filter, 'date')).toBeDefined();
    const got = pages({ filter, sort: 'date', order, limit: 37 });
    const expected = reference(filter, order);
    expect(ids(got.flat())).toEqual(expected);
    expect(got.slice(0, -1).every((p) => p.length === 37)).toBe(true);
    const oldPlan = { ...filter, accountIds: accounts };
    expect(searchListMatch(oldPlan, 'date')).toBeUndefined();
    expect(ids(pages({ filter: oldPlan, sort: 'date', order, limit: 37 }).flat())).toEqual(expected);
  });

  it('finds what the reference finds for the common words (the cases above are not all empty)', () => {
    expect(reference({ text: 'k' }, 'desc').length).toBeGreaterThan(100);
    expect(reference({ text: 'bucuresti' }, 'desc').length).toBeGreaterThan(10);
  });
});
