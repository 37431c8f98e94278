import type { Connection } from '../../common/domain.js';
import type { AppError } from '../../common/result.js';
import type { AccountSyncLine } from './store/sync-slice.js';

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
  // The local store's banners, with diacritics already (the rest follows when the tests name elements otherwise).
  ephemeral: 'Nimic nu se păstrează după ce închideți aplicația: depozitul de chei al sistemului nu este disponibil, așa că datele stau doar în memorie și puteți folosi doar banca de test (sandbox).',
  ephemeralWhy: 'Motivul',
  storeLocked: 'Copia locală nu poate fi deschisă: cheia ei nu mai este în depozitul de chei al sistemului. Începeți din nou și sincronizați iar de la bancă; fișierul vechi este păstrat deoparte, nu se șterge.',
  startFresh: 'Începeți din nou',

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
  noAccess: 'Banca nu mai poate fi citita prin aceasta conexiune; se arata datele salvate.',
  card: 'Card',
  account: 'Cont',

  transactionsHeading: 'Tranzactii',
  transactionsPick: 'Alegeti un cont pentru a vedea ultimele tranzactii.',
  transactionsLoading: 'Se incarca tranzactiile…',
  transactionsEmpty: 'Nicio tranzactie salvata pentru acest cont.',
  pending: 'in asteptare',
  more: 'Mai multe',
  retry: 'Reincearca',

  // The sync's texts, with diacritics (the e2e tests name these elements by them).
  sync: 'Sincronizează',
  syncProgress: 'Sincronizare',
  syncQueued: 'în așteptare',
  autoSync: 'Actualizare automată',
  autoSyncOff: 'oprită',

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

const syncedFormat = new Intl.DateTimeFormat('ro-RO', { dateStyle: 'short', timeStyle: 'short' });

/** "Sincronizat: 20.11.2025, 12:05": when the local copy last heard from the bank, in the person's own time. */
export const syncedText = (at: string): string => `Sincronizat: ${syncedFormat.format(new Date(at))}`;

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

/** "14:05", or "02.12 14:05" when not today: when the bank said to try again. */
function clockTime(at: Date, now: Date): string {
  const time = at.toLocaleTimeString('ro-RO', { hour: '2-digit', minute: '2-digit' });
  return at.toDateString() === now.toDateString() ? time : `${at.toLocaleDateString('ro-RO', { day: '2-digit', month: '2-digit' })} ${time}`;
}

/** "Actualizat la 14:05": when the last run (of any trigger) ended. */
export const updatedAtText = (at: string, now = new Date()): string => `Actualizat la ${clockTime(new Date(at), now)}`;

/** "următoarea actualizare automată la 00:00": when the accounts a run deferred are read again. */
export const nextAutoUpdateText = (at: Date, now = new Date()): string => `următoarea actualizare automată la ${clockTime(at, now)}`;

/** "142 noi": transactions new to the local copy. */
const storedText = (n: number): string => (n === 0 ? 'nimic nou' : n === 1 ? '1 nouă' : `${n} noi`);

/** One account's line while a run goes: "pagina 3", "142 noi", "amânat până la 18:00", or why it failed. */
export function syncLineText(line: AccountSyncLine, now = new Date()): string {
  switch (line.phase) {
    case 'queued': return strings.syncQueued;
    case 'reading': return `pagina ${line.page ?? 1}`;
    case 'done': return storedText(line.stored ?? 0);
    case 'deferred': return line.nextAttemptAt === undefined ? 'amânat' : `amânat până la ${clockTime(new Date(line.nextAttemptAt), now)}`;
    case 'failed': {
      const message = line.message ?? '';
      // A generic failure says only what core said; a known state says it in Romanian.
      return line.state === undefined || line.state === 'failed' ? message : errorText({ code: 'SYNC', state: line.state, message, retryable: false }, now);
    }
  }
}

/** "1 din 4 conturi": the bar's value in words, for screen readers. */
export const syncCountText = (done: number, total: number): string => `${done} din ${total} ${total === 1 ? 'cont' : roPlural.select(total) === 'other' ? 'de conturi' : 'conturi'}`;

