import { isReadable, type AccountsView, type Connection, type UiErrorState } from '../../common/index.js';
import { latestBalances } from './balance-queries.js';
import { ConnectionStore } from './connections.js';
import type { Db } from './database.js';
import { AccountSyncStore } from './sync-state.js';

/** The states a retry without the person can clear. */
const TRANSIENT: ReadonlySet<UiErrorState> = new Set(['offline', 'rate-limited']);

/**
 * The accounts list from the local copy alone, instantly and offline: every account the given
 * connections grant (expired and revoked ones too, with their stored data, marked unreadable),
 * each with its newest balance of each type and its last sync. A connection's `failure` is the
 * newest error its accounts' last sync attempts left.
 */
export function storedAccountsView(db: Db, connections: readonly Connection[]): AccountsView {
  const grants = new ConnectionStore(db);
  const sync = new AccountSyncStore(db);
  const view: AccountsView = { accounts: [], failures: [], skipped: [] };
  const byConnection = connections.map((c) => ({ connection: c, grants: grants.grants(c.id) }));
  const balances = latestBalances(db, [...new Set(byConnection.flatMap((c) => c.grants.map((g) => g.id)))]);
  for (const { connection, grants: granted } of byConnection) {
    let failure: { state: UiErrorState; message: string; at: string } | undefined;
    for (const g of granted) {
      const state = sync.get(g.id);
      view.accounts.push({
        id: g.id, connectionId: connection.id, kind: g.kind, resourceId: g.resourceId, currency: g.currency,
        ...(g.iban === undefined ? {} : { iban: g.iban }),
        ...(g.maskedPan === undefined ? {} : { maskedPan: g.maskedPan }),
        ...(g.name === undefined ? {} : { name: g.name }),
        ...(g.product === undefined ? {} : { product: g.product }),
        ...(g.cashAccountType === undefined ? {} : { cashAccountType: g.cashAccountType }),
        balances: balances.get(g.id) ?? [],
        readable: isReadable(connection.status),
        ...(state.syncedAt === undefined ? {} : { syncedAt: state.syncedAt }),
      });
      for (const item of state.skipped ?? []) view.skipped.push({ connectionId: connection.id, accountId: g.id, ...item });
      if (state.lastError !== undefined && (failure === undefined || state.lastError.at > failure.at)) failure = state.lastError;
    }
    if (failure !== undefined) {
      view.failures.push({
        connectionId: connection.id,
        state: failure.state,
        error: { code: 'SYNC_FAILED', state: failure.state, message: failure.message, retryable: TRANSIENT.has(failure.state) },
      });
    }
  }
  const synced = sync.oldestSync([...new Set(view.accounts.map((a) => a.id))]);
  if (synced !== undefined && view.accounts.length > 0) view.syncedAt = synced;
  return view;
}
