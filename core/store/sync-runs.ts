import type { Db } from './database.js';

export type SyncTrigger = 'person' | 'schedule' | 'startup';

export interface SyncRunSummary {
  outcome: 'ok' | 'partial' | 'failed';
  accountsSynced: number;
  accountsFailed: number;
  /** Accounts left for later: the daily budget is spent, or the consent cannot be read. */
  accountsDeferred: number;
  /** Transactions new to the store. */
  stored: number;
  requests: number;
  /** Per-account failures and deferrals, for diagnosis. */
  detail?: unknown;
}

export interface SyncRunRecord extends Partial<SyncRunSummary> {
  id: number;
  trigger: SyncTrigger;
  startedAt: string;
  finishedAt?: string;
}

interface Row {
  id: number;
  trigger: SyncTrigger;
  started_at: string;
  finished_at: string | null;
  outcome: SyncRunSummary['outcome'] | null;
  accounts_synced: number;
  accounts_failed: number;
  accounts_deferred: number;
  stored: number;
  requests: number;
}

const toRecord = (r: Row): SyncRunRecord => ({
  id: r.id,
  trigger: r.trigger,
  startedAt: r.started_at,
  ...(r.finished_at === null ? {} : { finishedAt: r.finished_at }),
  ...(r.outcome === null
    ? {}
    : { outcome: r.outcome, accountsSynced: r.accounts_synced, accountsFailed: r.accounts_failed, accountsDeferred: r.accounts_deferred, stored: r.stored, requests: r.requests }),
});

/** The history of sync runs: when the data was last refreshed, and how each run went. */
export class SyncRunStore {
  constructor(private readonly db: Db) {}

  start(trigger: SyncTrigger, now: string): number {
    return Number(this.db.prepare('INSERT INTO sync_runs (trigger, started_at) VALUES (?, ?)').run(trigger, now).lastInsertRowid);
  }

  finish(id: number, summary: SyncRunSummary, now: string): void {
    this.db.prepare(
      `UPDATE sync_runs SET finished_at = @now, outcome = @outcome, accounts_synced = @accountsSynced, accounts_failed = @accountsFailed,
         accounts_deferred = @accountsDeferred, stored = @stored, requests = @requests, detail = @detail WHERE id = @id`,
    ).run({ ...summary, id, now, detail: summary.detail === undefined ? null : JSON.stringify(summary.detail) });
  }

  /** The newest finished runs first. */
  recent(limit = 20): SyncRunRecord[] {
    return (this.db.prepare('SELECT * FROM sync_runs ORDER BY started_at DESC, id DESC LIMIT ?').all(limit) as Row[]).map(toRecord);
  }

  /** The last run that finished, of any trigger. */
  lastFinished(): SyncRunRecord | undefined {
    const row = this.db.prepare('SELECT * FROM sync_runs WHERE finished_at IS NOT NULL ORDER BY finished_at DESC, id DESC LIMIT 1').get() as Row | undefined;
    return row === undefined ? undefined : toRecord(row);
  }
}
