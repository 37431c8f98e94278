import { useTranslation } from 'react-i18next';
import { DataSection } from './data-section.js';
import { ProfilesSection } from './profiles-section.js';
import { SyncPreferences } from './sync-preferences.js';
import './settings.css';

/** The person's choices, the bank profiles and their credentials, and where the data and the log are (issue 10 §8). */
export function SettingsScreen() {
  const { t } = useTranslation('settings');
  return (
    <div className="settings-screen">
      <h1>{t('heading')}</h1>
      <SyncPreferences />
      <ProfilesSection />
      <DataSection />
    </div>
  );
}
