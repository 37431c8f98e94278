import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Connection, GrantedAccount } from '../../../../common/domain.js';
import { formatIban } from '../../../../common/iban.js';
import { formatDate } from '../../format/date.js';
import { useLocale } from '../../i18n/use-text.js';
import { selectBusy, selectConnection, selectFailureOf } from '../../store/selectors.js';
import { ErrorState } from '../../ui/error-state.js';
import { StatusBadge } from '../../ui/status-badge.js';
import { useApp, usePick } from '../../ui/store-context.js';

function Countdown({ connection }: { connection: Connection }) {
  const locale = useLocale();
  const { t } = useTranslation('connections');
  if (connection.validUntil === undefined) return null;
  const date = formatDate(connection.validUntil, locale);
  if (connection.daysLeft === undefined || connection.status === 'expired' || connection.status === 'revoked') {
    return <p className="meta">{t('validUntil')} {date}</p>;
  }
  return <p className="meta countdown">{connection.daysLeft === 0 ? t('countdownToday', { date }) : t('countdown', { count: connection.daysLeft, date })}</p>;
}

function Grant({ grant }: { grant: GrantedAccount }) {
  const { t } = useTranslation('connections');
  const perms = [grant.balances && t('permBalances'), grant.transactions && t('permTransactions')].filter((p) => p !== false);
  return (
    <li className="grant">
      <span className="iban">{formatIban(grant.iban)}</span>
      {grant.currency !== undefined && <span className="meta">{grant.currency}</span>}
      <span className="meta">{perms.length === 0 ? t('permAccountOnly') : perms.join(', ')}</span>
    </li>
  );
}

/** One consent: its state and countdown, what the bank granted, and what the person can do with it. */
export function ConnectionCard({ id }: { id: string }) {
  const connection = useApp(selectConnection(id));
  const failure = useApp(selectFailureOf(id));
  const busy = useApp(selectBusy(`connection:${id}`));
  const authorizing = useApp(selectBusy('authorize'));
  const bank = useApp((s) => s.profiles.find((p) => p.id === connection?.profileId)?.displayName);
  const { renew, revoke, remove, refreshStatus } = usePick('renew', 'revoke', 'remove', 'refreshStatus');
  const nameId = useId();
  const { t } = useTranslation(['connections', 'common']);
  const locale = useLocale();
  // Revoking or deleting ends the bank's access for good: one more, explicit click first.
  const [confirming, setConfirming] = useState<'revoke' | 'remove' | undefined>();
  const confirmRef = useRef<HTMLButtonElement>(null);
  // The keyboard follows the question: focus lands on the confirming button.
  useEffect(() => { if (confirming !== undefined) confirmRef.current?.focus(); }, [confirming]);
  if (connection === undefined) return null;
  const gone = connection.status === 'revoked' || connection.status === 'rejected' || connection.status === 'expired';

  return (
    <li className="connection" aria-busy={busy} aria-labelledby={nameId}>
      <div className="connection-head">
        <h2 id={nameId} className="connection-label">{connection.label || t('common:unnamedConnection')}</h2>
        <StatusBadge connection={connection} />
      </div>
      <p className="meta">{t('bankOf', { bank: bank ?? connection.profileId })} · {t('createdAt', { date: formatDate(connection.createdAt, locale) })}</p>
      <Countdown connection={connection} />
      {failure !== undefined && <ErrorState error={failure.error} connectionId={id} ofAccounts />}
      <h3 className="grants-heading">{t('grantedHeading')}</h3>
      {connection.accounts.length === 0 ? <p className="hint">{t('grantedNone')}</p> : (
        <ul className="grants">{connection.accounts.map((g) => <Grant key={g.accountId} grant={g} />)}</ul>
      )}
      {confirming === undefined ? (
        <div className="actions">
          {/* Renew starts the bank's pages: called straight from the click for the popup's sake. */}
          <button type="button" aria-describedby={nameId} disabled={busy || authorizing} onClick={() => void renew(id)}>{t('renew')}</button>
          <button type="button" aria-describedby={nameId} disabled={busy || gone} onClick={() => setConfirming('revoke')}>{t('revoke')}</button>
          <button type="button" aria-describedby={nameId} disabled={busy} onClick={() => void refreshStatus(id)}>{t('refreshStatus')}</button>
          <button type="button" className="danger" aria-describedby={nameId} disabled={busy} onClick={() => setConfirming('remove')}>{t('remove')}</button>
        </div>
      ) : (
        <div className="actions confirm" role="group" aria-label={t('confirmHeading')}>
          <p className="meta">{confirming === 'revoke' ? t('confirmRevoke') : t('confirmRemove')}</p>
          <button
            ref={confirmRef}
            type="button"
            className="danger"
            aria-describedby={nameId}
            disabled={busy}
            onClick={() => {
              setConfirming(undefined);
              void (confirming === 'revoke' ? revoke(id) : remove(id));
            }}
          >
            {confirming === 'revoke' ? t('confirmRevokeYes') : t('confirmRemoveYes')}
          </button>
          <button type="button" aria-describedby={nameId} onClick={() => setConfirming(undefined)}>{t('common:cancel')}</button>
        </div>
      )}
    </li>
  );
}
