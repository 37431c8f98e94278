/** The command palette (Ctrl+K): screens, accounts and actions by name. */
export const palette = {
  label: 'Paletă de comenzi',
  open: 'Comenzi (Ctrl+K)',
  placeholder: 'Căutați un ecran, un cont sau o acțiune…',
  empty: 'Nimic găsit.',
  screens: 'Ecrane',
  accounts: 'Conturi',
  actions: 'Acțiuni',
  sync: 'Sincronizează acum',
  connect: 'Conectați o bancă',
  themeLight: 'Aspect luminos',
  themeDark: 'Aspect întunecat',
  themeSystem: 'Aspect ca sistemul',
  languageRo: 'Limba: română',
  languageEn: 'Language: English',
  notifications: 'Permiteți notificările (acorduri care expiră, tranzacții noi)',
} as const;
