import { useId } from 'react';
import type { Settings } from '../../../common/contract.js';
import { selectBusy } from '../store/selectors.js';
import { strings } from '../strings.js';
import { useApp } from './store-context.js';

const modes: { value: Settings['authorizationMode']; label: string }[] = [
  { value: 'window', label: strings.modeWindow },
  { value: 'system-browser', label: strings.modeSystemBrowser },
];

export function SettingsPanel() {
  const settings = useApp((s) => s.settings);
  const busy = useApp(selectBusy('settings'));
  const setMode = useApp((s) => s.setAuthorizationMode);
  const headingId = useId();
  const name = useId();
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{strings.settingsHeading}</h2>
      <fieldset disabled={settings === null || busy}>
        <legend>{strings.authorizationMode}</legend>
        {modes.map((m) => (
          <label key={m.value} className="radio">
            <input type="radio" name={name} value={m.value} checked={settings?.authorizationMode === m.value} onChange={() => void setMode(m.value)} />
            {m.label}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
