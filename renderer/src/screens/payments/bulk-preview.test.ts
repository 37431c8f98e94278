import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { BulkPreview, BulkProblem } from '../../../../common/contract-bulk-preview.js';
import { createI18n } from '../../i18n/i18n.js';
import type { Language } from '../../i18n/resources.js';
import { renderScreen } from '../render-for-test.js';
import { BulkPreviewView } from './bulk-preview.js';
import { bulkProblemText } from './bulk-problem-texts.js';

/** One problem of every code the CSV reader gives (common/bulk-problems.ts), as core sends them. */
const EVERY: BulkProblem[] = [
  { row: 2, column: null, code: 'unclosed-quote' },
  { row: 1, column: 'creditorIban', code: 'missing-column' },
  { row: 1, column: 'creditorName', code: 'duplicate-column', headers: ['creditorName', 'nume'] },
  { row: 1, column: 'currency', code: 'no-currency-column' },
  { row: null, column: null, code: 'no-rows' },
  { row: null, column: null, code: 'too-many-rows', count: 501, max: 500 },
  { row: 2, column: null, code: 'too-many-cells', cells: 5, headers: 4, separator: ',' },
  { row: 2, column: null, code: 'too-many-cells', cells: 5, headers: 4, separator: ';' },
  { row: 2, column: 'creditorName', code: 'name-empty' },
  { row: 2, column: 'creditorName', code: 'name-too-long', length: 71, max: 70 },
  { row: 3, column: 'creditorIban', code: 'iban-invalid', problem: 'wrong-check-digits', iban: 'RO49AAAA1B31007593840001' },
  { row: 3, column: 'creditorIban', code: 'iban-invalid', problem: 'wrong-length', iban: 'RO49AAAA1B3100759384000' },
  { row: 3, column: 'creditorIban', code: 'iban-invalid', problem: 'unknown-country', iban: 'XX49AAAA1B31007593840000' },
  { row: 2, column: 'currency', code: 'currency-empty' },
  { row: 2, column: 'currency', code: 'currency-not-payable', currency: 'USD', payable: ['RON', 'EUR'] },
  { row: 3, column: 'currency', code: 'currency-not-the-bulks', currency: 'EUR', bulkCurrency: 'RON', firstRow: 2 },
  { row: 2, column: 'amount', code: 'amount-invalid', problem: { reason: 'ambiguous', readings: ['1234', '1.234'] }, text: '1.234', currency: 'RON' },
  { row: 2, column: 'amount', code: 'amount-invalid', problem: { reason: 'too-many-decimals', allowed: 2 }, text: '3,5051', currency: 'RON' },
  { row: 2, column: 'amount', code: 'amount-invalid', problem: { reason: 'zero' }, text: '0', currency: 'RON' },
  { row: 2, column: 'details', code: 'details-too-long', length: 141, max: 140 },
  { row: 2, column: 'endToEndId', code: 'reference-too-long', length: 36, max: 35 },
  { row: 2, column: 'endToEndId', code: 'reference-characters' },
  { row: 3, column: 'endToEndId', code: 'reference-repeated', earlierRow: 2 },
];

const badIban = EVERY[10] as BulkProblem;
const preview = (problems: BulkProblem[]): BulkPreview => ({
  rows: [
    { row: 2, cells: { creditorName: 'Maria Popescu', creditorIban: 'RO49AAAA1B31007593840000', amount: '12,50', currency: 'RON' }, problems: [], transfer: { creditorName: 'Maria Popescu', creditorIban: 'RO49AAAA1B31007593840000', amount: '12.5', remittance: '' } },
    { row: 3, cells: { creditorName: 'Ion Ionescu', creditorIban: 'RO49AAAA1B31007593840001', amount: '5,00', currency: 'RON' }, problems: [badIban] },
  ],
  problems,
  ignoredColumns: [],
  currency: 'RON',
  total: { amount: '12.5', currency: 'RON' },
  transfers: null,
});

const shown = (p: BulkPreview, language: Language = 'ro') => renderScreen(createElement(BulkPreviewView, { preview: p }), { language });
/** What a person reads: the markup without its tags. */
const words = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
/** English a sentence of core's would bring onto the Romanian page. */
const ENGLISH = /\b(the|and|is|has|have|of|or|row|column|file|header|cells?|wrong|check|digits|characters|amount|currency|bank|reference|name|empty|quoted?|typo|payment|bulk|use|cannot)\b/i;

describe('the bulk preview, each row’s problems said in the person’s language', () => {
  it('names the row, the column and the IBAN in groups of four, in Romanian, with no English on the page', () => {
    const page = words(shown(preview([badIban])));
    expect(page).toContain('Rândul 3, coloana IBAN (RO49 AAAA 1B31 0075 9384 0001): IBAN-ul nu trece verificarea (mod 97): poate o greșeală de tastare?');
    expect(page).toContain('1 problemă: nu se trimite nimic până nu o corectezi în fișier.');
    expect(page).not.toMatch(ENGLISH);
  });

  it('marks the faulty cell of its row', () => {
    expect(shown(preview([badIban]))).toMatch(/<td class="cell-problem">RO49AAAA1B31007593840001<\/td>/);
  });

  it('says every problem the CSV reader gives in Romanian words, none of them English', () => {
    const page = words(shown(preview(EVERY)));
    expect(page).not.toMatch(ENGLISH);
    expect(page).not.toMatch(/problem\.|bulk\./);
    for (const expected of [
      'Fișierul: Fișierul are 501 rânduri de plată; un bloc are cel mult 500.',
      'Rândul 1, coloana Nume: Două coloane înseamnă același lucru: „creditorName” și „nume”.',
      'Rândul 2: Rândul are 5 celule, iar antetul 4: o sumă sau detalii cu virgulă se pun între ghilimele, sau fișierul se separă cu ;.',
      'Rândul 2, coloana Nume: Numele are 71 de caractere; banca primește cel mult 70.',
      'Rândul 2, coloana Monedă: Din contul CEC nu se poate plăti în USD: folosește RON sau EUR.',
      'Rândul 3, coloana Monedă: Blocul este în RON (rândul 2): un bloc se plătește dintr-un singur cont, într-o singură monedă.',
      'Rândul 2, coloana Sumă: „1.234” poate fi 1234 sau 1.234: scrie suma fără separator de mii sau cu zecimale.',
      'Rândul 2, coloana Detalii: Detaliile au 141 de caractere; banca primește cel mult 140.',
      'Rândul 2, coloana Referință: Referința are 36 de caractere; banca primește cel mult 35.',
      'Rândul 3, coloana Referință: Rândul 2 are aceeași referință: fiecare plată are nevoie de a ei.',
    ]) expect(page).toContain(expected);
  });

  it('the same preview in English says it in English', () => {
    const page = words(shown(preview([badIban]), 'en'));
    expect(page).toContain('Row 3, column IBAN (RO49 AAAA 1B31 0075 9384 0001): The IBAN fails its check (mod 97): a typo?');
    const en = createI18n('en').getFixedT('en', ['payments', 'common']) as Parameters<typeof bulkProblemText>[0];
    expect(bulkProblemText(en, EVERY[14] as BulkProblem, 'en-GB')).toBe('A CEC account cannot pay in USD: use RON or EUR.');
  });
});
