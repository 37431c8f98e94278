import { describe, expect, it } from 'vitest';
import { balanceLabel, errorText, failureText, skippedText, statusText } from './strings.js';

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
    expect(failureText('reauth-required')).toContain('Autorizati din nou');
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
  it('says known codes in Romanian and keeps the code of unknown ones', () => {
    expect(errorText({ code: 'POPUP_BLOCKED', message: 'x', retryable: false })).toMatch(/pop-up/);
    expect(errorText({ code: 'WEIRD', message: 'detail', retryable: false })).toBe('A aparut o eroare (WEIRD): detail');
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
