import { useId } from 'react';
import type { StoredTransaction } from '../../../common/queries.js';
import { formatDate } from '../format/date.js';
import { formatIban } from '../../../common/iban.js';
import { formatMoney, isNegative } from '../../../common/format-money.js';
import { selectSelectedAccount, selectTransactionList } from '../store/selectors.js';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format/date.js';
import { errorText } from '../i18n/texts.js';
import { useText } from '../i18n/use-text.js';
import { useApp } from './store-context.js';
import { PayAgain } from '../screens/payments/pay-again.js';

function TransactionRow({ t }: { t: StoredTransaction }) {
  const { t: tr, locale } = useText();
  const who = t.counterpartyName ?? (t.counterpartyIban !== undefined ? formatIban(t.counterpartyIban) : '');
  return (
    <li role="listitem" className={t.status === 'pending' ? 'transaction pending' : 'transaction'}>
      <span className="date">{formatDate(t.bookingDate ?? t.valueDate ?? t.day, locale)}</span>
      <span className="who">
        <span className="counterparty">{who}</span>
        {t.remittance !== undefined && <span className="meta remittance">{t.remittance}</span>}
      </span>
      <span className="tx-amount">
        <span className={isNegative(t.amount) ? 'amount debit' : 'amount credit'}>{formatMoney(t.amount, { sign: 'always', locale })}</span>
        {t.status === 'pending' && <span className="badge info">{tr('transactions:pending')}</span>}
      </span>
      <PayAgain transaction={t} />
    </li>
  );
}

/**
 * The selected account's latest transactions, from the local copy, newest day first (a pending
 * item where its day puts it), a keyset page at a time. Rows use CSS `content-visibility` so a
 * long list costs little to lay out; windowed rendering comes with the UI's rebuild.
 */
export function TransactionsPanel() {
  const account = useApp(selectSelectedAccount);
  const ref = useApp((s) => s.selectedAccount);
  const list = useApp(selectTransactionList(ref));
  const load = useApp((s) => s.loadTransactions);
  const headingId = useId();
  const text = useText();
  const { t } = useTranslation(['transactions', 'common']);

  return (
    <section className="panel transactions-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('heading')}
        {account !== undefined && <span className="meta"> · {account.name ?? account.product ?? ''} {account.iban !== undefined ? formatIban(account.iban) : ''}</span>}
      </h2>
      {ref === null && <p className="hint">{t('pick')}</p>}
      {list?.loading === true && <p role="status" className="hint">{t('loading')}</p>}
      {list?.error != null && (
        <p className="failure">
          {errorText(text, list.error)}{' '}
          {ref !== null && <button type="button" onClick={() => void load(ref)}>{t('common:retry')}</button>}
        </p>
      )}
      {list !== undefined && !list.loading && list.error === null && list.transactions.length === 0 && <p className="hint">{t('empty')}</p>}
      {list !== undefined && list.transactions.length > 0 && (
        <ul role="list" aria-label={t('heading')} className="transactions">
          {list.transactions.map((t) => <TransactionRow key={t.rowId} t={t} />)}
        </ul>
      )}
      {list?.syncedAt !== undefined && <p className="hint synced">{t('common:syncedAt', { at: formatDateTime(list.syncedAt, text.locale) })}</p>}
      {ref !== null && list?.cursor !== undefined && (
        <button type="button" className="more" disabled={list.loading} onClick={() => void load(ref, true)}>{t('common:more')}</button>
      )}
    </section>
  );
}
