import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isReadable, type Balance } from '../../../../common/domain.js';
import { formatMoney } from '../../../../common/format-money.js';
import type { StoredAccount } from '../../../../common/queries.js';
import { balanceLabel } from '../../i18n/texts.js';
import { useText } from '../../i18n/use-text.js';
import { selectAccountsOf, selectConnection, selectFailureOf, selectSkippedOf } from '../../store/selectors.js';
import { accountNumber, accountPath, accountTitle } from '../../ui/account-name.js';
import { ErrorState } from '../../ui/error-state.js';
import { StatusBadge } from '../../ui/status-badge.js';
import { useApp, useAppList } from '../../ui/store-context.js';
import { AccountSyncStatus } from '../../ui/sync-controls.js';
import { Skeleton } from '../../ui/skeleton.js';

/** The two balances people look for first, then whatever else the bank sent. */
const ORDER = ['closingBooked', 'interimAvailable'];
const rank = (type: string) => (ORDER.includes(type) ? ORDER.indexOf(type) : ORDER.length);
const byImportance = (a: Balance, b: Balance) => rank(a.type) - rank(b.type);

function AccountRow({ account }: { account: StoredAccount }) {
  const text = useText();
  const { t } = useTranslation('overview');
  const title = accountTitle(text, account);
  return (
    <li className="overview-account" data-iban={account.iban}>
      <Link className="account-link" to={accountPath(account.id)}>
        <span className="account-main">
          <span className="account-name">{title}</span>
          <span className="iban">{accountNumber(account)}</span>
          <AccountSyncStatus accountId={account.id} />
        </span>
        <span className="balances">
          {account.balances.length === 0 && <span className="meta">{t('noBalance')}</span>}
          {[...account.balances].sort(byImportance).map((b) => (
            <span key={b.type} className="balance">
              <span className="meta">{balanceLabel(text, b.type)}</span>
              <span className="amount">{formatMoney(b.amount, { locale: text.locale })}</span>
            </span>
          ))}
        </span>
      </Link>
    </li>
  );
}

/** One consent (a PSU at a bank): its state, what stops it updating, its accounts. */
function ConnectionGroup({ connectionId }: { connectionId: string }) {
  const connection = useApp(selectConnection(connectionId));
  const accounts = useAppList(selectAccountsOf(connectionId));
  const failure = useApp(selectFailureOf(connectionId));
  const skippedAccounts = useApp(selectSkippedOf(connectionId, 'account'));
  const skippedBalances = useApp(selectSkippedOf(connectionId, 'balance'));
  const skippedTransactions = useApp(selectSkippedOf(connectionId, 'transaction'));
  const headingId = useId();
  const { t } = useTranslation(['overview', 'accounts', 'common']);
  if (connection === undefined) return null;
  // A consent that ran out or lost its authorisation asks to be renewed; a revoked or refused one only says its data is saved.
  const ended = connection.status === 'expired' ? 'consent-expired' : connection.status === 'reauth-required' ? 'reauth-required' : undefined;
  // The age of what is shown: the oldest last sync among the connection's accounts.
  const syncedAt = accounts.reduce<string | undefined>((oldest, a) => (a.syncedAt !== undefined && (oldest === undefined || a.syncedAt < oldest) ? a.syncedAt : oldest), undefined);

  return (
    <section className="connection-group" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {connection.label || t('common:unnamedConnection')} <StatusBadge connection={connection} />
      </h3>
      {failure !== undefined && <ErrorState error={failure.error} connectionId={connectionId} ofAccounts syncedAt={syncedAt} />}
      {failure === undefined && ended !== undefined && (
        <ErrorState error={{ code: 'CONSENT_ENDED', state: ended, message: '', retryable: false }} connectionId={connectionId} ofAccounts />
      )}
      {failure === undefined && ended === undefined && !isReadable(connection.status) && connection.status !== 'authorizing' && <p className="hint">{t('accounts:noAccess')}</p>}
      {skippedAccounts > 0 && <p className="hint">{t('common:skipped.account', { count: skippedAccounts })}</p>}
      {skippedBalances > 0 && <p className="hint">{t('common:skipped.balance', { count: skippedBalances })}</p>}
      {skippedTransactions > 0 && <p className="hint">{t('common:skipped.transaction', { count: skippedTransactions })}</p>}
      {accounts.length === 0 ? (
        isReadable(connection.status) && <p className="hint">{t('noAccounts')}</p>
      ) : (
        <ul className="overview-accounts" aria-labelledby={headingId}>
          {accounts.map((a) => <AccountRow key={a.id} account={a} />)}
        </ul>
      )}
    </section>
  );
}

/** Rows shaped like account rows while the first read runs: nothing moves when they arrive. */
export function AccountsSkeleton() {
  return (
    <div className="panel">
      <Skeleton kind="heading" />
      <Skeleton kind="account" count={3} />
    </div>
  );
}

/**
 * Every account of every connection, grouped by bank, then by consent (one PSU at that bank).
 * A connection whose last sync failed says why, with what to do, above its saved accounts.
 */
export function AccountGroups() {
  const connections = useAppList((s) => s.connections);
  const profiles = useAppList((s) => s.profiles);
  const { t } = useTranslation('overview');
  const banks = [...new Set(connections.map((c) => c.profileId))];
  return (
    <>
      {banks.map((profileId) => {
        const bank = profiles.find((p) => p.id === profileId)?.displayName ?? profileId;
        return (
          <section key={profileId} className="panel bank-group" aria-label={t('bankGroup', { bank })}>
            <h2>{bank}</h2>
            {connections.filter((c) => c.profileId === profileId).map((c) => <ConnectionGroup key={c.id} connectionId={c.id} />)}
          </section>
        );
      })}
    </>
  );
}
