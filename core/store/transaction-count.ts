import type { TransactionCounts, TransactionFilter } from '../../common/index.js';
import type { Db } from './database.js';
import { filterConditions } from './transaction-filter.js';

/**
 * How many stored transactions the filter matches, booked and pending apart: one pass over the
 * same conditions the list pages use, so a count always agrees with the rows its list shows.
 */
export function countTransactions(db: Db, filter: TransactionFilter): TransactionCounts {
  const { where, params } = filterConditions(db, filter);
  const rows = db
    .prepare(`SELECT status, count(*) AS n FROM transactions${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''} GROUP BY status`)
    .all(...params) as { status: 'booked' | 'pending'; n: number }[];
  const counts: TransactionCounts = { booked: 0, pending: 0 };
  for (const row of rows) counts[row.status] = row.n;
  return counts;
}
