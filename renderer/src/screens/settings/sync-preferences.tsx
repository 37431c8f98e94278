import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../common/contract.js';
import { autoSyncHoursText } from '../../i18n/texts.js';
import { useText } from '../../i18n/use-text.js';
import { selectBusy } from '../../store/selectors.js';
import { useApp } from '../../ui/store-context.js';

type Choice<K extends keyof Settings> = { value: Settings[K]; label: 'modeWindow' | 'modeSystemBrowser' | 'languageRo' | 'languageEn' | 'languageSystem' | 'themeLight' | 'themeDark' | 'themeSystem' };

const modes: readonly Choice<'authorizationMode'>[] = [{ value: 'window', label: 'modeWindow' }, { value: 'system-browser', label: 'modeSystemBrowser' }];
const languages: readonly Choice<'language'>[] = [{ value: 'ro', label: 'languageRo' }, { value: 'en', label: 'languageEn' }, { value: 'system', label: 'languageSystem' }];
const themes: readonly Choice<'theme'>[] = [{ value: 'light', label: 'themeLight' }, { value: 'dark', label: 'themeDark' }, { value: 'system', label: 'themeSystem' }];

/** Hours between automatic syncs offered; 0 = off. Four a day (6 h) fits the bank's daily budget. */
export const AUTO_SYNC_HOURS = [0, 1, 2, 3, 4, 6, 8, 12, 24] as const;

/** One setting as radio buttons: a change is saved at once and, for language and theme, applied at once by the shell. */
function RadioGroup<K extends 'authorizationMode' | 'language' | 'theme'>({ legend, choices, value, disabled, onChange }: {
  legend: string; choices: readonly Choice<K>[]; value: Settings[K] | undefined; disabled: boolean; onChange: (value: Settings[K]) => void;
}) {
  const { t } = useTranslation('settings');
  const name = useId();
  return (
    <fieldset disabled={disabled}>
      <legend>{legend}</legend>
      {choices.map((c) => (
        <label key={String(c.value)} className="radio">
          <input type="radio" name={name} value={String(c.value)} checked={value === c.value} onChange={() => onChange(c.value)} />
          {t(c.label)}
        </label>
      ))}
    </fieldset>
  );
}

/** Language, theme, where the bank's page opens, and the automatic update's interval. */
export function SyncPreferences() {
  const settings = useApp((s) => s.settings);
  const busy = useApp(selectBusy('settings'));
  const setMode = useApp((s) => s.setAuthorizationMode);
  const setAutoSyncHours = useApp((s) => s.setAutoSyncHours);
  const setPreference = useApp((s) => s.setPreference);
  const headingId = useId();
  const autoSyncId = useId();
  const text = useText();
  const { t } = useTranslation('settings');
  const disabled = settings === null || busy;
  // A value set elsewhere (the CLI) that the list lacks is still shown as it is.
  const hours = settings === null || (AUTO_SYNC_HOURS as readonly number[]).includes(settings.autoSyncHours)
    ? AUTO_SYNC_HOURS
    : [...AUTO_SYNC_HOURS, settings.autoSyncHours].sort((a, b) => a - b);
  return (
    <section className="panel settings-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('preferences')}</h2>
      <RadioGroup legend={t('language')} choices={languages} value={settings?.language} disabled={disabled} onChange={(language) => void setPreference({ language })} />
      <RadioGroup legend={t('theme')} choices={themes} value={settings?.theme} disabled={disabled} onChange={(theme) => void setPreference({ theme })} />
      <RadioGroup legend={t('authorizationMode')} choices={modes} value={settings?.authorizationMode} disabled={disabled} onChange={(mode) => void setMode(mode)} />
      <div className="field auto-sync">
        <label htmlFor={autoSyncId}>{t('autoSync')}</label>
        <select id={autoSyncId} disabled={disabled} value={settings?.autoSyncHours ?? ''} onChange={(e) => void setAutoSyncHours(Number(e.target.value))}>
          {settings === null && <option value="" />}
          {hours.map((h) => <option key={h} value={h}>{autoSyncHoursText(text, h)}</option>)}
        </select>
      </div>
    </section>
  );
}
