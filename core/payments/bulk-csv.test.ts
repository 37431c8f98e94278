import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_BULK_ROWS, parseBulkCsv } from './bulk-csv.js';

const MARIA = 'RO49AAAA1B31007593840000';
const ENERGY = 'RO09BCYP0000001234567890';
const DE = 'DE02100100109307118603';
const HEADER = 'creditorName;creditorIban;amount;currency;details;endToEndId';
const csv = (...lines: string[]) => [HEADER, ...lines].join('\r\n');

describe('parseBulkCsv: a valid file', () => {
  it('reads the template of docs/ into transfers ready to send, with the bulk\'s currency and total', () => {
    const result = parseBulkCsv(readFileSync('docs/bulk-payments-template.csv', 'utf8'));
    expect(result.problems).toEqual([]);
    expect(result.separator).toBe(';');
    expect(result.currency).toBe('RON');
    expect(result.total).toEqual({ amount: '1484.56', currency: 'RON' });
    expect(result.transfers).toEqual([
      { creditorName: 'Maria Popescu', creditorIban: MARIA, amount: '1234.56', remittance: 'Chirie martie' },
      { creditorName: 'Furnizor Energie SRL', creditorIban: ENERGY, amount: '250', remittance: 'Factura 2027-0311', endToEndId: 'FACT-2027-0311' },
    ]);
  });

  it('accepts a comma-separated file with quoted Romanian amounts and a UTF-8 byte order mark', () => {
    const text = '\uFEFFcreditorName,creditorIban,amount,currency,details\nMaria Popescu,RO49AAAA1B31007593840000,"1.234,56",RON,"Chirie, martie"\nShop,DE02100100109307118603,12.5,RON,\n';
    const result = parseBulkCsv(text);
    expect(result.separator).toBe(',');
    expect(result.problems).toEqual([]);
    expect(result.transfers?.map((t) => [t.amount, t.remittance])).toEqual([['1234.56', 'Chirie, martie'], ['12.5', '']]);
  });

  it('accepts a tab-separated file, Romanian headers with or without diacritics, columns in any order, and skips empty lines', () => {
    const text = 'Sumă\tNume beneficiar\tIBAN\tMonedă\tDetalii plată\n\n10,50\tȘtefan Țurcanu\tDE02100100109307118603\tEUR\tcadou\n   \n';
    const result = parseBulkCsv(text);
    expect(result.problems).toEqual([]);
    expect(result.transfers).toEqual([{ creditorName: 'Ștefan Țurcanu', creditorIban: DE, amount: '10.5', remittance: 'cadou' }]);
    expect(parseBulkCsv('NUME_BENEFICIAR;cont beneficiar;suma;valuta\nIon;DE02100100109307118603;1;EUR').problems).toEqual([]);
  });

  it('takes the currency of the form when the file has no currency column or an empty cell', () => {
    const result = parseBulkCsv('creditorName;creditorIban;amount\nIon;DE02100100109307118603;5', { currency: 'EUR' });
    expect(result).toMatchObject({ currency: 'EUR', problems: [], transfers: [{ amount: '5' }] });
    expect(parseBulkCsv(csv('Ion;DE02100100109307118603;5;;x;'), { currency: 'RON' }).currency).toBe('RON');
  });

  it('lists headers it does not read and reads the rest', () => {
    const result = parseBulkCsv('creditorName;creditorIban;amount;currency;notes\nIon;DE02100100109307118603;5;RON;whatever');
    expect(result.ignoredColumns).toEqual(['notes']);
    expect(result.transfers).toHaveLength(1);
  });

  it('lets a row leave out trailing empty cells', () => {
    expect(parseBulkCsv(csv('Ion;DE02100100109307118603;5;RON')).transfers).toHaveLength(1);
  });
});

