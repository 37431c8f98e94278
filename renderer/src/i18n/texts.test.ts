import { describe, expect, it } from 'vitest';
import { createI18n } from './i18n.js';
import type { Language } from './resources.js';
import { autoSyncHoursText, balanceLabel, errorText, failureText, statusText, syncLineText, type TextContext } from './texts.js';

const now = new Date(2026, 11, 1, 13, 50, 0);
const ctx = (language: Language): TextContext => ({ t: createI18n(language).t, locale: language === 'ro' ? 'ro-RO' : 'en-GB', now });
const ro = ctx('ro');
const en = ctx('en');

describe('statusText', () => {
  it('names every connection status as the badge shows it, with Romanian plurals', () => {
    expect(statusText(ro, { status: 'active' })).toBe('activ');
    expect(statusText(ro, { status: 'expiring', daysLeft: 5 })).toBe('expiră curând (5 zile)');
    expect(statusText(ro, { status: 'expiring', daysLeft: 1 })).toBe('expiră curând (1 zi)');
    expect(statusText(ro, { status: 'expiring', daysLeft: 0 })).toBe('expiră azi');
    expect(statusText(ro, { status: 'expired' })).toBe('expirat');
    expect(statusText(ro, { status: 'reauth-required' })).toBe('necesită reautorizare');
    expect(statusText(ro, { status: 'authorizing' })).toBe('în curs de autorizare');
    expect(statusText(en, { status: 'expiring', daysLeft: 1 })).toBe('expiring soon (1 day)');
    expect(statusText(en, { status: 'revoked' })).toBe('revoked');
  });
});

describe('failureText', () => {
  it('tells the person to authorise again when the bank asks for it', () => {
    expect(failureText(ro, { code: 'CONSENT_INVALID', state: 'reauth-required', message: 'x', retryable: false })).toContain('Autorizați din nou');
  });

  it('says a misconfigured app needs its profile fixed, not a new authorisation', () => {
    expect(failureText(ro, { code: 'CERTIFICATE_EXPIRED', state: 'misconfigured', message: 'x', retryable: false, requestId: 'r-9' }))
      .toBe('Banca nu recunoaște înregistrarea aplicației (client sau certificat). Verificați profilul băncii în setări; o nouă autorizare nu ajută. Referința pentru bancă: r-9.');
  });
});

describe('balanceLabel', () => {
  it('names the two main balances and passes unknown types through', () => {
    expect(balanceLabel(ro, 'closingBooked')).toBe('Sold contabil');
    expect(balanceLabel(ro, 'interimAvailable')).toBe('Disponibil');
    expect(balanceLabel(en, 'interimAvailable')).toBe('Available');
    expect(balanceLabel(ro, 'somethingNew')).toBe('somethingNew');
  });
});

describe('errorText', () => {
  it('says each state in the language shown, whatever the code', () => {
    expect(errorText(ro, { code: 'POPUP_BLOCKED', state: 'popup-blocked', message: 'x', retryable: false })).toMatch(/pop-up/);
    expect(errorText(ro, { code: 'HTTP_429', state: 'rate-limited', message: 'bank answered 429', retryable: true }))
      .toBe('Banca limitează numărul de interogări. Încercați mai târziu.');
    expect(errorText(ro, { code: 'OFFLINE', state: 'offline', message: 'x', retryable: true })).toMatch(/^Banca nu răspunde/);
    expect(errorText(en, { code: 'OFFLINE', state: 'offline', message: 'x', retryable: true })).toBe('The bank does not answer. Check your internet connection and try again.');
    expect(errorText(ro, { code: 'OFFLINE', state: 'app-unreachable', message: 'x', retryable: true })).toMatch(/^Aplicația nu răspunde/);
    expect(errorText(ro, { code: 'invalid_client', state: 'misconfigured', message: 'x', retryable: false })).toMatch(/înregistrarea aplicației/);
  });

  it('keeps the code and detail of a generic failure, unescaped', () => {
    expect(errorText(ro, { code: 'WEIRD', state: 'failed', message: 'a <b> & "c"', retryable: false })).toBe('A apărut o eroare (WEIRD): a <b> & "c"');
  });

  it('says when to try again, from seconds or an instant, and gives the bank’s reference', () => {
    const limited = { code: 'ACCESS_EXCEEDED', state: 'rate-limited' as const, message: 'x', retryable: true };
    expect(errorText(ro, { ...limited, retryAfter: 1 })).toBe('Banca limitează numărul de interogări. Încercați din nou peste o secundă.');
    expect(errorText(ro, { ...limited, retryAfter: 5 })).toBe('Banca limitează numărul de interogări. Încercați din nou peste 5 secunde.');
    expect(errorText(ro, { ...limited, retryAfter: 30 })).toBe('Banca limitează numărul de interogări. Încercați din nou peste 30 de secunde.');
    expect(errorText(ro, { ...limited, retryAfter: 15 * 60 })).toBe('Banca limitează numărul de interogări. Încercați din nou după ora 14:05.');
    expect(errorText(ro, { ...limited, retryAfter: new Date(2026, 11, 1, 14, 5).toISOString(), requestId: 'a1b2' }))
      .toBe('Banca limitează numărul de interogări. Încercați din nou după ora 14:05. Referința pentru bancă: a1b2.');
    expect(errorText(ro, { ...limited, retryAfter: new Date(2026, 11, 2, 8, 0).toISOString() })).toBe('Banca limitează numărul de interogări. Încercați din nou după ora 02.12 08:00.');
    expect(errorText(en, { ...limited, retryAfter: 30 })).toBe('The bank limits how often it can be asked. Try again in 30 seconds.');
  });
});

