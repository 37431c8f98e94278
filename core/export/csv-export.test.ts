import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { booked, card, collectingSink, currentAccount, rowsOf } from '../../test/helpers/export-rows.js';
import { CSV_COLUMNS, exportCsv, protectFormula } from './csv-export.js';
import type { ExportRow } from './export-row.js';

const parse = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });

describe('exportCsv', () => {
  it('round-trips through Papa.parse: header, exact amounts, diacritics, commas, quotes and line breaks', () => {
    const { sink, text } = collectingSink();
    const tricky = 'Plată "chirie", lună\r\nmartie; ș ț ă î â Ș Ț';
    exportCsv([
      ...rowsOf(currentAccount, [booked('T1', '10000000000000000.01', { remittance: tricky }), booked('T2', '-1234567890123.45')]),
      ...rowsOf(card, [booked('C1', '-0.3', { counterpartyName: 'Mega Image, București' })]),
    ], sink);
    const { data, errors, meta } = parse(text());
    expect(errors).toEqual([]);
    expect(meta.fields).toEqual([...CSV_COLUMNS]);
    expect(data.map((r) => r.amount)).toEqual(['10000000000000000.01', '-1234567890123.45', '-0.30']);
    expect(data[0]).toMatchObject({
      accountId: 'acc-ron', accountKind: 'account', accountIban: 'RO49AAAA1B31007593840000', maskedPan: '', accountName: 'Cont salariu',
      accountProduct: 'Cont curent', currency: 'RON', bankTransactionId: 'T1', status: 'booked', bookingDate: '2024-03-05',
      valueDate: '2024-03-04', counterpartyName: 'Kaufland România', remittance: tricky,
    });
    expect(data[2]).toMatchObject({ accountKind: 'card', maskedPan: '525412******3241', counterpartyName: 'Mega Image, București' });
  });

  it('writes each transaction’s category in the last column: a built-in’s key, a custom category’s name', () => {
    const { sink, text } = collectingSink();
    const [a, b, c] = rowsOf(currentAccount, [booked('T1', '-1'), booked('T2', '-2'), booked('T3', '-3')]) as [ExportRow, ExportRow, ExportRow];
    exportCsv([{ ...a, category: 'groceries' }, { ...b, category: 'Mașina, service' }, c], sink);
    const { data, meta } = parse(text());
    expect(meta.fields?.at(-1)).toBe('category');
    expect(data.map((r) => r.category)).toEqual(['groceries', 'Mașina, service', '']);
  });

  it('ends records with CRLF (RFC 4180) and starts with a UTF-8 BOM by default', () => {
    const { sink, text } = collectingSink();
    exportCsv(rowsOf(currentAccount, [booked('T1', '1')]), sink);
    expect(text().startsWith('\ufeffaccountId,accountKind,')).toBe(true);
    expect(text().endsWith('\r\n')).toBe(true);
    expect(text().split('\r\n')).toHaveLength(3);
    expect(Buffer.from(text(), 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('writes no BOM when asked not to', () => {
    const { sink, text } = collectingSink();
    exportCsv(rowsOf(currentAccount, [booked('T1', '1')]), sink, { bom: false });
    expect(text().startsWith('accountId,')).toBe(true);
  });

  it('defuses bank text a spreadsheet would run as a formula, and never touches the amount', () => {
    const { sink, text } = collectingSink();
    const names = ['=HYPERLINK("http://x.invalid","click")', '+40 722 000 000', '-2+3', '@SUM(A1)', '\tTAB', '\rCR', 'Lidl'];
    exportCsv(rowsOf(currentAccount, names.map((n, i) => booked(`T${i}`, '-12.5', { counterpartyName: n, remittance: n }))), sink);
    const { data } = parse(text());
    expect(data.map((r) => r.counterpartyName)).toEqual(names.map((n, i) => (i < names.length - 1 ? `'${n}` : n)));
    expect(data.map((r) => r.remittance)).toEqual(data.map((r) => r.counterpartyName));
    expect(data.every((r) => r.amount === '-12.50')).toBe(true);
  });
});

describe('protectFormula', () => {
  it('leaves ordinary text alone', () => {
    expect(protectFormula('Kaufland 1=1')).toBe('Kaufland 1=1');
    expect(protectFormula('')).toBe('');
  });
});
