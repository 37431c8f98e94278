import type { Connection, UiErrorState } from '../../common/domain.js';
import type { AppError } from '../../common/result.js';

/**
 * Every text the person reads, in Romanian (the app's audience). Kept here, flat, until an
 * i18n library arrives; written without diacritics for now, as the end-to-end tests name
 * elements by these exact texts.
 */
export const strings = {
  appTitle: 'Conturi',
  bank: 'Banca',
  bankLoading: 'Se incarca bancile…',
  simulatorTag: 'SIMULATOR',
  simulatorWarning: 'Atentie: aceasta nu este o banca. Este un simulator pe acest calculator, prin http necriptat. Nu introduceti date bancare reale.',
  connectionName: 'Nume conexiune',
  connectionNamePlaceholder: 'ex. CEC personal',
  connect: 'Conecteaza banca',
  authorizing: 'Se asteapta autorizarea la banca. Finalizati pasii in fereastra bancii.',
  cancel: 'Anuleaza',
  dismiss: 'Inchide',
  popupWaiting: 'Se deschide pagina bancii…',

  connectionsHeading: 'Conexiuni',
  connectionsEmpty: 'Nicio banca conectata inca. Alegeti banca, dati un nume conexiunii si apasati „Conecteaza banca”.',
  connectionsLoading: 'Se incarca conexiunile…',
  validUntil: 'Valabil pana la',
  renew: 'Reinnoieste',
  revoke: 'Revoca',
  remove: 'Sterge',
  confirmHeading: 'Confirmare',
  confirmRevoke: 'Banca va opri accesul aplicatiei la aceste conturi. Pentru a le vedea din nou va trebui sa va autorizati din nou.',
  confirmRevokeYes: 'Da, revoca accesul',
  confirmRemove: 'Conexiunea si accesul la banca vor fi sterse din aplicatie.',
  confirmRemoveYes: 'Da, sterge conexiunea',
  refreshStatus: 'Actualizeaza starea',
  unnamedConnection: 'Conexiune fara nume',

  accountsHeading: 'Conturi',
  accountsLoading: 'Se incarca conturile…',
  accountsNone: 'Niciun cont in aceasta conexiune.',
  reauthorize: 'Autorizati din nou',
  noAccess: 'Conexiunea nu are acces la conturi in aceasta stare.',
  card: 'Card',
  account: 'Cont',

  transactionsHeading: 'Tranzactii',
  transactionsPick: 'Alegeti un cont pentru a vedea ultimele tranzactii.',
  transactionsLoading: 'Se incarca tranzactiile…',
  transactionsEmpty: 'Nicio tranzactie in perioada afisata.',
  pending: 'in asteptare',
  more: 'Mai multe',
  retry: 'Reincearca',

  settingsHeading: 'Setari',
  authorizationMode: 'Unde se deschide pagina bancii',
  modeWindow: 'In fereastra aplicatiei',
  modeSystemBrowser: 'In browserul sistemului',
} as const;

const balanceLabels: Record<string, string> = {
  closingBooked: 'Sold contabil',
  interimAvailable: 'Disponibil',
  interimBooked: 'Sold contabil intermediar',
  openingBooked: 'Sold initial',
  expected: 'Sold estimat',
  forwardAvailable: 'Disponibil in viitor',
  nonInvoiced: 'Nefacturat',
};

const skippedWords = {
  transaction: ['tranzactie nu a putut fi citita', 'tranzactii nu au putut fi citite'],
  account: ['cont nu a putut fi citit', 'conturi nu au putut fi citite'],
  balance: ['sold nu a putut fi citit', 'solduri nu au putut fi citite'],
} as const;
const roPlural = new Intl.PluralRules('ro-RO');

/** "1 tranzactie nu a putut fi citita", "3 conturi…", "20 de tranzactii…": items the bank sent that the app left out. */
export function skippedText(n: number, what: keyof typeof skippedWords): string {
  const [one, many] = skippedWords[what];
  const category = roPlural.select(n);
  return category === 'one' ? `${n} ${one}` : `${n} ${category === 'few' ? '' : 'de '}${many}`;
}

/** The Berlin Group balance type in words; an unknown type is shown as the bank named it. */
export const balanceLabel = (type: string): string => balanceLabels[type] ?? type;

const days = (n: number) => (n === 1 ? '1 zi' : `${n} zile`);

export function statusText(c: Pick<Connection, 'status' | 'daysLeft'>): string {
  switch (c.status) {
    case 'active': return 'activ';
    case 'expiring': return c.daysLeft === undefined ? 'expira curand' : c.daysLeft === 0 ? 'expira azi' : `expira curand (${days(c.daysLeft)})`;
    case 'expired': return 'expirat';
    case 'revoked': return 'revocat';
    case 'reauth-required': return 'necesita reautorizare';
    case 'authorizing': return 'in curs de autorizare';
    case 'rejected': return 'refuzat';
  }
}

/** Why a connection's accounts could not be read, and what the person can do. */
export function failureText(state: UiErrorState): string {
  switch (state) {
    case 'reauth-required': return 'Banca cere o noua autorizare. Autorizati din nou.';
    case 'consent-expired': return 'Acordul dat bancii a expirat. Reinnoiti-l pentru a vedea conturile.';
    case 'rate-limited': return 'Banca limiteaza numarul de interogari. Incercati mai tarziu.';
    case 'offline': return 'Banca nu raspunde. Verificati conexiunea la internet.';
    case 'sca-cancelled': return 'Autorizarea a fost anulata.';
    case 'failed': return 'Conturile nu au putut fi citite.';
  }
}

const errorTexts: Record<string, string> = {
  OFFLINE: 'Aplicatia nu raspunde. Verificati ca ruleaza si reincercati.',
  HOST_REFUSED: 'Aplicatia a refuzat cererea. Deschideti din nou adresa afisata de aplicatie.',
  PROTOCOL_ERROR: 'Raspuns neasteptat. Reincercati.',
  POPUP_BLOCKED: 'Browserul a blocat fereastra bancii. Permiteti ferestrele pop-up pentru aceasta pagina si reincercati.',
  SCA_CANCELLED: 'Autorizarea a fost anulata.',
  REAUTH_REQUIRED: 'Banca cere o noua autorizare.',
  CONSENT_EXPIRED: 'Acordul dat bancii a expirat.',
  ACCESS_EXCEEDED: 'Banca limiteaza numarul de interogari. Incercati mai tarziu.',
  KEYCHAIN_UNAVAILABLE: 'Depozitul de chei al sistemului nu este disponibil.',
  VALIDATION_ERROR: 'Cererea nu este valida.',
};

/** A known code in Romanian; otherwise a generic sentence with the technical message after it. */
export const errorText = (error: AppError): string => errorTexts[error.code] ?? `A aparut o eroare (${error.code}): ${error.message}`;
