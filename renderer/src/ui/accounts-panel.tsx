import { useId } from 'react';
import { isReadable, type AccountWithBalances, type Balance } from '../../../common/domain.js';
import { formatIban } from '../../../common/iban.js';
import { formatMoney } from '../../../common/format-money.js';
import { isSelected, selectAccountsOf, selectBusy, selectConnection, selectConnectionIds, selectFailureOf, selectSkippedOf } from '../store/selectors.js';
import { useTranslation } from 'react-i18next';
import { balanceLabel, failureText } from '../i18n/texts.js';
import { useText } from '../i18n/use-text.js';
import { StatusBadge } from './connections-list.js';
import { useApp, useAppList } from './store-context.js';
import { AccountSyncStatus, SyncControls } from './sync-controls.js';

/** The two balances people look for first, then whatever else the bank sent. */
const order = ['closingBooked', 'interimAvailable'];
const byImportance = (a: Balance, b: Balance) => {
  const rank = (t: string) => (order.includes(t) ? order.indexOf(t) : order.length);
  return rank(a.type) - rank(b.type);
};

function AccountRow({ account }: { account: AccountWithBalances }) {
  const ref = { connectionId: account.connectionId, accountId: account.id };
  const selected = useApp(isSelected(ref));
  const selectAccount = useApp((s) => s.selectAccount);
  const text = useText();
  const number = account.iban !== undefined ? formatIban(account.iban) : (account.maskedPan ?? '');
  // CEC's `name` is a customer number, the same on every account: the product names the account.
  const title = account.product ?? account.name ?? text.t(account.kind === 'card' ? 'card' : 'account');

  return (
    <li role="listitem" className="account" data-iban={account.iban}>
      <button type="button" className="account-button" aria-pressed={selected} onClick={() => void selectAccount(ref)}>
        <span className="account-main">
          <span className="account-name">{title}</span>
          <span className="iban">{number}</span>
          <AccountSyncStatus accountId={account.id} />
        </span>
        <span className="balances">
          {[...account.balances].sort(byImportance).map((b) => (
            <span key={b.type} className="balance">
              <span className="meta">{balanceLabel(text, b.type)}</span>
              <span className="amount">{formatMoney(b.amount, { locale: text.locale })}</span>
            </span>
          ))}
        </span>
      </button>
    </li>
  );
}

function ConnectionAccounts({ connectionId }: { connectionId: string }) {
  const connection = useApp(selectConnection(connectionId));
  const accounts = useAppList(selectAccountsOf(connectionId));
  const failure = useApp(selectFailureOf(connectionId));
  const skippedAccounts = useApp(selectSkippedOf(connectionId, 'account'));
  const skippedBalances = useApp(selectSkippedOf(connectionId, 'balance'));
  const skippedTransactions = useApp(selectSkippedOf(connectionId, 'transaction'));
  const authorizing = useApp(selectBusy('authorize'));
  const loading = useApp(selectBusy('accounts'));
  const loaded = useApp((s) => s.accountsLoaded);
  const renew = useApp((s) => s.renew);
  const headingId = useId();
  const text = useText();
  const { t } = useTranslation(['accounts', 'common']);
  if (connection === undefined) return null;
  const canReauthorize = failure?.state === 'reauth-required' || failure?.state === 'consent-expired' || connection.status === 'reauth-required' || connection.status === 'expired';

  return (
    <section className="account-group" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {connection.label || t('common:unnamedConnection')} <StatusBadge connection={connection} />
      </h3>
      {failure !== undefined && <p className="failure">{failureText(text, failure.error)}</p>}
      {failure === undefined && !isReadable(connection.status) && <p className="hint">{t('noAccess')}</p>}
      {canReauthorize && (
        <button type="button" disabled={authorizing} onClick={() => void renew(connectionId)}>{t('reauthorize')}</button>
      )}
      {isReadable(connection.status) && failure === undefined && accounts.length === 0 && (
        <p className="hint" role={loading ? 'status' : undefined}>{loading || !loaded ? t('loading') : t('none')}</p>
      )}
      {skippedAccounts > 0 && <p className="hint">{t('common:skipped.account', { count: skippedAccounts })}</p>}
      {skippedBalances > 0 && <p className="hint">{t('common:skipped.balance', { count: skippedBalances })}</p>}
      {skippedTransactions > 0 && <p className="hint">{t('common:skipped.transaction', { count: skippedTransactions })}</p>}
      {accounts.length > 0 && (
        <ul role="list" className="accounts" aria-labelledby={headingId}>
          {accounts.map((a) => <AccountRow key={a.id} account={a} />)}
        </ul>
      )}
    </section>
  );
}

export function AccountsPanel() {
  const ids = useAppList(selectConnectionIds);
  const headingId = useId();
  const { t } = useTranslation(['accounts', 'common']);
  if (ids.length === 0) return null;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('heading')}</h2>
      <SyncControls />
      {ids.map((id) => <ConnectionAccounts key={id} connectionId={id} />)}
    </section>
  );
}
