import type { Db } from './database.js';

/** Why a consent is to be ended: the person no longer has a connection that uses it. */
export type TerminationReason = 'renewed' | 'abandoned' | 'removed';

/** A consent to end at its bank, kept until the bank confirms it ended. */
export interface PendingTermination {
  profileId: string;
  consentId: string;
  /** The connection whose tokens go with the consent; its row may be gone already. */
  connectionId?: string;
  reason: TerminationReason;
  /** ISO date; past it the bank has ended the consent by itself. */
  validUntil?: string;
  attempts: number;
  /** The code of the last failure (`OFFLINE`, `HTTP_503`…), never a message from the bank. */
  lastError?: string;
  nextAttemptAt: string;
  createdAt: string;
}

interface Row {
  profile_id: string;
  consent_id: string;
  connection_id: string | null;
  reason: TerminationReason;
  valid_until: string | null;
  attempts: number;
  last_error: string | null;
  next_attempt_at: string;
  created_at: string;
}

const fromRow = (r: Row): PendingTermination => ({
  profileId: r.profile_id,
  consentId: r.consent_id,
  connectionId: r.connection_id ?? undefined,
  reason: r.reason,
  validUntil: r.valid_until ?? undefined,
  attempts: r.attempts,
  lastError: r.last_error ?? undefined,
  nextAttemptAt: r.next_attempt_at,
  createdAt: r.created_at,
});

/** Consents the app has given up but the bank has not confirmed ended yet. */
export class PendingTerminationStore {
  constructor(private readonly db: Db) {}

  /** Records a consent to end, due at once; recording one already pending keeps its history of attempts. */
  add(entry: Pick<PendingTermination, 'profileId' | 'consentId' | 'connectionId' | 'reason' | 'validUntil'>, now: string): PendingTermination {
    this.db
      .prepare(
        `INSERT INTO pending_terminations (profile_id, consent_id, connection_id, reason, valid_until, next_attempt_at, created_at)
         VALUES (@profileId, @consentId, @connectionId, @reason, @validUntil, @now, @now)
         ON CONFLICT (profile_id, consent_id) DO UPDATE SET next_attempt_at = excluded.next_attempt_at`,
      )
      .run({ ...entry, connectionId: entry.connectionId ?? null, validUntil: entry.validUntil ?? null, now });
    return this.get(entry.profileId, entry.consentId) as PendingTermination;
  }

  get(profileId: string, consentId: string): PendingTermination | undefined {
    const row = this.db.prepare('SELECT * FROM pending_terminations WHERE profile_id = ? AND consent_id = ?').get(profileId, consentId) as Row | undefined;
    return row === undefined ? undefined : fromRow(row);
  }

  /** Whether any is due: one probe of the index, so callers can ask on every list or read. */
  hasDue(now: string): boolean {
    return this.db.prepare('SELECT 1 FROM pending_terminations WHERE next_attempt_at <= ? LIMIT 1').get(now) !== undefined;
  }

  /** Those due, grouped by profile so each bank is resolved once. */
  due(now: string): PendingTermination[] {
    const rows = this.db.prepare('SELECT * FROM pending_terminations WHERE next_attempt_at <= ? ORDER BY profile_id, created_at').all(now) as Row[];
    return rows.map(fromRow);
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM pending_terminations').get() as { n: number }).n;
  }

  failed(profileId: string, consentId: string, attempts: number, nextAttemptAt: string, code: string): void {
    this.db
      .prepare('UPDATE pending_terminations SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE profile_id = ? AND consent_id = ?')
      .run(attempts, nextAttemptAt, code, profileId, consentId);
  }

  remove(profileId: string, consentId: string): void {
    this.db.prepare('DELETE FROM pending_terminations WHERE profile_id = ? AND consent_id = ?').run(profileId, consentId);
  }
}
