import type { SkippedItem, UiErrorState } from './domain.js';

/** What started a sync: the person (present: the bank's daily budget does not apply) or the app on its own. */
export type SyncTrigger = 'person' | 'schedule' | 'startup';

/**
 * One account's progress through a sync run, as the UI's progress bar and the CLI's lines show
 * it. `done` and `total` count the run's accounts, so any event alone can draw the bar.
 */
export interface SyncProgress {
  runId: number;
  connectionId: string;
  accountId: string;
  phase:
    | 'queued'
    | 'reading' // `page` of the report has arrived
    | 'done' // stored: `stored` new transactions
    | 'deferred' // the daily budget is spent: `nextAttemptAt` says when the app tries again
    | 'failed'; // `state` says why, for the UI
  page?: number;
  stored?: number;
  state?: UiErrorState;
  message?: string;
  /** ISO instant. */
  nextAttemptAt?: string;
  done: number;
  total: number;
}

/** How one account's part of a run ended. */
export interface AccountSyncResult {
  connectionId: string;
  accountId: string;
  outcome: 'synced' | 'deferred' | 'failed';
  /** Booked and pending transactions new to the local copy. */
  stored: number;
  /** Items of the bank's report that could not be read or kept; the rest is stored. */
  skipped: SkippedItem[];
  pages: number;
  state?: UiErrorState;
  message?: string;
  nextAttemptAt?: string;
}

export interface SyncSummary {
  runId: number;
  trigger: SyncTrigger;
  startedAt: string;
  finishedAt: string;
  /** `partial`: some accounts synced, some failed or were deferred. */
  outcome: 'ok' | 'partial' | 'failed';
  accounts: AccountSyncResult[];
  /** Connections whose consent cannot be read now (expired, revoked, needs the person): not attempted. */
  skippedConnections: { connectionId: string; state: UiErrorState }[];
  requests: number;
  stored: number;
}

/** The sync engine as the UI sees it. */
export interface SyncStatus {
  running: boolean;
  /** The last finished run, of any trigger. */
  lastRun?: { trigger: SyncTrigger; finishedAt: string; outcome: SyncSummary['outcome'] };
  /** ISO instant of the next automatic run; absent when auto-sync is off. */
  nextRunAt?: string;
  /** Hours between automatic runs; 0 = off. */
  intervalHours: number;
}
