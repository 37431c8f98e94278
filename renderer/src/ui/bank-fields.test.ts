import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { BankField } from '../../../common/contract-transaction-details.js';
import { createFakeBridge } from '../bridge/fake-bridge.js';
import { createI18n } from '../i18n/i18n.js';
import { createAppStore } from '../store/app-store.js';
import { AppProviders } from './app-providers.js';
import { BankFields, type BankFieldsState } from './bank-fields.js';

const render = (element: ReactElement, language: 'ro' | 'en' = 'ro') =>
  renderToStaticMarkup(createElement(AppProviders, { store: createAppStore(createFakeBridge().bridge), i18n: createI18n(language), children: element }));
const fields = (state: BankFieldsState, language?: 'ro' | 'en') => render(createElement(BankFields, { state }), language);

/** The definition list's pairs as text: [term, description]. */
const pairs = (html: string): [string, string][] =>
  [...html.matchAll(/<div class="detail"><dt>(.*?)<\/dt><dd[^>]*>(.*?)<\/dd><\/div>/g)].map((m) => [m[1] ?? '', m[2] ?? ''].map((s) => s.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim()) as [string, string]);

const item: BankField[] = [
  { path: 'transactionId', value: '1566614557' },
  { path: 'transactionAmount.amount', value: '-2.640E1' },
  { path: 'creditorAccount.iban', value: 'RO49AAAA1B31007593840000' },
  { path: 'remittanceInformationUnstructuredArray[1]', value: 'luna mai' },
  { path: 'cardAcceptorAddress.city', value: 'Timișoara' },
  { path: 'creditorName', value: '' },
];

describe('BankFields', () => {
  it('lists every field the bank gave: known ones by name with their path, the others by path, values as written', () => {
    expect(pairs(fields({ status: 'ready', fields: item }))).toEqual([
      ['Identificatorul tranzacției transactionId', '1566614557'],
      ['Suma tranzacției transactionAmount.amount', '-2.640E1'],
      ['IBAN-ul beneficiarului creditorAccount.iban', 'RO49AAAA1B31007593840000'],
      ['Detalii plată (2) remittanceInformationUnstructuredArray[1]', 'luna mai'],
      ['cardAcceptorAddress.city', 'Timișoara'],
      ['Numele beneficiarului creditorName', 'trimis fără valoare'],
    ]);
    expect(pairs(fields({ status: 'ready', fields: item }, 'en')).map(([term]) => term)).toEqual([
      'Transaction id transactionId', 'Transaction amount transactionAmount.amount', 'Creditor IBAN creditorAccount.iban',
      'Payment details (2) remittanceInformationUnstructuredArray[1]', 'cardAcceptorAddress.city', 'Creditor name creditorName',
    ]);
  });

  it('says plainly when the bank’s item was not kept for the row, and lists nothing', () => {
    const html = fields({ status: 'ready', fields: undefined });
    expect(html).toContain('Ce a trimis banca');
    expect(html).toContain('Tranzacția a fost salvată înainte ca aplicația să păstreze tot ce trimite banca');
    expect(pairs(html)).toEqual([]);
  });

  it('while it loads, says so to a screen reader and holds the place; a failure is the error state', () => {
    expect(fields({ status: 'loading' })).toMatch(/role="status">Se încarcă ce a trimis banca…</);
    const failed = fields({ status: 'failed', error: { code: 'LOCAL_STORE', state: 'failed', message: 'disk', retryable: false } });
    expect(failed).toContain('role="alert"');
  });
});
