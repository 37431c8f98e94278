import { describe, expect, it } from 'vitest';
import { createI18n } from './i18n/i18n.js';
import { NAMESPACES } from './i18n/resources.js';
import { noticeWords } from './notice-words.js';

const words = (language: 'ro' | 'en') => {
  const i18n = createI18n(language);
  return (n: Parameters<typeof noticeWords>[2]) => noticeWords(i18n.getFixedT(language, NAMESPACES), language === 'ro' ? 'ro-RO' : 'en-GB', n);
};

describe('noticeWords', () => {
  it('words each notice kind in the person’s language', () => {
    expect(words('ro')({ kind: 'consent-expiring', params: { connectionId: 'c1', label: 'Ana', validUntil: '2026-03-26', daysLeft: 3 } }))
      .toEqual({ title: 'Acordul „Ana” expiră curând', body: 'Mai sunt 3 zile, până la 26.03.2026. Reînnoiți-l în Conturi ca să se actualizeze în continuare.' });
    expect(words('en')({ kind: 'consent-expired', params: { connectionId: 'c1', label: 'Ana', validUntil: null } }).title).toBe('The consent “Ana” has ended');
    expect(words('ro')({ kind: 'new-transactions', params: { count: 21, runId: 4 } }).body).toBe('Actualizarea automată a adus 21 de tranzacții noi.');
  });

  it('words a payment’s end: the outcome, the amount in the locale’s form and the beneficiary, or a bulk’s transfers counted', () => {
    const settled = { paymentId: 'p1', outcome: 'settled' as const, creditorName: 'Ana Pop', transfers: 1, total: { amount: '1234.56', currency: 'RON' } };
    expect(words('ro')({ kind: 'payment-finished', params: settled })).toEqual({ title: 'Plată executată', body: '1.234,56 RON către Ana Pop. Detaliile sunt în Plăți.' });
    expect(words('en')({ kind: 'payment-finished', params: { ...settled, outcome: 'rejected' } })).toEqual({ title: 'Payment rejected by the bank', body: '1,234.56 RON to Ana Pop. The details are in Payments.' });
    const bulk = { ...settled, outcome: 'partial' as const, creditorName: null, transfers: 3 };
    expect(words('ro')({ kind: 'payment-finished', params: bulk })).toEqual({ title: 'Plată multiplă executată parțial', body: '1.234,56 RON în 3 transferuri. Detaliile sunt în Plăți.' });
    expect(words('ro')({ kind: 'payment-finished', params: { ...bulk, transfers: 25 } }).body).toBe('1.234,56 RON în 25 de transferuri. Detaliile sunt în Plăți.');
  });
});
