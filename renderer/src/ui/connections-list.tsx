import { useId, useState } from 'react';
import type { Connection } from '../../../common/domain.js';
import { formatDate } from '../format/date.js';
import { selectBusy, selectConnection, selectConnectionIds } from '../store/selectors.js';
import { statusText, strings } from '../strings.js';
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
  return <span className={`badge ${tone[connection.status]}`}>{statusText(connection)}</span>;
}

function ConnectionRow({ id }: { id: string }) {
  const connection = useApp(selectConnection(id));
  const busy = useApp(selectBusy(`connection:${id}`));
  const authorizing = useApp(selectBusy('authorize'));
  const { renew, revoke, remove, refreshStatus } = usePick('renew', 'revoke', 'remove', 'refreshStatus');
  const nameId = useId();
  // Revoking or deleting ends the bank's access for good: one more, explicit click first.
  const [confirming, setConfirming] = useState<'revoke' | 'remove' | undefined>();
  if (connection === undefined) return null;
  const gone = connection.status === 'revoked' || connection.status === 'rejected' || connection.status === 'expired';

  return (
    <li role="listitem" className="connection" aria-busy={busy}>
      <div className="connection-head">
        <span id={nameId} className="connection-label">{connection.label || strings.unnamedConnection}</span>
        <StatusBadge connection={connection} />
      </div>
      {connection.validUntil !== undefined && (
        <div className="meta">{strings.validUntil} {formatDate(connection.validUntil)}</div>
      )}
      {confirming === undefined ? (
        <div className="actions">
          {/* Renew starts the bank's pages: called straight from the click for the popup's sake. */}
          <button type="button" aria-describedby={nameId} disabled={busy || authorizing} onClick={() => void renew(id)}>{strings.renew}</button>
          <button type="button" aria-describedby={nameId} disabled={busy || gone} onClick={() => setConfirming('revoke')}>{strings.revoke}</button>
          <button type="button" aria-describedby={nameId} disabled={busy} onClick={() => void refreshStatus(id)}>{strings.refreshStatus}</button>
          <button type="button" className="danger" aria-describedby={nameId} disabled={busy} onClick={() => setConfirming('remove')}>{strings.remove}</button>
        </div>
      ) : (
        <div className="actions confirm" role="group" aria-label={strings.confirmHeading}>
          <p className="meta">{confirming === 'revoke' ? strings.confirmRevoke : strings.confirmRemove}</p>
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
            {confirming === 'revoke' ? strings.confirmRevokeYes : strings.confirmRemoveYes}
          </button>
          <button type="button" aria-describedby={nameId} onClick={() => setConfirming(undefined)}>{strings.cancel}</button>
        </div>
      )}
    </li>
  );
}

export function ConnectionsList() {
  const ids = useAppList(selectConnectionIds);
  const loaded = useApp((s) => s.connectionsLoaded);
  const headingId = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{strings.connectionsHeading}</h2>
      {!loaded && <p role="status" className="hint">{strings.connectionsLoading}</p>}
      {loaded && ids.length === 0 && <p className="hint">{strings.connectionsEmpty}</p>}
      <ul role="list" className="connections" aria-labelledby={headingId}>
        {ids.map((id) => <ConnectionRow key={id} id={id} />)}
      </ul>
    </section>
  );
}
