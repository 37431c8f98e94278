import { useTranslation } from 'react-i18next';
import type { Connection } from '../../../../common/domain.js';
import { formatClock } from '../../format/date.js';
import { useLocale } from '../../i18n/use-text.js';
import { selectBusy } from '../../store/selectors.js';
import { nextAutoUpdate, selectSyncing } from '../../store/sync-slice.js';
import { useApp, useAppList } from '../../ui/store-context.js';

/** A consent whose end is near enough to act on: within the 14 days core calls `expiring`, or past. */
export const needsRenewal = (c: Connection): boolean => c.status === 'expiring' || c.status === 'expired';

function ConsentBanner({ connection }: { connection: Connection }) {
  const renew = useApp((s) => s.renew);
  const authorizing = useApp(selectBusy('authorize'));
  const { t } = useTranslation(['overview', 'common']);
  const label = connection.label || t('common:unnamedConnection');
  const sentence = connection.status === 'expired'
    ? t('expiredBanner', { label })
    : connection.daysLeft === 0
      ? t('expiringTodayBanner', { label })
      : t('expiringBanner', { label, count: connection.daysLeft ?? 14 });
  return (
    <div className={connection.status === 'expired' ? 'banner error' : 'banner warn'} role="status">
      <span>{sentence}</span>
      {/* Renew opens the bank's page: straight from the click, for the popup's sake. */}
      <button type="button" disabled={authorizing} onClick={() => void renew(connection.id)}>{t('renew')}</button>
    </div>
  );
}

/** What needs the person on the overview: consents ending, and accounts the bank's daily budget left for later. */
export function OverviewBanners() {
  const ending = useAppList((s) => s.connections.filter(needsRenewal));
  // A number, not a Date: a selector must return the same value while nothing changed.
  const next = useApp((s) => (selectSyncing(s) ? undefined : nextAutoUpdate(s.lastSyncSummary, s.syncStatus)?.getTime()));
  const locale = useLocale();
  const { t } = useTranslation('overview');
  return (
    <>
      {ending.map((c) => <ConsentBanner key={c.id} connection={c} />)}
      {next !== undefined && (
        <div className="banner info" role="status">
          <span>{t('budgetBanner', { time: formatClock(new Date(next), new Date(), locale) })}</span>
        </div>
      )}
    </>
  );
}
