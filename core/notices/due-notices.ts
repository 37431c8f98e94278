import type { Connection, Notice, SyncSummary } from '../../common/index.js';
import { bankDay } from '../sync/bank-calendar.js';
import type { NoticesSentStore } from '../store/notices-sent.js';
import { consentNotices, syncNotice } from './notice-rules.js';

/**
 * The notices a finished run makes due: its new transactions, then every consent reminder due
 * today. The reminders are recorded as given before they are returned, so a failure to show one
 * never turns into a burst of repeats.
 */
export function noticesAfterSync(
  summary: SyncSummary,
  deps: { connections: () => Connection[]; sent: NoticesSentStore; now: () => Date },
): Notice[] {
  const news = syncNotice(summary);
  const due = consentNotices(deps.connections(), bankDay(deps.now()), deps.sent.all());
  deps.sent.record(due.sent);
  return [...(news === undefined ? [] : [news]), ...due.notices];
}
