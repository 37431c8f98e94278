/** Bringing the local copy up to date with the bank. */
export const sync = {
  run: 'Sincronizează',
  progress: 'Sincronizare',
  queued: 'în așteptare',
  page: 'pagina {{page}}',
  nothingNew: 'nimic nou',
  new_one: '{{count}} nouă',
  new_few: '{{count}} noi',
  new_other: '{{count}} noi',
  deferred: 'amânat',
  deferredUntil: 'amânat până la {{time}}',
  count_one: '{{done}} din {{count}} cont',
  count_few: '{{done}} din {{count}} conturi',
  count_other: '{{done}} din {{count}} de conturi',
  updatedAt: 'Actualizat la {{time}}',
  nextAuto: 'următoarea actualizare automată la {{time}}',
} as const;
