import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { StoredTransaction } from '../../../../common/queries.js';
import { payHref } from './payment-form-model.js';

/** The form of a payment like this transaction: to its counterparty, the same amount, details and account. */
export const payAgainHref = (tx: StoredTransaction): string =>
  payHref({
    from: tx.accountId,
    name: tx.counterpartyName ?? '',
    iban: tx.counterpartyIban ?? '',
    amount: tx.amount.amount.replace(/^-/, ''),
    currency: tx.amount.currency,
    details: tx.remittance ?? '',
  }, { review: true });

/** An outgoing transfer to an IBAN can be paid again; anything else (money in, card purchases) cannot. */
export const canPayAgain = (tx: StoredTransaction): boolean => tx.amount.amount.startsWith('-') && tx.counterpartyIban !== undefined;

/**
 * "Pay again" for a transaction row or drawer: a link to the prefilled form, one click from its
 * review. Renders nothing for a transaction that cannot be paid again.
 */
export function PayAgain({ transaction }: { transaction: StoredTransaction }) {
  const { t } = useTranslation(['payments', 'common']);
  if (!canPayAgain(transaction)) return null;
  const who = transaction.counterpartyName ?? transaction.counterpartyIban ?? '';
  return (
    <Link className="pay-again" to={payAgainHref(transaction)} aria-label={`${t('payAgain')}: ${who}`}>
      {t('payAgain')}
    </Link>
  );
}
