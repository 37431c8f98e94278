import { nextAutoUpdate, selectSyncing } from '../store/sync-slice.js';
import { formatClock } from '../format/date.js';
import { syncLineText } from '../i18n/texts.js';
import { useText } from '../i18n/use-text.js';
import { useApp } from './store-context.js';

/**
 * The person's Sync and how the run goes: a bar over the run's accounts, then when the local copy
 * was last updated and, when the bank's daily budget deferred accounts, when they are read again.
 */
export function SyncControls() {
  const syncing = useApp(selectSyncing);
  const run = useApp((s) => s.syncRun);
  const status = useApp((s) => s.syncStatus);
  const summary = useApp((s) => s.lastSyncSummary);
  const runSync = useApp((s) => s.runSync);
  const lastRun = status?.lastRun;
  const next = syncing ? undefined : nextAutoUpdate(summary, status);
  const { t, locale } = useText();
  const clock = (at: Date) => formatClock(at, new Date(), locale);

  return (
    <div className="sync">
      <button type="button" disabled={syncing} onClick={() => void runSync()}>{t('sync:run')}</button>
      {run !== null && run.total > 0 && (
        <div
          role="progressbar"
          className="sync-bar"
          aria-label={t('sync:progress')}
          aria-valuemin={0}
          aria-valuemax={run.total}
          aria-valuenow={run.done}
          aria-valuetext={t('sync:count', { done: run.done, count: run.total })}
        >
          {/* CSSOM, not a style attribute: the CSP allows only the app's own stylesheet. */}
          <span className="sync-bar-fill" style={{ width: `${(100 * run.done) / run.total}%` }} />
        </div>
      )}
      {!syncing && lastRun !== undefined && (
        <p className="meta" role="status">
          {t('sync:updatedAt', { time: clock(new Date(lastRun.finishedAt)) })}
          {next !== undefined && `; ${t('sync:nextAuto', { time: clock(next) })}`}
        </p>
      )}
    </div>
  );
}

/** One account's line in the run: while it goes, and afterwards when the account needs a word (deferred, failed). */
export function AccountSyncStatus({ accountId }: { accountId: string }) {
  const line = useApp((s) => s.syncRun?.accounts[accountId]);
  const finished = useApp((s) => s.syncRun?.finished === true);
  const text = useText();
  if (line === undefined || (finished && line.phase !== 'deferred' && line.phase !== 'failed')) return null;
  return <span className={line.phase === 'failed' ? 'sync-line failure' : 'sync-line meta'}>{syncLineText(text, line)}</span>;
}
