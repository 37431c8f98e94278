import { useEffect, useId, useRef } from 'react';
import { TransactionCategory } from '../screens/categories/transaction-category.js';
import { PayAgain } from '../screens/payments/pay-again.js';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../../common/domain.js';
import { formatIban } from '../../../common/iban.js';
import { formatMoney } from '../../../common/format-money.js';
import type { StoredTransaction } from '../../../common/queries.js';
import { formatDate } from '../format/date.js';
import { useLocale } from '../i18n/use-text.js';
import { TransactionBankFields } from './bank-fields.js';
import { useCategories } from './category-names.js';

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

/**
 * Keeps Tab inside the dialog: a modal `<dialog>` makes the page behind inert, but Tab from its
 * last control would still leave for the browser's own UI.
 */
function trapTab(e: React.KeyboardEvent<HTMLDialogElement>) {
  if (e.key !== 'Tab') return;
  const controls = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const first = controls[0];
  const last = controls.at(-1);
  if (first === undefined || last === undefined) return;
  const active = document.activeElement;
  if (e.shiftKey && (active === first || !e.currentTarget.contains(active))) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && (active === last || !e.currentTarget.contains(active))) {
    e.preventDefault();
    first.focus();
  }
}

/** The app's own id for a transaction the bank gave none for (core's transaction-fingerprint). */
const isFingerprint = (id: string) => id.startsWith('fp:');

/**
 * One transaction in a modal `<dialog>`: the fields the local copy keeps, then every field the
 * bank gave for it (read when the dialog opens). The browser traps focus inside it and keeps the
 * page behind inert, Esc closes it, and the caller puts focus back on the row that opened it.
 */
export function TransactionDetails({ transaction: t, account, onClose }: { transaction: StoredTransaction; account: Account | undefined; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const locale = useLocale();
  const { t: tr } = useTranslation(['ledger']);
  const { nameOf } = useCategories();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog !== null && !dialog.open) dialog.showModal();
  }, []);

  const absent = <span className="meta">{tr('details.absent')}</span>;
  const field = (label: string, value: string | undefined, className?: string) => (
    <div className="detail" key={label}>
      <dt>{label}</dt>
      <dd className={className}>{value ?? absent}</dd>
    </div>
  );
  const accountText = account === undefined ? t.accountId : [account.product, account.iban !== undefined ? formatIban(account.iban) : account.maskedPan].filter(Boolean).join(' · ');

  return (
    <dialog ref={ref} className="drawer" aria-labelledby={titleId} onClose={onClose} onKeyDown={trapTab}>
      <div className="drawer-head">
        <h2 id={titleId}>{tr('details.title')}</h2>
        <button type="button" onClick={() => ref.current?.close()}>{tr('details.close')}</button>
      </div>
      <dl className="details">
        {field(tr('details.amount'), formatMoney(t.amount, { sign: 'always', locale }), 'amount')}
        {field(tr('details.status'), tr(t.status === 'pending' ? 'details.pending' : 'details.booked'))}
        {field(tr('details.bookingDate'), t.bookingDate === undefined ? undefined : formatDate(t.bookingDate, locale))}
        {field(tr('details.valueDate'), t.valueDate === undefined ? undefined : formatDate(t.valueDate, locale))}
        {field(tr('details.counterpartyName'), t.counterpartyName)}
        {field(tr('details.counterpartyIban'), t.counterpartyIban === undefined ? undefined : formatIban(t.counterpartyIban), 'iban')}
        {field(tr('details.remittance'), t.remittance)}
        {field(tr('details.entryReference'), t.entryReference)}
        {field(tr('details.bankTransactionCode'), t.bankTransactionCode)}
        {field(tr('details.id'), isFingerprint(t.id) ? tr('details.fingerprint') : t.id)}
        {field(tr('details.category'), t.category === undefined ? undefined : nameOf(t.category.id))}
        {field(tr('details.account'), accountText)}
      </dl>
      <div className="drawer-actions">
        <TransactionCategory transaction={t} />
        <PayAgain transaction={t} />
      </div>
      <TransactionBankFields rowId={t.rowId} />
    </dialog>
  );
}
