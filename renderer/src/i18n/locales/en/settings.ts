import type { Translation } from '../../translation.js';
import type { settings as ro } from '../ro/settings.js';

export const settings: Translation<typeof ro> = {
  heading: 'Settings',
  authorizationMode: 'Where the bank’s page opens',
  modeWindow: 'In the app’s window',
  modeSystemBrowser: 'In the system browser',
  autoSync: 'Automatic update',
  autoSyncOff: 'off',
  autoSyncEvery_one: 'every hour',
  autoSyncEvery_few: 'every {{count}} hours',
  autoSyncEvery_other: 'every {{count}} hours',
  language: 'Language',
  languageSystem: 'System language',
  languageRo: 'Română',
  languageEn: 'English',
  theme: 'Appearance',
  themeSystem: 'Like the system',
  themeLight: 'Light',
  themeDark: 'Dark',
};
