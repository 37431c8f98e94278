import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Balance } from '../../../../common/domain.js';
import { formatIban } from '../../../../common/iban.js';
import { formatMoney } from '../../../../common/format-money.js';
import { balanceLabel } from '../../i18n/texts.js';
import { useText } from '../../i18n/use-text.js';
import { CopyButton } from '../../ui/copy-button.js';
import { useApp } from '../../ui/store-context.js';
import { TransactionList } from '../../ui/transaction-list.js';
import { AccountSyncStatus } from '../../ui/sync-controls.js';
import { BalanceChart } from './balance-chart.js';
import './account-screen.css';

/** The two balances people look for first, then whatever else the bank sent. */
const FIRST = ['closingBooked', 'interimAvailable'];
const rank = (b: Balance) => (FIRST.includes(b.type) ? FIRST.indexOf(b.type) : FIRST.length);

/** One account: its balances by type, their history, and its transactions (pending first). */
export function AccountScreen() {
  const { accountId = '' } = useParams();
  // The same account may sit under two consents: the one that still reads shows first.
  const account = useApp((s) => s.accounts.filter((a) => a.id === accountId).sort((a, b) => Number(b.readable) - Number(a.readable))[0]);
  const loaded = useApp((s) => s.accountsLoaded);
  const text = useText();
  const { t } = useTranslation(['account', 'ledger', 'common']);

  if (account === undefined) {
    return (
      <section className="panel">
        <p role={loaded ? undefined : 'status'}>{loaded ? t('notFound') : t('common:loading')}</p>
        <a href="#/">{t('back')}</a>
      </section>
    );
  }
  const title = account.product ?? account.name ?? t(account.kind === 'card' ? 'common:card' : 'common:account');
  const number = account.iban !== undefined ? formatIban(account.iban) : (account.maskedPan ?? '');
  return (
    <div className="account-screen">
      <section className="panel account-head" aria-labelledby="account-title">
        <h1 id="account-title">{title}</h1>
        <p className="account-number">
          <span className="iban">{number}</span>
          {account.iban !== undefined && <CopyButton text={account.iban} label={t('copyIban')} copied={t('copied')} failed={t('copyFailed')} />}
        </p>
        <AccountSyncStatus accountId={account.id} />
        <h2>{t('balances')}</h2>
        {account.balances.length === 0 ? (
          <p className="hint">{t('noBalances')}</p>
        ) : (
          <dl className="account-balances">
            {[...account.balances].sort((a, b) => rank(a) - rank(b)).map((b) => (
              <div key={b.type} className="account-balance">
                <dt>{balanceLabel(text, b.type)}</dt>
                <dd className="amount">{formatMoney(b.amount, { locale: text.locale })}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      <section className="panel" aria-labelledby="account-chart">
        <h2 id="account-chart">{t('chart')}</h2>
        <BalanceChart accountId={account.id} />
      </section>
      <section className="panel" aria-labelledby="account-transactions">
        <h2 id="account-transactions">{t('ledger:heading')}</h2>
        <TransactionList filter={{ accountIds: [account.id] }} empty={<p>{t('ledger:emptyAccount')}</p>} />
      </section>
    </div>
  );
}
