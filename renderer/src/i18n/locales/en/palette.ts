import type { Translation } from '../../translation.js';
import type { palette as ro } from '../ro/palette.js';

export const palette: Translation<typeof ro> = {
  label: 'Command palette',
  open: 'Commands (Ctrl+K)',
  placeholder: 'Search a screen, an account or an action…',
  empty: 'Nothing found.',
  screens: 'Screens',
  accounts: 'Accounts',
  actions: 'Actions',
  sync: 'Sync now',
  connect: 'Connect a bank',
  themeLight: 'Light theme',
  themeDark: 'Dark theme',
  themeSystem: 'Theme as the system',
  languageRo: 'Limba: română',
  languageEn: 'Language: English',
  notifications: 'Allow notifications (consents ending, new transactions)',
};
