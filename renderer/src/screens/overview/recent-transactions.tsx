import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMoney, isNegative } from '../../../../common/format-money.js';
import { formatIban } from '../../../../common/iban.js';
import { formatDate } from '../../format/date.js';
import { useText } from '../../i18n/use-text.js';
import { ErrorState } from '../../ui/error-state.js';
import { useApp } from '../../ui/store-context.js';
import { Skeleton } from '../../ui/skeleton.js';

/** The newest stored transactions of every account, with the way to all of them. */
export function RecentTransactions() {
  const recent = useApp((s) => s.recent);
  const error = useApp((s) => s.recentError);
  const load = useApp((s) => s.loadOverview);
  const headingId = useId();
  const { t: tr, locale } = useText();
  const { t } = useTranslation(['overview', 'transactions']);

  return (
    <section className="panel recent" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('recent')}</h2>
      {error !== null && <ErrorState error={error} onRetry={() => void load()} />}
      {recent === null && error === null && (
<Skeleton kind="row" count={4} />
      )}
      {recent !== null && recent.length === 0 && <p className="hint">{t('recentEmpty')}</p>}
      {recent !== null && recent.length > 0 && (
        <ul className="transactions" aria-labelledby={headingId}>
          {recent.map((x) => (
            <li key={x.rowId} className={x.status === 'pending' ? 'transaction pending' : 'transaction'}>
              <span className="date">{formatDate(x.day, locale)}</span>
              <span className="who">
                <span className="counterparty">{x.counterpartyName ?? (x.counterpartyIban !== undefined ? formatIban(x.counterpartyIban) : '')}</span>
                {x.remittance !== undefined && <span className="meta remittance">{x.remittance}</span>}
              </span>
              <span className="tx-amount">
                <span className={isNegative(x.amount) ? 'amount debit' : 'amount credit'}>{formatMoney(x.amount, { sign: 'always', locale })}</span>
                {x.status === 'pending' && <span className="badge info">{tr('transactions:pending')}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Link className="more-link" to="/transactions">{t('allTransactions')}</Link>
    </section>
  );
}
