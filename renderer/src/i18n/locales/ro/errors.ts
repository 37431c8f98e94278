/** Every failure the person may meet, by the state core decided (AppError.state), and what to do next. */
export const errors = {
  retryInSeconds_one: 'Încercați din nou peste o secundă.',
  retryInSeconds_few: 'Încercați din nou peste {{count}} secunde.',
  retryInSeconds_other: 'Încercați din nou peste {{count}} de secunde.',
  retryAfter: 'Încercați din nou după ora {{time}}.',
  retryLater: 'Încercați mai târziu.',
  checkInternet: 'Verificați conexiunea la internet.',
  checkInternetRetry: 'Verificați conexiunea la internet și reîncercați.',
  reference: 'Referința pentru bancă: {{id}}.',
  misconfigured: 'Banca nu recunoaște înregistrarea aplicației (client sau certificat). Verificați profilul băncii în setări; o nouă autorizare nu ajută.',
  state: {
    'reauth-required': 'Banca cere o nouă autorizare.',
    'consent-expired': 'Acordul dat băncii a expirat.',
    'rate-limited': 'Banca limitează numărul de interogări.',
    offline: 'Banca nu răspunde.',
    'sca-cancelled': 'Autorizarea a fost anulată.',
    'invalid-input': 'Cererea nu este validă: {{message}}',
    'keychain-unavailable': 'Depozitul de chei al sistemului nu este disponibil.',
    'app-unreachable': 'Aplicația nu răspunde. Verificați că rulează și reîncercați.',
    'app-refused': 'Aplicația a refuzat cererea. Deschideți din nou adresa afișată de aplicație.',
    'popup-blocked': 'Browserul a blocat fereastra băncii. Permiteți ferestrele pop-up pentru această pagină și reîncercați.',
    failed: 'A apărut o eroare ({{code}}): {{message}}',
  },
  /** Why a connection's accounts could not be read: the same states, said for the accounts. */
  failure: {
    'reauth-required': 'Banca cere o nouă autorizare. Autorizați din nou.',
    'consent-expired': 'Acordul dat băncii a expirat. Reînnoiți-l pentru a vedea conturile.',
    failed: 'Conturile nu au putut fi citite.',
  },
} as const;
