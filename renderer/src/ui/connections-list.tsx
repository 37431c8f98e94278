import { useId, useState } from 'react';
import type { Connection } from '../../../common/domain.js';
import { formatDate } from '../format/date.js';
import { selectBusy, selectConnection, selectConnectionIds } from '../store/selectors.js';
import { useTranslation } from 'react-i18next';
import { statusText } from '../i18n/texts.js';
import { useLocale, useText } from '../i18n/use-text.js';
import { useApp, useAppList, usePick } from './store-context.js';

const tone: Record<Connection['status'], string> = {
  active: 'ok',
  expiring: 'warn',
  expired: 'bad',
  revoked: 'muted',
  'reauth-required': 'bad',
  authorizing: 'info',
  rejected: 'bad',
};

export function StatusBadge({ connection }: { connection: Connection }) {
  const text = useText();
  return <span className={`badge ${tone[connection.status]}`}>{statusText(text, connection)}</span>;
}

function ConnectionRow({ id }: { id: string }) {
  const connection = useApp(selectConnection(id));
  const busy = useApp(selectBusy(`connection:${id}`));
  const authorizing = useApp(selectBusy('authorize'));
  const { renew, revoke, remove, refreshStatus } = usePick('renew', 'revoke', 'remove', 'refreshStatus');
  const nameId = useId();
  const { t } = useTranslation(['connections', 'common']);
  const locale = useLocale();
  // Revoking or deleting ends the bank's access for good: one more, explicit click first.
  const [confirming, setConfirming] = useState<'revoke' | 'remove' | undefined>();
  if (connection === undefined) return null;
  const gone = connection.status === 'revoked' || connection.status === 'rejected' || connection.status === 'expired';

  return (
    <li role="listitem" className="connection" aria-busy={busy}>
      <div className="connection-head">
        <span id={nameId} className="connection-label">{connection.label || t('common:unnamedConnection')}</span>
        <StatusBadge connection={connection} />
      </div>
      {connection.validUntil !== undefined && (
        <div className="meta">{t('validUntil')} {formatDate(connection.validUntil, locale)}</div>
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

export function ConnectionsList() {
  const ids = useAppList(selectConnectionIds);
  const loaded = useApp((s) => s.connectionsLoaded);
  const headingId = useId();
  const { t } = useTranslation(['connections', 'common']);
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('heading')}</h2>
      {!loaded && <p role="status" className="hint">{t('loading')}</p>}
      {loaded && ids.length === 0 && <p className="hint">{t('empty')}</p>}
      <ul role="list" className="connections" aria-labelledby={headingId}>
        {ids.map((id) => <ConnectionRow key={id} id={id} />)}
      </ul>
    </section>
  );
}
