import { useId } from 'react';
import type { Transaction } from '../../../common/domain.js';
import { formatDate } from '../format/date.js';
import { formatIban } from '../../../common/iban.js';
import { formatMoney, isNegative } from '../../../common/format-money.js';
import { selectSelectedAccount, selectTransactionList } from '../store/selectors.js';
import { errorText, skippedText, strings } from '../strings.js';
import { useApp } from './store-context.js';

function TransactionRow({ t }: { t: Transaction }) {
  const who = t.counterpartyName ?? (t.counterpartyIban !== undefined ? formatIban(t.counterpartyIban) : '');
  return (
    <li role="listitem" className={t.status === 'pending' ? 'transaction pending' : 'transaction'}>
      <span className="date">{formatDate(t.bookingDate ?? t.valueDate)}</span>
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

/** Pending first (the newest movements), then booked in the bank's order. */
const pendingFirst = (list: Transaction[]) => [...list.filter((t) => t.status === 'pending'), ...list.filter((t) => t.status !== 'pending')];

/**
 * The selected account's latest transactions. Rows use CSS `content-visibility` so a long list
 * costs little to lay out; real virtualisation (windowed rendering) comes with search and sync.
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
          {pendingFirst(list.transactions).map((t) => <TransactionRow key={`${t.status}:${t.id}`} t={t} />)}
        </ul>
      )}
      {list !== undefined && list.skipped > 0 && <p className="hint">{skippedText(list.skipped, 'transaction')}</p>}
      {ref !== null && list?.cursor !== undefined && (
        <button type="button" className="more" disabled={list.loading} onClick={() => void load(ref, true)}>{strings.more}</button>
      )}
    </section>
  );
}
