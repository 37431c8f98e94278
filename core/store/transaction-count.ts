import type { TransactionCounts, TransactionFilter } from '../../common/index.js';
import type { Db } from './database.js';
import { ENTRY_ID, toFtsMatch } from './fts-match.js';
import { filterConditions } from './transaction-filter.js';
import { hiddenAccountIds } from './visible-accounts.js';

const countOf = (db: Db, filter: TransactionFilter): number => {
  const { where, params } = filterConditions(db, filter);
  return db.prepare(`SELECT count(*) FROM transactions${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}`).pluck().get(...params) as number;
};

const groupedCount = (db: Db, filter: TransactionFilter): TransactionCounts => {
  const { where, params } = filterConditions(db, filter);
  const rows = db.prepare(`SELECT status, count(*) AS n FROM transactions${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} GROUP BY status`).all(...params) as { status: 'booked' | 'pending'; n: number }[];
  const of = (status: 'booked' | 'pending') => rows.find((r) => r.status === status)?.n ?? 0;
  return { booked: of('booked'), pending: of('pending') };
};

/** Whether the filter narrows by its text alone (a status aside): nothing else needs a row's columns. */
const textAlone = (filter: TransactionFilter): boolean =>
  Object.entries(filter).every(([field, value]) => value === undefined || field === 'text' || field === 'status');

/**
 * A search alone, counted from the text index: how many entries match is FTS5's own count, with
 * no row read, and each stored row has exactly one entry (the store writes it with the row,
 * account-history.ts, and the triggers remove or re-key it with the row), the same entries the
 * list joins to its rows. The pending ones are the few rows of their partial index whose id is
 * among the matches (`+id`: the index walked, the matches looked up, not the other way).
 * Booked ones are the rest. Only when every account's rows are shown: a hidden account's
 * entries are in the index too.
 */
function textIndexCount(db: Db, match: string, status: 'booked' | undefined): TransactionCounts {
  const matches = db.prepare('SELECT count(*) FROM transactions_fts WHERE transactions_fts MATCH ?').pluck().get(match) as number;
  const pending = db.prepare(`SELECT count(*) FROM transactions WHERE status = 'pending' AND +id IN (SELECT ${ENTRY_ID} FROM transactions_fts WHERE transactions_fts MATCH ?)`)
    .pluck().get(match) as number;
  return { booked: matches - pending, pending: status === 'booked' ? 0 : pending };
}

/**
 * How many stored transactions the filter matches, booked and pending apart, over the same
 * conditions the list pages use, so a count always agrees with the rows its list shows. Two
 * counts rather than one grouped by status: the total is read from an index alone, the pending
 * ones from their partial index, and neither reads the table's rows.
 */
export function countTransactions(db: Db, filter: TransactionFilter): TransactionCounts {
  const match = filter.text === undefined ? undefined : toFtsMatch(filter.text);
  if (match !== undefined && filter.status !== 'pending' && textAlone(filter) && hiddenAccountIds(db).length === 0) return textIndexCount(db, match, filter.status);
  if (filter.status === 'booked') return { booked: countOf(db, filter), pending: 0 };
  // A text search reads each matching row whatever the index: one grouped pass, not two counts.
  if (filter.status === undefined && filter.text !== undefined && filter.text.trim() !== '') return groupedCount(db, filter);
  const pending = countOf(db, { ...filter, status: 'pending' });
  if (filter.status === 'pending') return { booked: 0, pending };
  return { booked: countOf(db, filter) - pending, pending };
}