describe('plural texts', () => {
  it('says how many items could not be read, in Romanian plural forms', () => {
    const t = createI18n('ro').t;
    expect(t('skipped.transaction', { count: 1 })).toBe('1 tranzacție nu a putut fi citită');
    expect(t('skipped.transaction', { count: 3 })).toBe('3 tranzacții nu au putut fi citite');
    expect(t('skipped.transaction', { count: 20 })).toBe('20 de tranzacții nu au putut fi citite');
    expect(t('skipped.transaction', { count: 101 })).toBe('101 tranzacții nu au putut fi citite');
    expect(t('skipped.account', { count: 1 })).toBe('1 cont nu a putut fi citit');
    expect(t('skipped.balance', { count: 2 })).toBe('2 solduri nu au putut fi citite');
    expect(createI18n('en').t('skipped.transaction', { count: 20 })).toBe('20 transactions could not be read');
  });
});

describe('sync texts', () => {
  const line = { connectionId: 'c1', accountId: 'a1' };

  it('says where an account is in a run', () => {
    expect(syncLineText(ro, { ...line, phase: 'queued' })).toBe('în așteptare');
    expect(syncLineText(ro, { ...line, phase: 'reading', page: 3 })).toBe('pagina 3');
    expect(syncLineText(ro, { ...line, phase: 'done', stored: 142 })).toBe('142 noi');
    expect(syncLineText(ro, { ...line, phase: 'done', stored: 1 })).toBe('1 nouă');
    expect(syncLineText(ro, { ...line, phase: 'done', stored: 0 })).toBe('nimic nou');
    expect(syncLineText(ro, { ...line, phase: 'deferred', nextAttemptAt: new Date(2026, 11, 1, 18, 0).toISOString() })).toBe('amânat până la 18:00');
    expect(syncLineText(ro, { ...line, phase: 'deferred', nextAttemptAt: new Date(2026, 11, 2, 0, 0).toISOString() })).toBe('amânat până la 02.12 00:00');
    expect(syncLineText(en, { ...line, phase: 'done', stored: 142 })).toBe('142 new');
  });

  it('a failed account shows core’s message, or its state in words when it has one', () => {
    expect(syncLineText(ro, { ...line, phase: 'failed', state: 'failed', message: 'the report could not be read' })).toBe('the report could not be read');
    expect(syncLineText(ro, { ...line, phase: 'failed', state: 'offline', message: 'x' })).toMatch(/^Banca nu răspunde/);
  });

  it('says how far a run is and the auto-sync interval', () => {
    const t = createI18n('ro').t;
    expect(t('sync:count', { done: 1, count: 1 })).toBe('1 din 1 cont');
    expect(t('sync:count', { done: 2, count: 4 })).toBe('2 din 4 conturi');
    expect(t('sync:count', { done: 20, count: 20 })).toBe('20 din 20 de conturi');
    expect(autoSyncHoursText(ro, 0)).toBe('oprită');
    expect(autoSyncHoursText(ro, 1)).toBe('la fiecare oră');
    expect(autoSyncHoursText(ro, 12)).toBe('la fiecare 12 ore');
    expect(autoSyncHoursText(ro, 24)).toBe('la fiecare 24 de ore');
    expect(autoSyncHoursText(en, 6)).toBe('every 6 hours');
  });
});
