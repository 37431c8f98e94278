import type { Connection, Notice, SyncSummary } from '../../common/index.js';

/** The notice a key stands for was last given on this bank day (`YYYY-MM-DD`), by key. */
export type NoticesSent = ReadonlyMap<string, string>;

/** One key per connection and kind: an expiring consent is told once a day, an expired one once. */
const noticeKey = (kind: Notice['kind'], connectionId: string) => `${kind}:${connectionId}`;

/**
 * The consent notices due `today` (the bank's calendar day) for the live connections, and the
 * keys to record as given. Only consents the person can act on by renewing count: an expiring
 * one (its status already means valid, with at most 14 days left) and an expired one; a revoked,
 * rejected or signed-out connection has its own banner and no reminder.
 */
export function consentNotices(connections: readonly Connection[], today: string, sent: NoticesSent): { notices: Notice[]; sent: [string, string][] } {
  const notices: Notice[] = [];
  const given: [string, string][] = [];
  for (const c of connections) {
    if (c.status === 'expiring' && c.validUntil !== undefined && c.daysLeft !== undefined) {
      const key = noticeKey('consent-expiring', c.id);
      if (sent.get(key) === today) continue;
      notices.push({ kind: 'consent-expiring', params: { connectionId: c.id, label: c.label, validUntil: c.validUntil, daysLeft: c.daysLeft } });
      given.push([key, today]);
    } else if (c.status === 'expired') {
      const key = noticeKey('consent-expired', c.id);
      if (sent.has(key)) continue;
      notices.push({ kind: 'consent-expired', params: { connectionId: c.id, label: c.label, validUntil: c.validUntil ?? null } });
      given.push([key, today]);
    }
  }
  return { notices, sent: given };
}

/**
 * A run the app started on its own (on schedule, at start) that stored new transactions is
 * news; one the person started is not: they are looking at the app.
 */
export function syncNotice(summary: SyncSummary): Notice | undefined {
  if (summary.trigger === 'person' || summary.stored === 0) return undefined;
  return { kind: 'new-transactions', params: { count: summary.stored, runId: summary.runId } };
}
