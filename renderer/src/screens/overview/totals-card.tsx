import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../common/format-money.js';
import { formatDateTime } from '../../format/date.js';
import { useText } from '../../i18n/use-text.js';
import { ErrorState } from '../../ui/error-state.js';
import { useApp } from '../../ui/store-context.js';
import { Skeleton } from '../../ui/skeleton.js';

/** Per currency, what the person holds across every live account, and when it was last read from the bank. */
export function TotalsCard() {
  const totals = useApp((s) => s.totals);
  const error = useApp((s) => s.totalsError);
  const load = useApp((s) => s.loadOverview);
  const lastRun = useApp((s) => s.syncStatus?.lastRun?.finishedAt);
  const headingId = useId();
  const text = useText();
  const { t } = useTranslation(['overview', 'common']);
  const syncedAt = totals?.syncedAt ?? lastRun;

  return (
    <section className="panel totals" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('totals')}</h2>
      {error !== null && <ErrorState error={error} onRetry={() => void load()} />}
      {totals === null && error === null && (
<Skeleton kind="total" />
      )}
      {totals !== null && totals.totals.length === 0 && <p className="hint">{t('totalsEmpty')}</p>}
      {totals !== null && totals.totals.length > 0 && (
        <dl className="totals-list">
          {totals.totals.map((total) => (
            <div key={total.currency} className="total" data-currency={total.currency}>
              <dt className="meta">{total.currency} <span>{t('totalsAccounts', { count: total.accounts.length })}</span></dt>
              <dd className="total-amount amount">{formatMoney({ amount: total.amount, currency: total.currency }, { locale: text.locale })}</dd>
            </div>
          ))}
        </dl>
      )}
      <p className="meta last-sync">{syncedAt === undefined ? t('neverSynced') : t('lastSync', { at: formatDateTime(syncedAt, text.locale) })}</p>
    </section>
  );
}
