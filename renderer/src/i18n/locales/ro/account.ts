/** One account's own screen: its balances, their history, its transactions. */
export const account = {
  balances: 'Solduri',
  noBalances: 'Banca nu a dat încă solduri pentru acest cont. Sincronizați sau verificați că acordul include soldurile.',
  chart: 'Soldul în timp',
  chartType: 'Tipul soldului',
  chartEmpty: 'Soldul în timp apare după câteva sincronizări: aplicația păstrează soldul din fiecare zi în care citește contul.',
  chartLoading: 'Se încarcă istoricul soldului…',
  copyIban: 'Copiază IBAN',
  copied: 'IBAN copiat',
  copyFailed: 'IBAN-ul nu a putut fi copiat; selectați-l și copiați-l de mână.',
  notFound: 'Acest cont nu mai este în copia locală.',
  back: 'Înapoi la prezentarea generală',
} as const;
