import type { SkippedItem, UiErrorState } from '../../common/index.js';
import type { Db } from './database.js';

/** Where one account's local history stands. */
export interface AccountSyncState {
  accountId: string;
  /** How far back the stored history reaches; undefined before the first complete sync. */
  historyFrom?: string;
  /** The last sync that stored this account; undefined before the first. */
  syncedAt?: string;
  /** The newest booked day stored: a later sync starts from it minus the overlap. */
  lastBookedDay?: string;
  lastError?: { state: UiErrorState; message: string; at: string };
  /** Items of the last stored report that could not be read or kept. */
  skipped?: SkippedItem[];
}

interface Row {
  history_from: string | null;
  synced_at: string | null;
  attempted_at: string | null;
  last_error_state: UiErrorState | null;
  last_error_message: string | null;
  last_skipped: string | null;
}

/** The sync engine's memory per account (written with the report by `storeAccountReport`). */
export class AccountSyncStore {
  constructor(private readonly db: Db) {}

  get(accountId: string): AccountSyncState {
    const row = this.db.prepare('SELECT * FROM account_sync WHERE account_id = ?').get(accountId) as Row | undefined;
    const last = this.db.prepare(`SELECT MAX(day) AS day FROM transactions WHERE account_id = ? AND status = 'booked'`).get(accountId) as { day: string | null };
    return {
      accountId,
      ...(row?.history_from == null ? {} : { historyFrom: row.history_from }),
      ...(row?.synced_at == null ? {} : { syncedAt: row.synced_at }),
      ...(last.day === null ? {} : { lastBookedDay: last.day }),
      ...(row?.last_error_state == null || row.attempted_at === null
        ? {}
        : { lastError: { state: row.last_error_state, message: row.last_error_message ?? '', at: row.attempted_at } }),
      ...(row?.last_skipped == null ? {} : { skipped: JSON.parse(row.last_skipped) as SkippedItem[] }),
    };
  }

  /** Records a failed attempt; the stored history and its sync time stay as they were. */
  failed(accountId: string, state: UiErrorState, message: string, now: string): void {
    this.db.prepare(
      `INSERT INTO account_sync (account_id, attempted_at, last_error_state, last_error_message) VALUES (?, ?, ?, ?)
       ON CONFLICT (account_id) DO UPDATE SET attempted_at = excluded.attempted_at, last_error_state = excluded.last_error_state,
         last_error_message = excluded.last_error_message`,
    ).run(accountId, now, state, message);
  }

  /** The oldest last-sync time among `accountIds` (undefined when one never synced): how stale the data is. */
  oldestSync(accountIds: readonly string[]): string | undefined {
    const { oldest, never } = this.db
      .prepare(
        `SELECT MIN(s.synced_at) AS oldest, SUM(s.synced_at IS NULL) AS never
         FROM json_each(?) AS j LEFT JOIN account_sync AS s ON s.account_id = j.value`,
      )
      .get(JSON.stringify(accountIds)) as { oldest: string | null; never: number | null };
    return never === 0 && oldest !== null ? oldest : undefined;
  }
}
