import { describe, expect, it } from 'vitest';
import { booked, card, collectingSink, currentAccount, fingerprinted, rowsOf, savingsAccount } from '../../test/helpers/export-rows.js';
import { all, children, field, parseXml, tags } from '../../test/helpers/ofx-xml.js';
import type { ExportRow } from './export-row.js';
import { BugIndicatingError, ValidationError } from '../errors.js';
import { exportOfx, type OfxOptions } from './ofx-export.js';

const options: OfxOptions = { range: { from: '2024-03-01', to: '2024-03-31' }, now: new Date('2024-04-01T08:30:15Z') };

function ofx(rows: ExportRow[], opts: OfxOptions = options) {
  const { sink, text } = collectingSink();
  const summary = exportOfx(rows, sink, opts);
  return { summary, text: text(), doc: parseXml(text()) };
}

const statements = (root: ReturnType<typeof ofx>['doc']['documentElement'], rs: string) => all(root, rs);
const fitIds = (root: ReturnType<typeof ofx>['doc']['documentElement']) => all(root, 'STMTTRN').map((t) => field(t, 'FITID'));

describe('exportOfx', () => {
  it('writes an OFX 2.2 document: XML declaration, OFX header, sign-on, one STMTRS per account', () => {
    const { doc, text } = ofx([
      ...rowsOf(currentAccount, [booked('T1', '-102.5')]),
      ...rowsOf(savingsAccount, [booked('S1', '250', {}, 'EUR')]),
    ]);
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"')).toBe(true);
    expect(doc.instructions[1]).toMatch(/^OFX OFXHEADER="200" VERSION="220" /);
    const root = doc.documentElement;
    expect(root.tagName).toBe('OFX');
    expect(tags(root)).toEqual(['SIGNONMSGSRSV1', 'BANKMSGSRSV1']);
    const sonrs = all(root, 'SONRS')[0]!;
    expect(field(sonrs, 'DTSERVER')).toBe('20240401083015[0:GMT]');
    expect(field(all(sonrs, 'STATUS')[0]!, 'CODE')).toBe('0');
    const stmts = statements(root, 'STMTRS');
    expect(stmts).toHaveLength(2);
    expect(all(root, 'STMTTRNRS').map((t) => tags(t))).toEqual([['TRNUID', 'STATUS', 'STMTRS'], ['TRNUID', 'STATUS', 'STMTRS']]);
    expect(tags(stmts[0]!)).toEqual(['CURDEF', 'BANKACCTFROM', 'BANKTRANLIST']);
    expect(stmts.map((s) => field(s, 'CURDEF'))).toEqual(['RON', 'EUR']);
    const from = all(stmts[0]!, 'BANKACCTFROM')[0]!;
    // BANKID: the IBAN's bank code; ACCTID: the national account number (a RO IBAN has 24 characters, OFX allows 22).
    expect({ bank: field(from, 'BANKID'), acct: field(from, 'ACCTID'), type: field(from, 'ACCTTYPE') }).toEqual({ bank: 'AAAA', acct: '1B31007593840000', type: 'CHECKING' });
    expect(field(all(stmts[1]!, 'BANKACCTFROM')[0]!, 'ACCTTYPE')).toBe('SAVINGS');
    const list = all(stmts[0]!, 'BANKTRANLIST')[0]!;
    expect({ start: field(list, 'DTSTART'), end: field(list, 'DTEND') }).toEqual({ start: '20240301000000[0:GMT]', end: '20240331235959[0:GMT]' });
  });

  it('writes each booked transaction with its type, dates, exact amount, FITID, NAME and MEMO', () => {
    const { doc, summary } = ofx(rowsOf(currentAccount, [
      booked('T1', '10000000000000000.01'),
      booked('T2', '-1234567890123.45', { valueDate: undefined, bankTransactionCode: 'PMNT-CCRD-CWDL' }),
    ]));
    expect(summary).toEqual({ written: 2, leftOut: 0 });
    const [t1, t2] = all(doc.documentElement, 'STMTTRN');
    expect(tags(t1!)).toEqual(['TRNTYPE', 'DTPOSTED', 'DTUSER', 'TRNAMT', 'FITID', 'NAME', 'MEMO']);
    expect(Object.fromEntries(children(t1!).map((c) => [c.tagName, c.textContent]))).toEqual({
      TRNTYPE: 'CREDIT', DTPOSTED: '20240305120000[0:GMT]', DTUSER: '20240304120000[0:GMT]', TRNAMT: '10000000000000000.01',
      FITID: 'T1', NAME: 'Kaufland România', MEMO: 'Cumpărături',
    });
    expect(tags(t2!)).toEqual(['TRNTYPE', 'DTPOSTED', 'TRNAMT', 'FITID', 'NAME', 'MEMO']);
    expect(field(t2!, 'TRNTYPE')).toBe('ATM');
    expect(field(t2!, 'TRNAMT')).toBe('-1234567890123.45');
  });

  it('leaves pending transactions out, since an OFX statement has no pending state', () => {
    const { doc, summary } = ofx(rowsOf(currentAccount, [booked('T1', '-1'), booked('P1', '-2', { status: 'pending', bookingDate: undefined })]));
    expect(summary).toEqual({ written: 1, leftOut: 1 });
    expect(fitIds(doc.documentElement)).toEqual(['T1']);
  });

  it('puts cards in CREDITCARDMSGSRSV1, one CCSTMTRS each, with the masked PAN as ACCTID', () => {
    const { doc } = ofx([...rowsOf(currentAccount, [booked('T1', '-1')]), ...rowsOf(card, [booked('C1', '-20', { bankTransactionCode: 'PMNT-CCRD-POSD' })])]);
    const root = doc.documentElement;
    expect(tags(root)).toEqual(['SIGNONMSGSRSV1', 'BANKMSGSRSV1', 'CREDITCARDMSGSRSV1']);
    const cc = statements(root, 'CCSTMTRS');
    expect(cc).toHaveLength(1);
    expect(cc[0]!.parentNode!.tagName).toBe('CCSTMTTRNRS');
    expect(tags(cc[0]!)).toEqual(['CURDEF', 'CCACCTFROM', 'BANKTRANLIST']);
    expect(tags(all(cc[0]!, 'CCACCTFROM')[0]!)).toEqual(['ACCTID']);
    expect(field(all(cc[0]!, 'CCACCTFROM')[0]!, 'ACCTID')).toBe('525412******3241');
    expect(field(all(cc[0]!, 'STMTTRN')[0]!, 'TRNTYPE')).toBe('POS');
    expect(all(all(root, 'BANKMSGSRSV1')[0]!, 'STMTTRN').map((t) => field(t, 'FITID'))).toEqual(['T1']);
  });

  it('writes LEDGERBAL only when the account carries a balance', () => {
    const withBalance = { ...currentAccount, ledgerBalance: { amount: { amount: '1500.5', currency: 'RON' }, asOf: '2024-03-31' } };
    const { doc } = ofx([...rowsOf(withBalance, [booked('T1', '-1')]), ...rowsOf(savingsAccount, [booked('S1', '1', {}, 'EUR')])]);
    const [first, second] = statements(doc.documentElement, 'STMTRS');
    expect(tags(first!)).toEqual(['CURDEF', 'BANKACCTFROM', 'BANKTRANLIST', 'LEDGERBAL']);
    const bal = all(first!, 'LEDGERBAL')[0]!;
    expect({ amount: field(bal, 'BALAMT'), asOf: field(bal, 'DTASOF') }).toEqual({ amount: '1500.50', asOf: '20240331235959[0:GMT]' });
    expect(tags(second!)).not.toContain('LEDGERBAL');
  });

  it('escapes &, < and > and drops the control characters XML forbids; diacritics survive as UTF-8', () => {
    const name = 'Ana & <Ion> Șerban';
    const { doc, text } = ofx(rowsOf(currentAccount, [booked('T1', '-1', { counterpartyName: name, remittance: 'a\u0001b\u0007c\u001F ț ă î â\r\nrând nou' })]));
    expect(text).toContain('<NAME>Ana &amp; &lt;Ion&gt; Șerban</NAME>');
    const t = all(doc.documentElement, 'STMTTRN')[0]!;
    expect(field(t, 'NAME')).toBe(name);
    expect(field(t, 'MEMO')).toBe('abc ț ă î â rând nou');
    expect(Buffer.from(text, 'utf8').toString('utf8')).toContain('Șerban');
    expect(Buffer.from(text, 'utf8').includes(Buffer.from('ț', 'utf8'))).toBe(true);
  });

  it('cuts NAME to 32 bytes of UTF-8 on a character boundary, so libofx’s 32-byte field holds it whole', () => {
    const name = 'Societatea Națională de Transport Feroviar de Călători';
    const { doc } = ofx(rowsOf(currentAccount, [booked('T1', '-1', { counterpartyName: name })]));
    const written = field(all(doc.documentElement, 'STMTTRN')[0]!, 'NAME');
    expect(written).toBe('Societatea Națională de Transp'); // 30 characters, 32 bytes
    expect(Buffer.byteLength(written, 'utf8')).toBeLessThanOrEqual(32);
    expect(name.startsWith(written)).toBe(true);
  });

  it('keeps identical twins apart: distinct FITIDs, the same in every export', () => {
    const twin = { accountId: 'acc-ron', status: 'booked' as const, bookingDate: '2024-03-05', amount: { amount: '-9.5', currency: 'RON' }, counterpartyName: 'Cafenea' };
    const twins = fingerprinted([twin, { ...twin }]);
    const first = fitIds(ofx(rowsOf(currentAccount, twins)).doc.documentElement);
    const again = fitIds(ofx(rowsOf(currentAccount, fingerprinted([twin, { ...twin }]))).doc.documentElement);
    expect(new Set(first).size).toBe(2);
    expect(again).toEqual(first);
  });

  it('replaces an id past the 255 characters of FITID by its SHA-256', () => {
    const long = 'X'.repeat(300);
    const ids = fitIds(ofx(rowsOf(currentAccount, [booked(long, '-1'), booked(`${long}Y`, '-1')])).doc.documentElement);
    expect(ids.every((id) => /^[0-9a-f]{64}$/.test(id))).toBe(true);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('refuses rows that are not grouped by account, or a plain account after a card', () => {
    const { sink } = collectingSink();
    const split = [...rowsOf(currentAccount, [booked('A', '1')]), ...rowsOf(savingsAccount, [booked('B', '1')]), ...rowsOf(currentAccount, [booked('C', '1')])];
    expect(() => exportOfx(split, sink, options)).toThrow(BugIndicatingError);
    expect(() => exportOfx([...rowsOf(card, [booked('C', '1')]), ...rowsOf(currentAccount, [booked('A', '1')])], sink, options)).toThrow(BugIndicatingError);
  });

  it('refuses a range that is not two ISO dates in order', () => {
    const { sink } = collectingSink();
    expect(() => exportOfx([], sink, { ...options, range: { from: '2024-04-01', to: '2024-03-01' } })).toThrow(ValidationError);
    expect(() => exportOfx([], sink, { ...options, range: { from: '01.03.2024', to: '2024-03-31' } })).toThrow(ValidationError);
  });

  it('writes a well-formed file with no statements for no rows', () => {
    expect(tags(ofx([]).doc.documentElement)).toEqual(['SIGNONMSGSRSV1']);
  });
});
