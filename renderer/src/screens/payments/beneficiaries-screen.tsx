import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Beneficiary } from '../../../../common/contract-beneficiaries.js';
import { formatIban } from '../../../../common/iban.js';
import { formatMoney } from '../../../../common/format-money.js';
import { useLocale } from '../../i18n/use-text.js';
import { useAppList, usePick } from '../../ui/store-context.js';
import { payHref } from './payment-form-model.js';
import './payments.css';

/**
 * A beneficiary's payment form, prefilled. With a last amount the form opens on its review, so a
 * saved beneficiary is paid in one click more: the bank's page.
 */
export const beneficiaryPayHref = (b: Beneficiary): string =>
  payHref(
    { name: b.name, iban: b.iban, details: b.defaultDetails ?? '', ...(b.lastAmount === undefined ? {} : { amount: b.lastAmount.amount, currency: b.lastAmount.currency }) },
    { review: b.lastAmount !== undefined },
  );

/** `/payments/beneficiaries`: the address book. */
export function BeneficiariesScreen() {
  const { t } = useTranslation(['payments', 'common']);
  const { loadBeneficiaries } = usePick('loadBeneficiaries');
  useEffect(() => void loadBeneficiaries(), [loadBeneficiaries]);
  return (
    <section className="payments-screen" aria-labelledby="beneficiaries-heading">
      <h1 id="beneficiaries-heading">{t('beneficiaries.heading')}</h1>
      <nav className="payments-links"><Link to="/payments">{t('heading')}</Link></nav>
      <BeneficiaryList />
    </section>
  );
}

/** The saved beneficiaries, each with Pay (prefilled) and, unless `compact`, Delete. */
export function BeneficiaryList({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation(['payments', 'common']);
  const locale = useLocale();
  const beneficiaries = useAppList((s) => s.beneficiaries);
  const { deleteBeneficiary } = usePick('deleteBeneficiary');
  if (beneficiaries.length === 0) return compact ? null : <p>{t('beneficiaries.empty')}</p>;
  return (
    <ul className="beneficiaries" aria-label={t('beneficiaries.heading')}>
      {(compact ? beneficiaries.slice(0, 5) : beneficiaries).map((b) => (
        <li key={b.id}>
          <span className="name">{b.name}</span> <span className="iban">{formatIban(b.iban)}</span>
          {!compact && b.defaultDetails !== undefined ? <span className="muted"> {b.defaultDetails}</span> : null}
          {b.lastAmount !== undefined ? <span className="muted"> {t('beneficiaries.lastAmount', { amount: formatMoney(b.lastAmount, { locale }) })}</span> : null}
          <Link className="button" to={beneficiaryPayHref(b)} aria-label={t('beneficiaries.payName', { name: b.name })}>{t('beneficiaries.pay')}</Link>
          {compact ? null : (
            <button type="button" onClick={() => void deleteBeneficiary(b.id)} aria-label={t('beneficiaries.deleteName', { name: b.name })}>{t('beneficiaries.delete')}</button>
          )}
        </li>
      ))}
    </ul>
  );
}