/** The auto-sync interval in words: "oprită", "la fiecare oră", "la fiecare 6 ore", "la fiecare 24 de ore". */
export function autoSyncHoursText(hours: number): string {
  if (hours <= 0) return strings.autoSyncOff;
  if (hours === 1) return 'la fiecare oră';
  return `la fiecare ${hours} ${roPlural.select(hours) === 'other' ? 'de ' : ''}ore`;
}

/** The bank's `Retry-After` in words, or undefined when it sent none. */
function retryText(retryAfter: AppError['retryAfter'], now: Date): string | undefined {
  if (retryAfter === undefined) return undefined;
  if (typeof retryAfter === 'number' && retryAfter <= 90) return `Incercati din nou peste ${retryAfter === 1 ? 'o secunda' : `${retryAfter} secunde`}.`;
  const at = typeof retryAfter === 'number' ? new Date(now.getTime() + retryAfter * 1000) : new Date(retryAfter);
  return Number.isNaN(at.getTime()) ? undefined : `Incercati din nou dupa ora ${clockTime(at, now)}.`;
}

/** What to do next and the support reference, after the sentence that says what happened. */
function withDetails(sentence: string, error: AppError, now: Date, otherwise?: string): string {
  const when = retryText(error.retryAfter, now) ?? otherwise;
  const reference = error.requestId === undefined ? undefined : `Referinta pentru banca: ${error.requestId}.`;
  return [sentence, when, reference].filter((part) => part !== undefined).join(' ');
}

const MISCONFIGURED = 'Banca nu recunoaste inregistrarea aplicatiei (client sau certificat). Verificati profilul bancii in setari; o noua autorizare nu ajuta.';

/** Why a connection's accounts could not be read, and what the person can do. */
export function failureText(error: AppError, now = new Date()): string {
  switch (error.state) {
    case 'reauth-required': return withDetails('Banca cere o noua autorizare. Autorizati din nou.', error, now);
    case 'consent-expired': return withDetails('Acordul dat bancii a expirat. Reinnoiti-l pentru a vedea conturile.', error, now);
    case 'rate-limited': return withDetails('Banca limiteaza numarul de interogari.', error, now, 'Incercati mai tarziu.');
    case 'offline': return withDetails('Banca nu raspunde.', error, now, 'Verificati conexiunea la internet.');
    case 'misconfigured': return withDetails(MISCONFIGURED, error, now);
    case 'failed': return withDetails('Conturile nu au putut fi citite.', error, now);
    default: return errorText(error, now);
  }
}

/** Any failure in Romanian, by its state (decided in core); the generic one keeps the code and detail. */
export function errorText(error: AppError, now = new Date()): string {
  switch (error.state) {
    case 'reauth-required': return withDetails('Banca cere o noua autorizare.', error, now);
    case 'consent-expired': return withDetails('Acordul dat bancii a expirat.', error, now);
    case 'rate-limited': return withDetails('Banca limiteaza numarul de interogari.', error, now, 'Incercati mai tarziu.');
    case 'offline': return withDetails('Banca nu raspunde.', error, now, 'Verificati conexiunea la internet si reincercati.');
    case 'sca-cancelled': return 'Autorizarea a fost anulata.';
    case 'misconfigured': return withDetails(MISCONFIGURED, error, now);
    case 'invalid-input': return withDetails(`Cererea nu este valida: ${error.message}`, error, now);
    case 'keychain-unavailable': return 'Depozitul de chei al sistemului nu este disponibil.';
    case 'app-unreachable': return 'Aplicatia nu raspunde. Verificati ca ruleaza si reincercati.';
    case 'app-refused': return 'Aplicatia a refuzat cererea. Deschideti din nou adresa afisata de aplicatie.';
    case 'popup-blocked': return 'Browserul a blocat fereastra bancii. Permiteti ferestrele pop-up pentru aceasta pagina si reincercati.';
    case 'failed': return withDetails(`A aparut o eroare (${error.code}): ${error.message}`, error, now);
  }
}
