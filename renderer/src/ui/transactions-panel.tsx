import { useId } from 'react';
import type { StoredTransaction } from '../../../common/queries.js';
import { formatDate } from '../format/date.js';
import { formatIban } from '../../../common/iban.js';
import { formatMoney, isNegative } from '../../../common/format-money.js';
import { selectSelectedAccount, selectTransactionList } from '../store/selectors.js';
import { errorText, strings, syncedText } from '../strings.js';
import { useApp } from './store-context.js';

function TransactionRow({ t }: { t: StoredTransaction }) {
  const who = t.counterpartyName ?? (t.counterpartyIban !== undefined ? formatIban(t.counterpartyIban) : '');
  return (
    <li role="listitem" className={t.status === 'pending' ? 'transaction pending' : 'transaction'}>
      <span className="date">{formatDate(t.bookingDate ?? t.valueDate ?? t.day)}</span>
      <span className="who">
        <span className="counterparty">{who}</span>
        {t.remittance !== undefined && <span className="meta remittance">{t.remittance}</span>}
      </span>
      <span className="tx-amount">
        <span className={isNegative(t.amount) ? 'amount debit' : 'amount credit'}>{formatMoney(t.amount, { sign: 'always' })}</span>
        {t.status === 'pending' && <span className="badge info">{strings.pending}</span>}
      </span>
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

  return (
    <section className="panel transactions-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {strings.transactionsHeading}
        {account !== undefined && <span className="meta"> · {account.name ?? account.product ?? ''} {account.iban !== undefined ? formatIban(account.iban) : ''}</span>}
      </h2>
      {ref === null && <p className="hint">{strings.transactionsPick}</p>}
      {list?.loading === true && <p role="status" className="hint">{strings.transactionsLoading}</p>}
      {list?.error != null && (
        <p className="failure">
          {errorText(list.error)}{' '}
          {ref !== null && <button type="button" onClick={() => void load(ref)}>{strings.retry}</button>}
        </p>
      )}
      {list !== undefined && !list.loading && list.error === null && list.transactions.length === 0 && <p className="hint">{strings.transactionsEmpty}</p>}
      {list !== undefined && list.transactions.length > 0 && (
        <ul role="list" aria-label={strings.transactionsHeading} className="transactions">
          {list.transactions.map((t) => <TransactionRow key={t.rowId} t={t} />)}
        </ul>
      )}
      {list?.syncedAt !== undefined && <p className="hint synced">{syncedText(list.syncedAt)}</p>}
      {ref !== null && list?.cursor !== undefined && (
        <button type="button" className="more" disabled={list.loading} onClick={() => void load(ref, true)}>{strings.more}</button>
      )}
    </section>
  );
}
