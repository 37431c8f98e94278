import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { selectConnectionIds } from '../../store/selectors.js';
import { ConnectForm } from '../../ui/connect-form.js';
import { useApp, useAppList } from '../../ui/store-context.js';
import { ConnectionCard } from './connection-card.js';
import './connections.css';
import { Skeleton } from '../../ui/skeleton.js';

/** Every consent the person gave, each with its state, its grants and its actions; and a new one. */
export function ConnectionsScreen() {
  const ids = useAppList(selectConnectionIds);
  const loaded = useApp((s) => s.connectionsLoaded);
  const headingId = useId();
  const addId = useId();
  const { t } = useTranslation(['connections', 'common']);
  return (
    <section className="connections-screen" aria-labelledby={headingId}>
      <h1 id={headingId}>{t('heading')}</h1>
      {!loaded && <Skeleton kind="connection" count={2} />}
      {loaded && ids.length === 0 && <p className="hint">{t('empty')}</p>}
      {ids.length > 0 && (
        <ul className="connections" aria-labelledby={headingId}>
          {ids.map((id) => <ConnectionCard key={id} id={id} />)}
        </ul>
      )}
      <section className="panel" aria-labelledby={addId}>
        <h2 id={addId}>{t('addHeading')}</h2>
        <p className="hint">{t('addHint')}</p>
        <ConnectForm />
      </section>
    </section>
  );
}