describe('parseBulkCsv: every row checked, nothing to send while any is invalid', () => {
  const problemsOf = (text: string, options = {}) => parseBulkCsv(text, options).problems.map((p) => [p.row, p.column, p.code]);

  it('names the row (as a spreadsheet numbers it) and the field of each problem, and keeps the valid rows\' transfers for the preview', () => {
    const result = parseBulkCsv(csv(
      'Maria Popescu;RO49AAAA1B31007593840000;10;RON;ok;',
      ';DE03100100109307118603;1.234;RON;ok;',
      `${'N'.repeat(71)};DE02100100109307118603;0;RON;${'D'.repeat(141)};`,
    ));
    expect(result.transfers).toBeNull();
    expect(result.problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'creditorName', 'name-empty'], [3, 'creditorIban', 'iban-invalid'], [3, 'amount', 'amount-invalid'],
      [4, 'creditorName', 'name-too-long'], [4, 'amount', 'amount-invalid'], [4, 'details', 'details-too-long'],
    ]);
    // The values the words need, never a sentence.
    expect(result.problems[1]).toEqual({ row: 3, column: 'creditorIban', code: 'iban-invalid', problem: 'wrong-check-digits', iban: 'DE03100100109307118603' });
    expect(result.problems[2]).toEqual({ row: 3, column: 'amount', code: 'amount-invalid', problem: { reason: 'ambiguous', readings: ['1234', '1.234'] }, text: '1.234', currency: 'RON' });
    expect(result.problems[3]).toEqual({ row: 4, column: 'creditorName', code: 'name-too-long', length: 71, max: 70 });
    expect(result.problems[4]).toMatchObject({ code: 'amount-invalid', problem: { reason: 'zero' } });
    expect(result.problems[5]).toEqual({ row: 4, column: 'details', code: 'details-too-long', length: 141, max: 140 });
    expect(result.problems.some((p) => 'message' in p)).toBe(false);
    expect(result.rows[0]?.transfer).toEqual({ creditorName: 'Maria Popescu', creditorIban: MARIA, amount: '10', remittance: 'ok' });
    expect(result.rows[1]?.transfer).toBeUndefined();
    expect(result.rows[1]?.cells).toMatchObject({ creditorName: '', creditorIban: 'DE03100100109307118603', amount: '1.234' });
  });

  it.each([
    ['more decimals than the currency', 'Ion;DE02100100109307118603;3,5051;RON;;', 'amount', { code: 'amount-invalid', problem: { reason: 'too-many-decimals', allowed: 2 }, text: '3,5051', currency: 'RON' }],
    ['a negative amount', 'Ion;DE02100100109307118603;-5;RON;;', 'amount', { code: 'amount-invalid', problem: { reason: 'signed' } }],
    ['an amount with letters', 'Ion;DE02100100109307118603;5 lei;RON;;', 'amount', { code: 'amount-invalid', problem: { reason: 'not-a-number' } }],
    ['an empty amount', 'Ion;DE02100100109307118603;;RON;;', 'amount', { code: 'amount-invalid', problem: { reason: 'empty' } }],
    ['a currency CEC does not pay in', 'Ion;DE02100100109307118603;5;USD;;', 'currency', { code: 'currency-not-payable', currency: 'USD', payable: ['RON', 'EUR'] }],
    ['a currency that is no code', 'Ion;DE02100100109307118603;5;lei;;', 'currency', { code: 'currency-not-payable', currency: 'LEI' }],
    ['an empty IBAN', 'Ion;;5;RON;;', 'creditorIban', { code: 'iban-invalid', problem: 'empty', iban: '' }],
    ['an IBAN of the wrong length', 'Ion;RO49AAAA1B3100759384000;5;RON;;', 'creditorIban', { code: 'iban-invalid', problem: 'wrong-length' }],
    ['an IBAN of no country', 'Ion;XX49AAAA1B31007593840000;5;RON;;', 'creditorIban', { code: 'iban-invalid', problem: 'unknown-country' }],
    ['an endToEndId over 35 characters', `Ion;DE02100100109307118603;5;RON;;${'E'.repeat(36)}`, 'endToEndId', { code: 'reference-too-long', length: 36, max: 35 }],
    ['an endToEndId outside SEPA\'s characters', 'Ion;DE02100100109307118603;5;RON;;plată#1', 'endToEndId', { code: 'reference-characters' }],
  ])('refuses %s, by its code', (_what, line, column, expected) => {
    const { problems } = parseBulkCsv(csv(line));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ row: 2, column, ...expected });
  });

  it('refuses a second currency in one bulk on the rows that differ from the first', () => {
    const result = parseBulkCsv(csv('A;DE02100100109307118603;5;RON;;', 'B;DE02100100109307118603;5;EUR;;', 'C;DE02100100109307118603;5;RON;;'));
    expect(result.problems).toEqual([{ row: 3, column: 'currency', code: 'currency-not-the-bulks', currency: 'EUR', bulkCurrency: 'RON', firstRow: 2 }]);
    expect(result.transfers).toBeNull();
    expect(problemsOf(csv('A;DE02100100109307118603;5;;;', 'B;DE02100100109307118603;5;EUR;;'), { currency: 'RON' })).toEqual([[3, 'currency', 'currency-not-the-bulks']]);
  });

  it('refuses a reference used twice, on the later row', () => {
    expect(parseBulkCsv(csv('A;DE02100100109307118603;5;RON;;REF-1', 'B;DE02100100109307118603;6;RON;;REF-1')).problems)
      .toEqual([{ row: 3, column: 'endToEndId', code: 'reference-repeated', earlierRow: 2 }]);
  });

  it('refuses a row with more cells than the header, saying why in a comma-separated file', () => {
    const result = parseBulkCsv('creditorName,creditorIban,amount,currency\nIon,DE02100100109307118603,12,50,RON');
    expect(result.problems.at(-1)).toEqual({ row: 2, column: null, code: 'too-many-cells', cells: 5, headers: 4, separator: ',' });
    expect(result.transfers).toBeNull();
  });
});

