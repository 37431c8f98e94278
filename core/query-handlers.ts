import type { Handlers } from '../common/index.js';
import type { AppCore } from './app-core.js';
import { balanceHistory, currencyTotals } from './store/balance-queries.js';
import { counterpartySpending, monthlyFlows } from './store/flow-queries.js';
import { storedAccountsView } from './store/stored-accounts.js';
import { AccountSyncStore } from './store/sync-state.js';
import { queryTransactions } from './store/transaction-queries.js';
import { visibleAccountIds } from './store/visible-accounts.js';

type QueryMethod = 'accounts:list' | 'transactions:query' | 'insights:totals' | 'insights:balance-history' | 'insights:monthly' | 'insights:counterparties';

/**
 * The reads of the contract: all from the local copy, never from the bank, so they answer at
 * once and offline. Each answer carries `syncedAt`, the oldest last sync of the accounts it
 * covers, so the UI can say how current it is.
 */
export function queryHandlers(core: AppCore): Pick<Handlers, QueryMethod> {
  const syncedAt = syncedAtOf(core);
  return {
    'accounts:list': async () => storedAccountsView(core.db, core.connections.list()),
    'transactions:query': async ({ sort, order, limit, cursor, ...filter }) => ({
      ...queryTransactions(core.db, { filter, sort, order, limit, ...(cursor === undefined ? {} : { cursor }) }),
      ...syncedAt(filter.accountIds),
    }),
    'insights:totals': async () => {
      const totals = currencyTotals(core.db);
      return { totals, ...syncedAt(undefined) };
    },
    'insights:balance-history': async (query) => ({ ...balanceHistory(core.db, query), ...syncedAt([query.accountId]) }),
    'insights:monthly': async (query) => ({ months: monthlyFlows(core.db, query), ...syncedAt(query.accountIds) }),
    'insights:counterparties': async (query) => ({ counterparties: counterpartySpending(core.db, query), ...syncedAt(query.accountIds) }),
  };
}

/** The `syncedAt` of an answer over these accounts (absent: every visible one), to spread into it. */
export function syncedAtOf(core: AppCore): (accountIds: readonly string[] | undefined) => { syncedAt?: string } {
  const sync = new AccountSyncStore(core.db);
  return (accountIds) => {
    const ids = accountIds ?? visibleAccountIds(core.db);
    const at = ids.length === 0 ? undefined : sync.oldestSync(ids);
    return at === undefined ? {} : { syncedAt: at };
  };
}
