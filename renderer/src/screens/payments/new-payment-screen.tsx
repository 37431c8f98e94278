import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { FundsAdvice } from '../../../../common/contract-funds.js';
import { formatIban } from '../../../../common/iban.js';
import { formatMoney } from '../../../../common/format-money.js';
import type { AppError } from '../../../../common/result.js';
import { errorText } from '../../i18n/texts.js';
import { useLocale, useText } from '../../i18n/use-text.js';
import { useApp, usePick } from '../../ui/store-context.js';
import { checkPaymentForm, valuesFromParams, type PaymentFormValues, type ReadyPayment } from './payment-form-model.js';
import { PaymentForm } from './payment-form.js';
import { fundsText } from './payment-texts.js';
import { newIdempotencyKey, usePayer } from './use-payer.js';
import './payments.css';

/** `/payments/new`: the form (prefilled from the address), then the review, then the bank's page. */
export function NewPaymentScreen() {
  const { t } = useTranslation(['payments', 'common']);
  const [params] = useSearchParams();
  const { accounts } = usePayer();
  const [values, setValues] = useState<PaymentFormValues>(() => valuesFromParams(params));
  const [showAll, setShowAll] = useState(false);
  const [reviewing, setReviewing] = useState(params.get('review') === '1');
  const check = checkPaymentForm(values, accounts);
  const ready = reviewing ? check.ready : null;
  return (
    <section className="payments-screen" aria-labelledby="new-payment-heading">
      <h1 id="new-payment-heading">{ready === null ? t('newPayment') : t('review.heading')}</h1>
      <nav className="payments-links"><Link to="/payments">{t('heading')}</Link></nav>
      {ready === null ? (
        <PaymentForm values={values} accounts={accounts} showAll={showAll} onChange={setValues} onReview={() => { setShowAll(true); setReviewing(true); }} />
      ) : (
        <PaymentReview ready={ready} fromAccountId={values.from} onEdit={() => setReviewing(false)} />
      )}
    </section>
  );
}

function PaymentReview({ ready, fromAccountId, onEdit }: { ready: ReadyPayment; fromAccountId: string; onEdit(): void }) {
  const { t } = useTranslation(['payments', 'common']);
  const locale = useLocale();
  const text = useText();
  const navigate = useNavigate();
  const { pay, checkFunds } = usePick('pay', 'checkFunds');
  const { profileOf } = usePayer();
  const busy = useApp((s) => s.busy.authorize === true);
  // One key per form: every click on Pay, and a second one while the first runs, is the same intent.
  const [key] = useState(newIdempotencyKey);
  const [funds, setFunds] = useState<FundsAdvice | AppError | 'checking' | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [sent, setSent] = useState(false);

  useEffect(() => {
    if (ready.debtorAccountId === undefined) return;
    let live = true;
    setFunds('checking');
    void checkFunds({ debtorAccountId: ready.debtorAccountId, amount: ready.amount, currency: ready.currency }).then((r) => {
      if (live) setFunds(r.ok ? r.value : r.error);
    });
    return () => { live = false; };
    // The advice is read once per reviewed payment, not again when the functions' identity changes.
  }, [ready.debtorAccountId, ready.amount, ready.currency]);

  const onPay = () => {
    if (sent) return;
    setSent(true);
    setError(null);
    const profileId = profileOf(fromAccountId);
    if (profileId === null) return;
    const { debtorAccountId: _id, debtorIban, ...rest } = ready;
    void pay({ kind: 'single', idempotencyKey: key, profileId, ...(debtorIban === undefined ? {} : { debtorIban }), ...rest }).then((r) => {
      if (r.ok) void navigate(`/payments/${r.value.id}`);
      else {
        setSent(false);
        setError(r.error);
      }
    });
  };

  return (
    <div className="payment-review">
      <dl>
        <dt>{t('review.from')}</dt>
        <dd>{ready.debtorIban === undefined ? t('review.bankAsks') : formatIban(ready.debtorIban)}</dd>
        <dt>{t('review.to')}</dt>
        <dd>{ready.creditorName}<br /><span className="iban">{formatIban(ready.creditorIban)}</span></dd>
        <dt>{t('review.amount')}</dt>
        <dd className="amount">{formatMoney({ amount: ready.amount, currency: ready.currency }, { locale })}</dd>
        <dt>{t('review.details')}</dt>
        <dd>{ready.remittance}</dd>
      </dl>
      {ready.saveBeneficiary ? <p>{t('review.saved')}</p> : null}
      <FundsLine funds={funds} currency={ready.currency} />
      {error !== null ? <p role="alert" className="error">{error.code === 'POPUP_BLOCKED' ? t('popupBlocked') : errorText(text, error)}</p> : null}
      <div className="actions">
        <button type="button" onClick={onEdit} disabled={sent}>{t('review.edit')}</button>
        <button type="button" className="primary" onClick={onPay} disabled={sent || busy}>{t('review.pay')}</button>
      </div>
    </div>
  );
}

/** The bank's advice, or why there is none; a call that failed is said as any error is. */
function FundsLine({ funds, currency }: { funds: FundsAdvice | AppError | 'checking' | null; currency: string }) {
  const { t } = useTranslation(['payments', 'common']);
  const text = useText();
  if (funds === null) return null;
  if (funds === 'checking') return <p className="funds" aria-live="polite">{t('review.funds.checking')}</p>;
  const words = 'kind' in funds ? fundsText(t, funds, currency) : errorText(text, funds);
  return (
    <p className={`funds funds-${'kind' in funds ? funds.kind : 'unknown'}`} aria-live="polite">
      {words} <span className="muted">{t('review.funds.advice')}</span>
    </p>
  );
}
