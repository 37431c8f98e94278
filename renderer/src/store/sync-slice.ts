import type { AccountSyncResult, SyncProgress, SyncStatus, SyncSummary } from '../../../common/sync.js';
import type { AppState, SliceCreator } from './types.js';
import { tracked } from './ui-slice.js';

/** Where one account is in a run, as its latest event (or the run's summary) says. */
export type AccountSyncLine = Omit<SyncProgress, 'runId' | 'done' | 'total'>;

/** One run as its events draw it; kept after it ends so the bar and the lines show how it went. */
export interface SyncRunView {
  runId: number;
  done: number;
  total: number;
  /** By account id, in the order the run first named them. */
  accounts: Record<string, AccountSyncLine>;
  finished: boolean;
}

export interface SyncSlice {
  /** The engine as `sync:status` last described it; null until read. */
  syncStatus: SyncStatus | null;
  /** The run in progress, or the last one seen; null before any. */
  syncRun: SyncRunView | null;
  lastSyncSummary: SyncSummary | null;
  loadSyncStatus(): Promise<void>;
  /** The person's Sync: PSU-present, so the bank's daily budget does not apply. */
  runSync(connectionId?: string): Promise<boolean>;
  applySyncProgress(progress: SyncProgress): void;
  applySyncFinished(summary: SyncSummary): void;
}

const lineOf = ({ runId: _r, done: _d, total: _t, ...line }: SyncProgress): AccountSyncLine => line;

const lineOfResult = (r: AccountSyncResult): AccountSyncLine => ({
  connectionId: r.connectionId,
  accountId: r.accountId,
  phase: r.outcome === 'synced' ? 'done' : r.outcome,
  ...(r.outcome === 'synced' ? { stored: r.stored } : {}),
  ...(r.state === undefined || r.outcome === 'synced' ? {} : { state: r.state }),
  ...(r.message === undefined || r.outcome === 'synced' ? {} : { message: r.message }),
  ...(r.nextAttemptAt === undefined ? {} : { nextAttemptAt: r.nextAttemptAt }),
});

/** A run is going: one the person started and waits for, or one whose events say so. */
export const selectSyncing = (s: AppState): boolean =>
  s.busy.sync === true || (s.syncRun !== null && !s.syncRun.finished) || (s.syncRun === null && s.syncStatus?.running === true);

/**
 * The next automatic run that reads the accounts a run deferred: the first scheduled one at or
 * after their earliest retry time. Undefined when nothing was deferred or auto-sync is off.
 */
export function nextAutoUpdate(summary: SyncSummary | null, status: SyncStatus | null): Date | undefined {
  if (summary === null || status?.nextRunAt === undefined || status.intervalHours <= 0) return undefined;
  const retries = summary.accounts.flatMap((a) => (a.outcome === 'deferred' && a.nextAttemptAt !== undefined ? [Date.parse(a.nextAttemptAt)] : []));
  if (retries.length === 0) return undefined;
  const earliest = Math.min(...retries);
  const next = Date.parse(status.nextRunAt);
  const step = status.intervalHours * 3_600_000;
  return new Date(next >= earliest ? next : next + Math.ceil((earliest - next) / step) * step);
}

export const createSyncSlice: SliceCreator<SyncSlice> = ({ bridge }) => (set, get) => {
  // The status is read at start and after every run: an answer older than the newest ask is dropped.
  let latest = 0;
  return {
    syncStatus: null,
    syncRun: null,
    lastSyncSummary: null,
    async loadSyncStatus() {
      const ticket = ++latest;
      const result = await tracked(set, 'sync-status', () => bridge.invoke('sync:status', {}));
      if (ticket === latest && result.ok) set({ syncStatus: result.value });
    },
    async runSync(connectionId) {
      const result = await tracked(set, 'sync', () => bridge.invoke('sync:run', connectionId === undefined ? {} : { connectionId }));
      // The summary also comes as `sync:finished`; taking it here too keeps the screen right when the event stream was down.
      if (result.ok) get().applySyncFinished(result.value);
      return result.ok;
    },
    applySyncProgress(progress) {
      set((s: AppState) => {
        const current = s.syncRun;
        // Events of a run older than the one shown arrive late: they change nothing.
        if (current !== null && progress.runId < current.runId) return {};
        const accounts = current?.runId === progress.runId ? current.accounts : {};
        return {
          syncRun: { runId: progress.runId, done: progress.done, total: progress.total, accounts: { ...accounts, [progress.accountId]: lineOf(progress) }, finished: false },
        };
      });
    },
    applySyncFinished(summary) {
      set((s: AppState) => {
        const current = s.syncRun;
        if (current !== null && summary.runId < current.runId) return {};
        // The summary is the run's last word: it fills in whatever events did not arrive.
        const accounts = { ...(current?.runId === summary.runId ? current.accounts : {}) };
        for (const r of summary.accounts) accounts[r.accountId] = lineOfResult(r);
        const total = Object.keys(accounts).length;
        return { syncRun: { runId: summary.runId, done: total, total, accounts, finished: true }, lastSyncSummary: summary };
      });
    },
  };
};
