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
  const problemsOf = (text: string, options = {}) => parseBulkCsv(text, options).problems.map((p) => [p.row, p.field]);

  it('names the row (as a spreadsheet numbers it) and the field of each problem, and keeps the valid rows\' transfers for the preview', () => {
    const result = parseBulkCsv(csv(
      'Maria Popescu;RO49AAAA1B31007593840000;10;RON;ok;',
      ';DE03100100109307118603;1.234;RON;ok;',
      `${'N'.repeat(71)};DE02100100109307118603;0;RON;${'D'.repeat(141)};`,
    ));
    expect(result.transfers).toBeNull();
    expect(result.problems.map((p) => [p.row, p.field])).toEqual([
      [3, 'creditorName'], [3, 'creditorIban'], [3, 'amount'],
      [4, 'creditorName'], [4, 'amount'], [4, 'details'],
    ]);
    expect(result.problems[1]?.message).toMatch(/wrong check digits/);
    expect(result.problems[2]?.message).toBe('"1.234" is ambiguous, 1234 or 1.234: write 1234 without a separator, or the amount with 2 decimals');
    expect(result.rows[0]?.transfer).toEqual({ creditorName: 'Maria Popescu', creditorIban: MARIA, amount: '10', remittance: 'ok' });
    expect(result.rows[1]?.transfer).toBeUndefined();
    expect(result.rows[1]?.cells).toMatchObject({ creditorName: '', creditorIban: 'DE03100100109307118603', amount: '1.234' });
  });

  it.each([
    ['more decimals than the currency', 'Ion;DE02100100109307118603;3,505;RON;;', 'amount'],
    ['a negative amount', 'Ion;DE02100100109307118603;-5;RON;;', 'amount'],
    ['an amount with letters', 'Ion;DE02100100109307118603;5 lei;RON;;', 'amount'],
    ['an empty amount', 'Ion;DE02100100109307118603;;RON;;', 'amount'],
    ['a currency CEC does not pay in', 'Ion;DE02100100109307118603;5;USD;;', 'currency'],
    ['a currency that is no code', 'Ion;DE02100100109307118603;5;lei;;', 'currency'],
    ['an empty IBAN', 'Ion;;5;RON;;', 'creditorIban'],
    ['an endToEndId over 35 characters', `Ion;DE02100100109307118603;5;RON;;${'E'.repeat(36)}`, 'endToEndId'],
    ['an endToEndId outside SEPA\'s characters', 'Ion;DE02100100109307118603;5;RON;;plată#1', 'endToEndId'],
  ])('refuses %s', (_what, line, field) => {
    expect(problemsOf(csv(line))).toEqual([[2, field]]);
  });

  it('refuses a second currency in one bulk on the rows that differ from the first', () => {
    const result = parseBulkCsv(csv('A;DE02100100109307118603;5;RON;;', 'B;DE02100100109307118603;5;EUR;;', 'C;DE02100100109307118603;5;RON;;'));
    expect(result.problems).toEqual([{ row: 3, field: 'currency', message: 'this bulk is in RON (row 2); a bulk is paid from one account, in one currency' }]);
    expect(result.transfers).toBeNull();
    expect(problemsOf(csv('A;DE02100100109307118603;5;;;', 'B;DE02100100109307118603;5;EUR;;'), { currency: 'RON' })).toEqual([[3, 'currency']]);
  });

  it('refuses a reference used twice, on the later row', () => {
    expect(problemsOf(csv('A;DE02100100109307118603;5;RON;;REF-1', 'B;DE02100100109307118603;6;RON;;REF-1'))).toEqual([[3, 'endToEndId']]);
  });

  it('refuses a row with more cells than the header, saying why in a comma-separated file', () => {
    const result = parseBulkCsv('creditorName,creditorIban,amount,currency\nIon,DE02100100109307118603,12,50,RON');
    expect(result.problems.map((p) => [p.row, p.field])).toContainEqual([2, null]);
    expect(result.problems.at(-1)?.message).toBe('the row has 5 cells and the header 4: a comma inside an amount or the details must be in quotes, or the file separated by ;');
    expect(result.transfers).toBeNull();
  });
});

describe('parseBulkCsv: problems of the file itself', () => {
  it.each([
    ['a missing required column', 'creditorName;amount;currency\nIon;5;RON', [[1, 'creditorIban']]],
    ['no currency column and no currency chosen', 'creditorName;creditorIban;amount\nIon;DE02100100109307118603;5', [[1, 'currency'], [2, 'currency']]],
    ['two columns for one field', 'creditorName;nume;creditorIban;amount;currency\nIon;Ion;DE02100100109307118603;5;RON', [[1, 'creditorName']]],
    ['a header without rows', HEADER, [[null, null]]],
    ['an empty file', '', [[1, 'creditorName'], [1, 'creditorIban'], [1, 'amount'], [1, 'currency'], [null, null]]],
  ])('refuses %s', (_what, text, expected) => {
    const result = parseBulkCsv(text);
    expect(result.problems.map((p) => [p.row, p.field])).toEqual(expected);
    expect(result.transfers).toBeNull();
  });

  it('refuses a quoted cell left open, naming its row first', () => {
    const result = parseBulkCsv(`${HEADER}\nIon;DE02100100109307118603;"5;RON;;`);
    expect(result.problems[0]).toEqual({ row: 2, field: null, message: 'a quoted cell is not closed: Quoted field unterminated' });
    expect(result.transfers).toBeNull();
  });

  it(`refuses more than ${MAX_BULK_ROWS} rows`, () => {
    const lines = Array.from({ length: MAX_BULK_ROWS + 1 }, (_, i) => `P${i};DE02100100109307118603;1;RON;;`);
    const result = parseBulkCsv(csv(...lines));
    expect(result.problems).toEqual([{ row: null, field: null, message: `the file has ${MAX_BULK_ROWS + 1} payment rows; a bulk holds at most ${MAX_BULK_ROWS}` }]);
    expect(result.transfers).toBeNull();
    expect(parseBulkCsv(csv(...lines.slice(1))).transfers).toHaveLength(MAX_BULK_ROWS);
  });
});
