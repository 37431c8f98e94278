import { describe, expect, it } from 'vitest';
import { autoSyncHoursText, balanceLabel, errorText, failureText, skippedText, statusText, syncCountText, syncLineText, updatedAtText } from './strings.js';

describe('statusText', () => {
  it('names every connection status as the badge shows it', () => {
    expect(statusText({ status: 'active' })).toBe('activ');
    expect(statusText({ status: 'expiring', daysLeft: 5 })).toBe('expira curand (5 zile)');
    expect(statusText({ status: 'expiring', daysLeft: 1 })).toBe('expira curand (1 zi)');
    expect(statusText({ status: 'expiring', daysLeft: 0 })).toBe('expira azi');
    expect(statusText({ status: 'expired' })).toBe('expirat');
    expect(statusText({ status: 'revoked' })).toBe('revocat');
    expect(statusText({ status: 'reauth-required' })).toBe('necesita reautorizare');
    expect(statusText({ status: 'authorizing' })).toBe('in curs de autorizare');
    expect(statusText({ status: 'rejected' })).toBe('refuzat');
  });
});

describe('failureText', () => {
  it('tells the person to authorise again when the bank asks for it', () => {
    expect(failureText({ code: 'CONSENT_INVALID', state: 'reauth-required', message: 'x', retryable: false })).toContain('Autorizati din nou');
  });

  it('says a misconfigured app needs its profile fixed, not a new authorisation', () => {
    expect(failureText({ code: 'CERTIFICATE_EXPIRED', state: 'misconfigured', message: 'x', retryable: false, requestId: 'r-9' }))
      .toBe('Banca nu recunoaste inregistrarea aplicatiei (client sau certificat). Verificati profilul bancii in setari; o noua autorizare nu ajuta. Referinta pentru banca: r-9.');
  });
});

describe('balanceLabel', () => {
  it('names the two main balances and passes unknown types through', () => {
    expect(balanceLabel('closingBooked')).toBe('Sold contabil');
    expect(balanceLabel('interimAvailable')).toBe('Disponibil');
    expect(balanceLabel('somethingNew')).toBe('somethingNew');
  });
});

describe('errorText', () => {
  const now = new Date(2026, 11, 1, 13, 50, 0);

  it('says each state in Romanian, whatever the code', () => {
    expect(errorText({ code: 'POPUP_BLOCKED', state: 'popup-blocked', message: 'x', retryable: false })).toMatch(/pop-up/);
    expect(errorText({ code: 'HTTP_429', state: 'rate-limited', message: 'bank answered 429', retryable: true }, now))
      .toBe('Banca limiteaza numarul de interogari. Incercati mai tarziu.');
    expect(errorText({ code: 'OFFLINE', state: 'offline', message: 'x', retryable: true })).toMatch(/^Banca nu raspunde/);
    expect(errorText({ code: 'OFFLINE', state: 'app-unreachable', message: 'x', retryable: true })).toMatch(/^Aplicatia nu raspunde/);
    expect(errorText({ code: 'invalid_client', state: 'misconfigured', message: 'x', retryable: false })).toMatch(/inregistrarea aplicatiei/);
  });

  it('keeps the code and detail of a generic failure', () => {
    expect(errorText({ code: 'WEIRD', state: 'failed', message: 'detail', retryable: false })).toBe('A aparut o eroare (WEIRD): detail');
  });

  it('says when to try again, from seconds or an instant, and gives the bank’s reference', () => {
    const limited = { code: 'ACCESS_EXCEEDED', state: 'rate-limited' as const, message: 'x', retryable: true };
    expect(errorText({ ...limited, retryAfter: 30 }, now)).toBe('Banca limiteaza numarul de interogari. Incercati din nou peste 30 secunde.');
    expect(errorText({ ...limited, retryAfter: 15 * 60 }, now)).toBe('Banca limiteaza numarul de interogari. Incercati din nou dupa ora 14:05.');
    expect(errorText({ ...limited, retryAfter: new Date(2026, 11, 1, 14, 5).toISOString(), requestId: 'a1b2' }, now))
      .toBe('Banca limiteaza numarul de interogari. Incercati din nou dupa ora 14:05. Referinta pentru banca: a1b2.');
    expect(errorText({ ...limited, retryAfter: new Date(2026, 11, 2, 8, 0).toISOString() }, now)).toBe('Banca limiteaza numarul de interogari. Incercati din nou dupa ora 02.12 08:00.');
  });
});

describe('skippedText', () => {
  it('says how many items could not be read, in Romanian plural forms', () => {
    expect(skippedText(1, 'transaction')).toBe('1 tranzactie nu a putut fi citita');
    expect(skippedText(3, 'transaction')).toBe('3 tranzactii nu au putut fi citite');
    expect(skippedText(20, 'transaction')).toBe('20 de tranzactii nu au putut fi citite');
    expect(skippedText(1, 'account')).toBe('1 cont nu a putut fi citit');
    expect(skippedText(2, 'balance')).toBe('2 solduri nu au putut fi citite');
  });
});

describe('sync texts', () => {
  const now = new Date(2026, 11, 1, 13, 50, 0);
  const line = { connectionId: 'c1', accountId: 'a1' };

  it('says where an account is in a run', () => {
    expect(syncLineText({ ...line, phase: 'queued' }, now)).toBe('în așteptare');
    expect(syncLineText({ ...line, phase: 'reading', page: 3 }, now)).toBe('pagina 3');
    expect(syncLineText({ ...line, phase: 'done', stored: 142 }, now)).toBe('142 noi');
    expect(syncLineText({ ...line, phase: 'done', stored: 1 }, now)).toBe('1 nouă');
    expect(syncLineText({ ...line, phase: 'done', stored: 0 }, now)).toBe('nimic nou');
    expect(syncLineText({ ...line, phase: 'deferred', nextAttemptAt: new Date(2026, 11, 1, 18, 0).toISOString() }, now)).toBe('amânat până la 18:00');
    expect(syncLineText({ ...line, phase: 'deferred', nextAttemptAt: new Date(2026, 11, 2, 0, 0).toISOString() }, now)).toBe('amânat până la 02.12 00:00');
  });

  it('a failed account shows core’s message, or its state in Romanian when it has one', () => {
    expect(syncLineText({ ...line, phase: 'failed', state: 'failed', message: 'the report could not be read' }, now)).toBe('the report could not be read');
    expect(syncLineText({ ...line, phase: 'failed', state: 'offline', message: 'x' }, now)).toMatch(/^Banca nu raspunde/);
  });

  it('says when the copy was updated, how far a run is, and the auto-sync interval', () => {
    expect(updatedAtText(new Date(2026, 11, 1, 13, 5).toISOString(), now)).toBe('Actualizat la 13:05');
    expect(updatedAtText(new Date(2026, 10, 30, 23, 5).toISOString(), now)).toBe('Actualizat la 30.11 23:05');
    expect(syncCountText(1, 1)).toBe('1 din 1 cont');
    expect(syncCountText(2, 4)).toBe('2 din 4 conturi');
    expect(syncCountText(20, 20)).toBe('20 din 20 de conturi');
    expect(autoSyncHoursText(0)).toBe('oprită');
    expect(autoSyncHoursText(1)).toBe('la fiecare oră');
    expect(autoSyncHoursText(12)).toBe('la fiecare 12 ore');
    expect(autoSyncHoursText(24)).toBe('la fiecare 24 de ore');
  });
});