describe('parseBulkCsv: problems of the file itself', () => {
  it.each([
    ['a missing required column', 'creditorName;amount;currency\nIon;5;RON', [[1, 'creditorIban', 'missing-column']]],
    ['no currency column and no currency chosen', 'creditorName;creditorIban;amount\nIon;DE02100100109307118603;5', [[1, 'currency', 'no-currency-column'], [2, 'currency', 'currency-empty']]],
    ['two columns for one field', 'creditorName;nume;creditorIban;amount;currency\nIon;Ion;DE02100100109307118603;5;RON', [[1, 'creditorName', 'duplicate-column']]],
    ['a header without rows', HEADER, [[null, null, 'no-rows']]],
    ['an empty file', '', [[1, 'creditorName', 'missing-column'], [1, 'creditorIban', 'missing-column'], [1, 'amount', 'missing-column'], [1, 'currency', 'no-currency-column'], [null, null, 'no-rows']]],
  ])('refuses %s', (_what, text, expected) => {
    const result = parseBulkCsv(text);
    expect(result.problems.map((p) => [p.row, p.column, p.code])).toEqual(expected);
    expect(result.transfers).toBeNull();
  });

  it('names both headers of a column given twice', () => {
    expect(parseBulkCsv('creditorName;nume;creditorIban;amount;currency\nIon;Ion;DE02100100109307118603;5;RON').problems)
      .toEqual([{ row: 1, column: 'creditorName', code: 'duplicate-column', headers: ['creditorName', 'nume'] }]);
  });

  it('refuses a quoted cell left open, naming its row first', () => {
    const result = parseBulkCsv(`${HEADER}\nIon;DE02100100109307118603;"5;RON;;`);
    expect(result.problems[0]).toEqual({ row: 2, column: null, code: 'unclosed-quote' });
    expect(result.transfers).toBeNull();
  });

  it(`refuses more than ${MAX_BULK_ROWS} rows`, () => {
    const lines = Array.from({ length: MAX_BULK_ROWS + 1 }, (_, i) => `P${i};DE02100100109307118603;1;RON;;`);
    const result = parseBulkCsv(csv(...lines));
    expect(result.problems).toEqual([{ row: null, column: null, code: 'too-many-rows', count: MAX_BULK_ROWS + 1, max: MAX_BULK_ROWS }]);
    expect(result.transfers).toBeNull();
    expect(parseBulkCsv(csv(...lines.slice(1))).transfers).toHaveLength(MAX_BULK_ROWS);
  });
});
