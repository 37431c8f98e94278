import type { Handlers, SectionPage } from '../common/index.js';
import type { AppCore } from './app-core.js';
import { syncedAtOf } from './query-handlers.js';
import { countTransactions } from './store/transaction-count.js';
import { queryTransactions } from './store/transaction-queries.js';

const NONE: SectionPage = { transactions: [] };

/**
 * A list's opening from the local copy: the counts, then each section's first page where the
 * count found rows. One synchronous read, so no sync writes between the count and the pages.
 */
export function transactionListHandlers(core: AppCore): Pick<Handlers, 'transactions:first-pages'> {
  const syncedAt = syncedAtOf(core);
  return {
    'transactions:first-pages': async ({ limit, ...filter }) => {
      const counts = countTransactions(core.db, filter);
      const page = (status: 'booked' | 'pending'): SectionPage =>
        counts[status] === 0 ? NONE : queryTransactions(core.db, { filter: { ...filter, status }, sort: 'date', order: 'desc', limit });
      return { counts, pending: page('pending'), booked: page('booked'), ...syncedAt(filter.accountIds) };
    },
  };
}
