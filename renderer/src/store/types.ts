import type { StateCreator } from 'zustand/vanilla';
import type { Bridge } from '../../../common/contract.js';
import type { AuthPopup } from '../auth-popup.js';
import type { AccountsSlice } from './accounts-slice.js';
import type { AppInfoSlice } from './app-info-slice.js';
import type { CategoriesSlice } from './categories-slice.js';
import type { ConnectionsSlice } from './connections-slice.js';
import type { OverviewSlice } from './overview-slice.js';
import type { InsightsSlice } from './insights-slice.js';
import type { ProfileAdminSlice } from './profile-admin-slice.js';
import type { PaymentsSlice } from './payments-slice.js';
import type { LedgerSlice } from './ledger-slice.js';
import type { SettingsSlice } from './settings-slice.js';
import type { SyncSlice } from './sync-slice.js';
import type { TransactionsSlice } from './transactions-slice.js';
import type { UiSlice } from './ui-slice.js';

export interface AppActions {
  /** Loads everything the first screen shows, in parallel. */
  initialize(): Promise<void>;
}

export type AppState = AppInfoSlice & ConnectionsSlice & AccountsSlice & TransactionsSlice & SettingsSlice & SyncSlice & UiSlice & OverviewSlice
  & CategoriesSlice & InsightsSlice & ProfileAdminSlice & PaymentsSlice & LedgerSlice & AppActions;

/** What the slices are given: the only way out of the renderer, and browser mode's popup. */
export interface StoreDeps {
  bridge: Bridge;
  /** Browser mode only; Electron's main process shows the bank's page in a window of its own. */
  authPopup?: AuthPopup | undefined;
}

export type SliceCreator<T> = (deps: StoreDeps) => StateCreator<AppState, [], [], T>;
