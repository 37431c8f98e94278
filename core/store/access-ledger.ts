import type { Db } from './database.js';

/**
 * The unattended-access ledger: reads without the person that the bank counts against its daily
 * budget (4 per account and consent, Europe/Bucharest day; PSD2 RTS art. 36). A connection is
 * one consent, so it stands for the consent here.
 */
export class AccessLedger {
  constructor(private readonly db: Db) {}

  used(connectionId: string, accountId: string, bankDay: string): { used: number; exhausted: boolean } {
    const row = this.db
      .prepare('SELECT used, exhausted FROM unattended_accesses WHERE connection_id = ? AND account_id = ? AND bank_day = ?')
      .get(connectionId, accountId, bankDay) as { used: number; exhausted: number } | undefined;
    return { used: row?.used ?? 0, exhausted: row?.exhausted === 1 };
  }

  /** Counts one access before its request goes out: a crash after it can over-count, never under-count. */
  spend(connectionId: string, accountId: string, bankDay: string): number {
    const row = this.db
      .prepare(
        `INSERT INTO unattended_accesses (connection_id, account_id, bank_day, used) VALUES (?, ?, ?, 1)
         ON CONFLICT (connection_id, account_id, bank_day) DO UPDATE SET used = used + 1 RETURNING used`,
      )
      .get(connectionId, accountId, bankDay) as { used: number };
    return row.used;
  }

  /** The bank said 429 ACCESS_EXCEEDED: nothing more for this account until its next day. */
  exhaust(connectionId: string, accountId: string, bankDay: string): void {
    this.db
      .prepare(
        `INSERT INTO unattended_accesses (connection_id, account_id, bank_day, used, exhausted) VALUES (?, ?, ?, 0, 1)
         ON CONFLICT (connection_id, account_id, bank_day) DO UPDATE SET exhausted = 1`,
      )
      .run(connectionId, accountId, bankDay);
  }

  /** Days before `keepFrom` are of no use any more. */
  prune(keepFrom: string): void {
    this.db.prepare('DELETE FROM unattended_accesses WHERE bank_day < ?').run(keepFrom);
  }
}
