import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatIban } from '../../../../common/iban.js';
import { formatMoney } from '../../../../common/format-money.js';
import type { PaymentReason, PaymentView } from '../../../../common/payments.js';
import type { AppError } from '../../../../common/result.js';
import { formatDateTime } from '../../format/date.js';
import { errorText } from '../../i18n/texts.js';
import { useLocale, useText } from '../../i18n/use-text.js';
import { useApp, usePick } from '../../ui/store-context.js';
import { reasonText, stateText } from './payment-texts.js';
import './payments.css';

const FAILED_ITEM = new Set(['RJCT', 'CANC']);

/** `/payments/:id`: where a payment stands, every step it went through, and what may be done now. */
export function PaymentTimelineScreen() {
  const { t } = useTranslation(['payments', 'common']);
  const { id = '' } = useParams();
  const text = useText();
  const { getPayment, cancelPayment, retryPayment, reconcilePayment } = usePick('getPayment', 'cancelPayment', 'retryPayment', 'reconcilePayment');
  const view = useApp((s) => s.payments.find((p) => p.id === id));
  const [missing, setMissing] = useState<AppError | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const updatedAt = view?.updatedAt;

  // Each change the bank made (payments:changed) is read again with its timeline.
  useEffect(() => {
    void getPayment(id).then((r) => setMissing(r.ok ? null : r.error));
  }, [id, updatedAt, getPayment]);

  if (view === undefined) {
    return <section className="payments-screen"><p role={missing === null ? 'status' : 'alert'}>{missing === null ? t('common:loading') : t('timeline.notFound')}</p></section>;
  }
  const act = (call: (paymentId: string) => Promise<{ ok: boolean; error?: AppError }>) => {
    setError(null);
    void call(view.id).then((r) => { if (!r.ok && r.error !== undefined) setError(r.error); });
  };
  return (
    <section className="payments-screen" aria-labelledby="timeline-heading">
      <h1 id="timeline-heading">{view.kind === 'bulk' ? t('kind.bulk', { count: view.items.length }) : t('timeline.heading')}</h1>
      <nav className="payments-links"><Link to="/payments">{t('heading')}</Link></nav>
      <PaymentSummary view={view} />
      <p className="payment-state" role="status" aria-live="polite">{stateText(t, view.state)}</p>
      {'reason' in view.state && view.state.reason !== null ? <ReasonLine reason={view.state.reason} /> : null}
      {view.kind === 'bulk' ? <BulkItems view={view} /> : null}
      <Timeline view={view} />
      {error !== null ? (
        // The bank's refusal to cancel is expected, and said whole in the person's language; core's message is for the log.
        <p role="alert" className="error">{error.code === 'PAYMENT_NOT_CANCELLABLE' ? t('timeline.cannotCancel') : errorText(text, error)}</p>
      ) : null}
      <div className="actions">
        {view.canCancel ? <button type="button" onClick={() => act(cancelPayment)}>{t('timeline.cancel')}</button> : null}
        {view.canRetry ? <button type="button" onClick={() => act(retryPayment)}>{t('timeline.retry')}</button> : null}
        {view.state.kind === 'unknown' ? <button type="button" onClick={() => act(reconcilePayment)}>{t('timeline.reconcile')}</button> : null}
      </div>
    </section>
  );
}

/** Why it stands there, in words; the technical detail (an error's message) folded away beneath. */
function ReasonLine({ reason }: { reason: PaymentReason }) {
  const { t } = useTranslation(['payments', 'common']);
  return (
    <>
      <p className="payment-reason">{t('timeline.reason', { reason: reasonText(t, reason) })}</p>
      {reason.detail === undefined || reason.detail === '' ? null : (
        <details className="payment-reason-detail"><summary>{t('timeline.detail')}</summary><code>{reason.detail}</code></details>
      )}
    </>
  );
}

function PaymentSummary({ view }: { view: PaymentView }) {
  const { t } = useTranslation(['payments', 'common']);
  const locale = useLocale();
  const first = view.items[0];
  const bankId = 'paymentId' in view.state ? view.state.paymentId : null;
  return (
    <dl className="payment-summary">
      <dt>{t('review.amount')}</dt>
      <dd className="amount">{formatMoney(view.total, { locale })}</dd>
      {view.kind === 'single' && first !== undefined ? (
        <>
          <dt>{t('review.to')}</dt>
          <dd>{first.creditorName} <span className="iban">{formatIban(first.creditorIban)}</span></dd>
          <dt>{t('review.details')}</dt>
          <dd>{first.remittance}</dd>
        </>
      ) : null}
      <dt>{t('review.from')}</dt>
      <dd>{view.debtorIban === null ? t('review.bankAsks') : formatIban(view.debtorIban)}</dd>
      {bankId !== null ? (<><dt>{t('columns.bankId')}</dt><dd className="iban">{bankId}</dd></>) : null}
    </dl>
  );
}

function BulkItems({ view }: { view: PaymentView }) {
  const { t } = useTranslation(['payments', 'common']);
  const locale = useLocale();
  const failed = view.items.map((item, i) => ({ item, row: i + 1 })).filter(({ item }) => item.status !== null && FAILED_ITEM.has(item.status));
  return (
    <>
      <h2>{t('timeline.items')}</h2>
      {view.state.kind === 'partial' && failed.length > 0 ? (
        <p className="error">{t('timeline.failedItems', { rows: failed.map(({ item, row }) => `${row}. ${item.creditorName}`).join(', ') })}</p>
      ) : null}
      <table className="payments-table">
        <thead><tr><th>#</th><th>{t('columns.to')}</th><th>{t('columns.amount')}</th><th>{t('columns.status')}</th><th>{t('columns.bankId')}</th></tr></thead>
        <tbody>
          {view.items.map((item, i) => (
            <tr key={item.endToEndId} className={item.status !== null && FAILED_ITEM.has(item.status) ? 'failed' : undefined}>
              <td>{i + 1}</td>
              <td>{item.creditorName} <span className="iban">{formatIban(item.creditorIban)}</span></td>
              <td className="amount">{formatMoney(item.amount, { locale })}</td>
              <td>{item.status ?? '—'}</td>
              <td className="iban">{item.bankPaymentId ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function Timeline({ view }: { view: PaymentView }) {
  const { t } = useTranslation(['payments', 'common']);
  const locale = useLocale();
  if (view.timeline === undefined) return null;
  return (
    <ol className="payment-timeline" aria-label={t('columns.status')}>
      {view.timeline.map((step, i) => (
        <li key={`${step.at}-${i}`}>
          <time dateTime={step.at}>{formatDateTime(step.at, locale)}</time> {stateText(t, step.state)}
        </li>
      ))}
    </ol>
  );
}
