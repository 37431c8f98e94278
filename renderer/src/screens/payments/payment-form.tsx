import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredAccount } from '../../../../common/queries.js';
import { PAYABLE_CURRENCIES } from '../../../../common/payable-currencies.js';
import { formatIban } from '../../../../common/iban.js';
import { checkPaymentForm, MAX_DETAILS, MAX_NAME, type FormField, type PaymentFormValues } from './payment-form-model.js';
import { problemText } from './payment-texts.js';

export interface PaymentFormProps {
  values: PaymentFormValues;
  accounts: readonly StoredAccount[];
  onChange(values: PaymentFormValues): void;
  onReview(): void;
  /** After a Review with problems: empty fields are named too, not only what was typed wrong. */
  showAll: boolean;
}

/** The payment form: every field checked as it is typed, the IBAN shown in groups of four. */
export function PaymentForm({ values, accounts, onChange, onReview, showAll }: PaymentFormProps) {
  const { t } = useTranslation(['payments', 'common']);
  const id = useId();
  const check = checkPaymentForm(values, accounts);
  const set = <K extends keyof PaymentFormValues>(key: K, value: PaymentFormValues[K]) => onChange({ ...values, [key]: value });
  const typed: Record<FormField, boolean> = {
    name: values.name !== '', iban: values.iban !== '', amount: values.amount !== '', details: true, currency: true,
  };
  const problem = (field: FormField) => {
    const p = check.problems[field];
    if (p === undefined || (!showAll && !typed[field])) return null;
    return <p className="field-problem" id={`${id}-${field}-problem`} role="alert">{problemText(t, p)}</p>;
  };
  const described = (field: FormField) => (check.problems[field] !== undefined && (showAll || typed[field]) ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-problem` } : {});
  return (
    <form className="payment-form" noValidate onSubmit={(e) => { e.preventDefault(); onReview(); }}>
      <label htmlFor={`${id}-from`}>{t('form.from')}</label>
      <select id={`${id}-from`} value={values.from} onChange={(e) => {
        const account = accounts.find((a) => a.id === e.target.value);
        onChange({ ...values, from: e.target.value, ...(account === undefined ? {} : { currency: account.currency }) });
      }}>
        <option value="">{t('form.letBankAsk')}</option>
        {accounts.map((a) => (
          <option key={a.id} value={a.id}>{`${a.name ?? a.product ?? ''} ${formatIban(a.iban ?? '')} (${a.currency})`.trim()}</option>
        ))}
      </select>
      <label htmlFor={`${id}-name`}>{t('form.name')}</label>
      <input id={`${id}-name`} value={values.name} maxLength={MAX_NAME + 20} onChange={(e) => set('name', e.target.value)} {...described('name')} />
      {problem('name')}
      <label htmlFor={`${id}-iban`}>{t('form.iban')}</label>
      <input id={`${id}-iban`} value={values.iban} spellCheck={false} autoComplete="off" onChange={(e) => set('iban', e.target.value)} {...described('iban')} />
      {check.ibanGroups !== null ? <p className="iban-groups">{t('form.ibanGroups', { iban: check.ibanGroups })}</p> : null}
      {problem('iban')}
      <label htmlFor={`${id}-amount`}>{t('form.amount')}</label>
      <input id={`${id}-amount`} value={values.amount} inputMode="decimal" autoComplete="off" onChange={(e) => set('amount', e.target.value)} {...described('amount')} />
      {problem('amount')}
      <label htmlFor={`${id}-currency`}>{t('form.currency')}</label>
      <select id={`${id}-currency`} value={values.currency} onChange={(e) => set('currency', e.target.value)} {...described('currency')}>
        {PAYABLE_CURRENCIES.map((c) => <option key={c} value={c}>{c}</option>)}
      </select>
      {problem('currency')}
      <label htmlFor={`${id}-details`}>{t('form.details')}</label>
      <textarea id={`${id}-details`} value={values.details} rows={2} onChange={(e) => set('details', e.target.value)} {...described('details')} />
      <p className="details-count" aria-live="polite">{t('form.detailsCount', { count: values.details.length })}</p>
      {values.details.length > MAX_DETAILS ? problem('details') : null}
      <label className="tick">
        <input type="checkbox" checked={values.save} onChange={(e) => set('save', e.target.checked)} />
        {t('form.save')}
      </label>
      <button type="submit">{t('form.review')}</button>
    </form>
  );
}
