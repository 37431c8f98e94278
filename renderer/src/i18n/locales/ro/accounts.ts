/** The accounts, as the overview and an account's own screen show them. */
export const accounts = {
  heading: 'Conturi',
  loading: 'Se încarcă conturile…',
  none: 'Niciun cont în această conexiune.',
  reauthorize: 'Autorizați din nou',
  noAccess: 'Banca nu mai poate fi citită prin această conexiune; se arată datele salvate.',
  open: 'Deschide contul',
  openNamed: 'Deschide contul {{name}}',
} as const;
