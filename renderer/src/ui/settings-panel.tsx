import { useId } from 'react';
import type { Settings } from '../../../common/contract.js';
import { selectBusy } from '../store/selectors.js';
import { useTranslation } from 'react-i18next';
import { autoSyncHoursText } from '../i18n/texts.js';
import { useText } from '../i18n/use-text.js';
import { useApp } from './store-context.js';

const modes = [
  { value: 'window', label: 'modeWindow' },
  { value: 'system-browser', label: 'modeSystemBrowser' },
] as const satisfies readonly { value: Settings['authorizationMode']; label: string }[];

/** Hours between automatic syncs the panel offers; 0 = off. Four a day (6 h) fits the bank's daily budget. */
export const AUTO_SYNC_HOURS = [0, 1, 2, 3, 4, 6, 8, 12, 24] as const;

export function SettingsPanel() {
  const settings = useApp((s) => s.settings);
  const busy = useApp(selectBusy('settings'));
  const setMode = useApp((s) => s.setAuthorizationMode);
  const setAutoSyncHours = useApp((s) => s.setAutoSyncHours);
  const headingId = useId();
  const name = useId();
  const autoSyncId = useId();
  const text = useText();
  const { t } = useTranslation('settings');
  // A value set elsewhere (the CLI) that the list lacks is still shown as it is.
  const hours = settings === null || (AUTO_SYNC_HOURS as readonly number[]).includes(settings.autoSyncHours)
    ? AUTO_SYNC_HOURS
    : [...AUTO_SYNC_HOURS, settings.autoSyncHours].sort((a, b) => a - b);
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('heading')}</h2>
      <fieldset disabled={settings === null || busy}>
        <legend>{t('authorizationMode')}</legend>
        {modes.map((m) => (
          <label key={m.value} className="radio">
            <input type="radio" name={name} value={m.value} checked={settings?.authorizationMode === m.value} onChange={() => void setMode(m.value)} />
            {t(m.label)}
          </label>
        ))}
      </fieldset>
      <div className="field auto-sync">
        <label htmlFor={autoSyncId}>{t('autoSync')}</label>
        <select id={autoSyncId} disabled={settings === null || busy} value={settings?.autoSyncHours ?? ''} onChange={(e) => void setAutoSyncHours(Number(e.target.value))}>
          {settings === null && <option value="" />}
          {hours.map((h) => <option key={h} value={h}>{autoSyncHoursText(text, h)}</option>)}
        </select>
      </div>
    </section>
  );
}
