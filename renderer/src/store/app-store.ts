import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Bridge } from '../../../common/contract.js';
import type { AuthPopup } from '../auth-popup.js';
import { createAccountsSlice } from './accounts-slice.js';
import { createAppInfoSlice } from './app-info-slice.js';
import { createCategoriesSlice } from './categories-slice.js';
import { createConnectionsSlice } from './connections-slice.js';
import { createOverviewSlice } from './overview-slice.js';
import { createInsightsSlice } from './insights-slice.js';
import { createProfileAdminSlice } from './profile-admin-slice.js';
import { createPaymentsSlice } from './payments-slice.js';
import { createLedgerSlice } from './ledger-slice.js';
import { createSettingsSlice } from './settings-slice.js';
import { createSyncSlice } from './sync-slice.js';
import { createTransactionsSlice } from './transactions-slice.js';
import type { AppState, StoreDeps } from './types.js';
import { createUiSlice } from './ui-slice.js';

export type AppStore = StoreApi<AppState>;

/**
 * The renderer's one store, from typed slices. The bridge is a parameter (preload, HTTP, or a
 * test's fake) and only slice actions call it; components read through selectors.
 */
export function createAppStore(bridge: Bridge, options: { authPopup?: AuthPopup } = {}): AppStore {
  const deps: StoreDeps = { bridge, authPopup: options.authPopup };
  const store = createStore<AppState>()((...a) => ({
    ...createUiSlice(deps)(...a),
    ...createAppInfoSlice(deps)(...a),
    ...createConnectionsSlice(deps)(...a),
    ...createAccountsSlice(deps)(...a),
    ...createTransactionsSlice(deps)(...a),
    ...createSettingsSlice(deps)(...a),
    ...createSyncSlice(deps)(...a),
    ...createOverviewSlice(deps)(...a),
    ...createCategoriesSlice(deps)(...a),
    ...createInsightsSlice(deps)(...a),
    ...createProfileAdminSlice(deps)(...a),
    ...createPaymentsSlice(deps)(...a),
    ...createLedgerSlice(deps)(...a),
    async initialize() {
      const s = store.getState();
      // A local copy that cannot be opened answers nothing else: the person chooses first.
      if ((await s.loadAppInfo())?.locked === true) return;
      await Promise.all([s.loadProfiles(), s.loadConnections(), s.loadSettings(), s.loadAccounts(), s.loadSyncStatus(), s.loadOverview()]);
    },
  }));
  // Lives as long as the window: the store is created once per page.
  bridge.on('connections:changed', (connections) => {
    store.getState().applyConnections(connections);
    // The totals count the live connections only: a revoke or a removal changes them.
    void store.getState().loadOverview();
  });
  bridge.on('payments:changed', (view) => store.getState().applyPayment(view));
  bridge.on('sync:progress', (progress) => store.getState().applySyncProgress(progress));
  // A sync changed the local copy: what the screens show is read from it again, and so is the
  // engine's status (the last run, the next automatic one).
  bridge.on('sync:finished', (summary) => {
    const s = store.getState();
    s.applySyncFinished(summary);
    s.ledgerChanged();
    void Promise.all([s.loadAccounts(), s.reloadTransactions(), s.loadSyncStatus(), s.loadOverview()]);
  });
  return store;
}
