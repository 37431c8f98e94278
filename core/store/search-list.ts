import type { TransactionFilter } from '../../common/index.js';
import type { Db } from './database.js';
import { ENTRY_ID, toFtsMatch } from './fts-match.js';
import type { CursorPosition } from './transaction-cursor.js';
import { filterConditions } from './transaction-filter.js';

/**
 * A search by date read in the text index's own order. The index is keyed by `search_key`
 * (schema step 8: YYYYMMDD × 2^32 + id), which orders exactly as the list's `(day, id)`, so
 * SQLite reads the matches newest (or oldest) first straight from FTS5 and stops at the page:
 * a first page costs the same at a million rows as at a hundred thousand, whatever the share
 * that matches. The date range and the cursor become bounds on the key, where FTS5 seeks; they
 * stay row conditions too, so the rows are exactly those of the filter.
 *
 * Only where the other conditions keep most matches: each match read is a row looked up. An
 * account, an amount range or the few pending rows would pass most matches by, so those lists
 * keep the plan of `filterConditions` (the list's index walked against the set of matches).
 */
export function searchListMatch(filter: TransactionFilter, sort: 'date' | 'amount'): string | undefined {
  if (sort !== 'date' || filter.text === undefined) return undefined;
  if (filter.accountIds !== undefined || filter.amountMin !== undefined || filter.amountMax !== undefined || filter.status === 'pending') return undefined;
  return toFtsMatch(filter.text);
}

export interface SearchListQuery {
  filter: TransactionFilter;
  order: 'asc' | 'desc';
  /** The columns of `transactions` the list selects. */
  columns: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A day's first search key (its id bits zero); the next day's first key is 2^32 higher. */
const DAY_KEY = "CAST(replace(?, '-', '') AS INTEGER) * 4294967296";

/** The SQL of one page of a search by date: {@link searchListMatch}'s `match` over `query.filter`. */
export function searchListSql(db: Db, query: SearchListQuery, match: string, after?: CursorPosition): { sql: string; params: unknown[] } {
  const { text: _text, ...rest } = query.filter;
  const { where, params } = filterConditions(db, rest);
  const bounds = ['transactions_fts MATCH ?'];
  const boundParams: unknown[] = [match];
  if (rest.dateFrom !== undefined && ISO_DAY.test(rest.dateFrom)) {
    bounds.push(`rowid >= ${DAY_KEY}`);
    boundParams.push(rest.dateFrom);
  }
  if (rest.dateTo !== undefined && ISO_DAY.test(rest.dateTo)) {
    bounds.push(`rowid < ${DAY_KEY} + 4294967296`);
    boundParams.push(rest.dateTo);
  }
  const desc = query.order === 'desc';
  if (after !== undefined) {
    where.push(`(day, id) ${desc ? '<' : '>'} (?, ?)`);
    params.push(after.key, after.id);
    if (ISO_DAY.test(after.key)) {
      // The id as an integer: a JS number binds as a double, and a double cannot hold a key.
      bounds.push(`rowid ${desc ? '<' : '>'} ${DAY_KEY} + CAST(? AS INTEGER)`);
      boundParams.push(after.key, after.id);
    }
  }
  const sql = `SELECT ${query.columns} FROM (SELECT rowid AS hit_key, ${ENTRY_ID} AS hit_id FROM transactions_fts WHERE ${bounds.join(' AND ')})
    CROSS JOIN transactions ON transactions.id = hit_id${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}
    ORDER BY hit_key ${desc ? 'DESC' : 'ASC'}`;
  return { sql, params: [...boundParams, ...params] };
}
