import type { TransactionFilter } from '../../common/index.js';
import { ValidationError } from '../errors.js';
import { toMicros } from './amount-micros.js';
import type { Db } from './database.js';
import { ENTRY_ID, toFtsMatch } from './fts-match.js';
import { hiddenAccountIds } from './visible-accounts.js';

/** SQL conditions over `transactions` (unaliased) and their parameters, in order. */
export interface Conditions {
  where: string[];
  params: unknown[];
}

const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');

const amount = (text: string | undefined, field: string): bigint | undefined => {
  if (text === undefined) return undefined;
  const micros = toMicros(text);
  if (micros === undefined) throw new ValidationError(`${field} ${text} is not an amount the store can compare exactly`, field);
  return micros;
};

/** Below this many matches a search sorts its matches; from it on, it walks the list's index. */
const FEW_MATCHES = 2000;

/**
 * For the lists a search by date does not read in the text index's order (core/store/search-list.ts):
 * whether a search matches few rows (counting stops at {@link FEW_MATCHES}, so asking is cheap).
 * Few: the rows are looked up by id and only they are sorted. Many: the list's own index is
 * walked in order and each row checked against the matches (`+id` keeps the planner off the
 * rowid lookups), which finds a page early because matches are dense. Either way no search
 * costs a sort of many rows or a walk past many rows that do not match.
 */
function fewMatches(db: Db, match: string): boolean {
  const found = db.prepare('SELECT count(*) FROM (SELECT rowid FROM transactions_fts WHERE transactions_fts MATCH ? LIMIT ?)').pluck().get(match, FEW_MATCHES) as number;
  return found < FEW_MATCHES;
}

/**
 * The conditions a filter puts on stored transactions, written so the lists' indexes serve
 * them: one account is an equality (the `(account_id, day, id)` index), amounts compare as
 * millionths, and text goes through the FTS5 index. Accounts no live connection grants are
 * always left out (see `hiddenAccountIds`).
 */
export function filterConditions(db: Db, filter: TransactionFilter): Conditions {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    params.push(...values);
  };
  const accounts = [...new Set(filter.accountIds ?? [])];
  if (filter.accountIds !== undefined && accounts.length === 0) add('0');
  if (accounts.length === 1) add('account_id = ?', ...accounts);
  if (accounts.length > 1) add(`account_id IN (${marks(accounts.length)})`, ...accounts);
  const hidden = hiddenAccountIds(db);
  if (hidden.length > 0) add(`account_id NOT IN (${marks(hidden.length)})`, ...hidden);
  if (filter.dateFrom !== undefined) add('day >= ?', filter.dateFrom);
  if (filter.dateTo !== undefined) add('day <= ?', filter.dateTo);
  const min = amount(filter.amountMin, 'amountMin');
  const max = amount(filter.amountMax, 'amountMax');
  if (min !== undefined) add('amount_micros >= ?', min);
  if (max !== undefined) add('amount_micros <= ?', max);
  // About half of all rows either way: never worth an index, so `+` keeps the planner on the
  // sort's or the period's index instead of walking half the amount index.
  if (filter.direction === 'in') add('+amount_micros > 0');
  if (filter.direction === 'out') add('+amount_micros < 0');
  // A literal, not a parameter: only then can SQLite use the partial index of pending items.
  if (filter.status === 'pending') add("status = 'pending'");
  if (filter.status === 'booked') add("status = 'booked'");
  // One category is an equality its `(category_id, day, id)` index serves in date order; several
  // stay on the list's own index (`+`), as a union of ranges would need a sort.
  const categories = [...new Set(filter.categoryIds ?? [])];
  if (filter.categoryIds !== undefined && categories.length === 0) add('0');
  if (categories.length === 1) add('category_id = ?', ...categories);
  if (categories.length > 1) add(`+category_id IN (${marks(categories.length)})`, ...categories);
  const match = filter.text === undefined ? undefined : toFtsMatch(filter.text);
  if (match !== undefined) add(`${fewMatches(db, match) ? '' : '+'}id IN (SELECT ${ENTRY_ID} FROM transactions_fts WHERE transactions_fts MATCH ?)`, match);
  return { where, params };
}
