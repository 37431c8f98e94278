import { useId, useState, type FormEvent } from 'react';
import { selectBusy } from '../store/selectors.js';
import { useTranslation } from 'react-i18next';
import { useApp, useAppList } from './store-context.js';

/** The header: bank, a name for the connection, and the button that starts the bank's pages. */
export function ConnectForm() {
  const profiles = useAppList((s) => s.profiles);
  const authorizing = useApp(selectBusy('authorize'));
  const connect = useApp((s) => s.connect);
  const [profileId, setProfileId] = useState('');
  const [label, setLabel] = useState('');
  const bankId = useId();
  const labelId = useId();
  const { t } = useTranslation('connections');
  const chosen = profiles.some((p) => p.id === profileId) ? profileId : (profiles[0]?.id ?? '');
  const simulator = profiles.find((p) => p.id === chosen)?.simulator === true;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen === '') return;
    // Synchronous up to here: in browser mode `connect` opens the popup within this gesture.
    void connect(chosen, label.trim()).then((ok) => ok && setLabel(''));
  };

  return (
    <form className="connect-form" onSubmit={onSubmit}>
      <div className="field">
        <label htmlFor={bankId}>{t('bank')}</label>
        <select id={bankId} value={chosen} onChange={(e) => setProfileId(e.target.value)} disabled={profiles.length === 0}>
          {profiles.length === 0 && <option value="">{t('bankLoading')}</option>}
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>{p.simulator === true ? `${t('simulatorTag')}: ${p.displayName}` : p.displayName}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={labelId}>{t('connectionName')}</label>
        <input id={labelId} type="text" value={label} maxLength={60} placeholder={t('connectionNamePlaceholder')} onChange={(e) => setLabel(e.target.value)} autoComplete="off" />
      </div>
      <button type="submit" className="primary" disabled={chosen === '' || authorizing}>{t('connect')}</button>
      {simulator && <p className="simulator-warning" role="alert">{t('simulatorWarning')}</p>}
    </form>
  );
}
