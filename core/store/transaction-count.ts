import type { TransactionCounts, TransactionFilter } from '../../common/index.js';
import type { Db } from './database.js';
import { filterConditions } from './transaction-filter.js';

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

/**
 * How many stored transactions the filter matches, booked and pending apart, over the same
 * conditions the list pages use, so a count always agrees with the rows its list shows. Two
 * counts rather than one grouped by status: the total is read from an index alone, the pending
 * ones from their partial index, and neither reads the table's rows.
 */
export function countTransactions(db: Db, filter: TransactionFilter): TransactionCounts {
  if (filter.status === 'booked') return { booked: countOf(db, filter), pending: 0 };
  // A text search reads each matching row whatever the index: one grouped pass, not two counts.
  if (filter.status === undefined && filter.text !== undefined && filter.text.trim() !== '') return groupedCount(db, filter);
  const pending = countOf(db, { ...filter, status: 'pending' });
  if (filter.status === 'pending') return { booked: 0, pending };
  return { booked: countOf(db, filter) - pending, pending };
}
