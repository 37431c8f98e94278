import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { formatMoney } from '../../../../common/format-money.js';
import type { PaymentStateKind, PaymentView } from '../../../../common/payments.js';
import { formatDateTime } from '../../format/date.js';
import { useLocale } from '../../i18n/use-text.js';
import { useApp, useAppList, usePick } from '../../ui/store-context.js';
import { BeneficiaryList } from './beneficiaries-screen.js';
import { stateText } from './payment-texts.js';
import './payments.css';

const KINDS: PaymentStateKind[] = ['draft', 'initiating', 'awaiting-sca', 'authorised', 'settling', 'settled', 'partial', 'rejected', 'cancelled', 'failed', 'unknown'];

/** `/payments`: every payment and bulk with its status, dates and the bank's ids; the status filter lives in the address. */
export function PaymentsScreen() {
  const { t } = useTranslation(['payments', 'common']);
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const { loadPayments, loadBeneficiaries } = usePick('loadPayments', 'loadBeneficiaries');
  const loaded = useApp((s) => s.paymentsLoaded);
  const status = params.get('status') ?? '';
  const payments = useAppList((s) => (status === '' ? s.payments : s.payments.filter((p) => p.state.kind === status)));
  useEffect(() => {
    void loadPayments();
    void loadBeneficiaries();
  }, [loadPayments, loadBeneficiaries]);
  return (
    <section className="payments-screen" aria-labelledby="payments-heading">
      <h1 id="payments-heading">{t('heading')}</h1>
      <nav className="payments-links" aria-label={t('heading')}>
        <Link className="primary" to="/payments/new">{t('newPayment')}</Link>
        <Link to="/payments/beneficiaries">{t('beneficiariesLink')}</Link>
        <Link to="/payments/bulk">{t('bulkLink')}</Link>
      </nav>
      <BeneficiaryList compact />
      <label className="filter">
        {t('filterLabel')}{' '}
        <select value={status} onChange={(e) => setParams(e.target.value === '' ? {} : { status: e.target.value })}>
          <option value="">{t('filterAll')}</option>
          {KINDS.map((k) => <option key={k} value={k}>{t(`state.${k}`)}</option>)}
        </select>
      </label>
      {loaded && payments.length === 0 ? <p>{t('listEmpty')}</p> : null}
      {payments.length > 0 ? (
        <table className="payments-table">
          <thead>
            <tr><th>{t('columns.created')}</th><th>{t('columns.to')}</th><th>{t('columns.amount')}</th><th>{t('columns.status')}</th><th>{t('columns.updated')}</th><th>{t('columns.bankId')}</th><th /></tr>
          </thead>
          <tbody>{payments.map((p) => <PaymentRow key={p.id} view={p} locale={locale} />)}</tbody>
        </table>
      ) : null}
    </section>
  );
}

function PaymentRow({ view, locale }: { view: PaymentView; locale: string }) {
  const { t } = useTranslation(['payments', 'common']);
  const bankId = 'paymentId' in view.state ? view.state.paymentId : null;
  const to = view.kind === 'bulk' ? t('kind.bulk', { count: view.items.length }) : view.items[0]?.creditorName ?? '';
  return (
    <tr>
      <td>{formatDateTime(view.createdAt, locale)}</td>
      <td>{to}</td>
      <td className="amount">{formatMoney(view.total, { locale })}</td>
      <td>{stateText(t, view.state)}</td>
      <td>{formatDateTime(view.updatedAt, locale)}</td>
      <td className="iban">{bankId ?? '—'}</td>
      <td><Link to={`/payments/${view.id}`} aria-label={`${t('open')} ${to}`}>{t('open')}</Link></td>
    </tr>
  );
}
