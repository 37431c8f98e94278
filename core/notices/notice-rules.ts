import type { Connection, Notice, PaymentOutcome, PaymentView, SyncSummary } from '../../common/index.js';

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

/** Cancels the person made themselves: they know already. */
const PERSONS_OWN_CANCEL = new Set(['cancelled-before-sending', 'cancelled-before-authorisation']);

const outcomeOf = (view: PaymentView): PaymentOutcome | undefined => {
  const s = view.state;
  switch (s.kind) {
    case 'settled':
    case 'partial':
    case 'rejected':
    case 'failed':
      return s.kind;
    case 'cancelled':
      return s.reason !== null && PERSONS_OWN_CANCEL.has(s.reason.code) ? undefined : 'cancelled';
    default:
      return undefined;
  }
};

/** The key a payment's end is recorded under, so a restart or a repeated view never tells it twice. */
export const paymentNoticeKey = (paymentId: string): string => `payment-finished:${paymentId}`;

/**
 * A payment that reached its end is news once: executed, executed in part, or not executed for
 * a reason the person did not choose (the bank refused or cancelled it, or it could not be
 * sent). An `unknown` one is not an end: reconciliation tells it when it is.
 */
export function paymentNotice(view: PaymentView, alreadyGiven: (key: string) => boolean): Notice | undefined {
  const outcome = outcomeOf(view);
  if (outcome === undefined || alreadyGiven(paymentNoticeKey(view.id))) return undefined;
  const single = view.kind === 'single' ? view.items[0] : undefined;
  return {
    kind: 'payment-finished',
    params: { paymentId: view.id, outcome, creditorName: single?.creditorName ?? null, transfers: view.items.length, total: view.total },
  };
}
