import { parse as parseOfx } from 'ofx-js';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type AccountsView, type ExportFile, type Handlers, type Result, type StoredAccount, type TransactionCounts, type TransactionListStart, type TransactionsView } from '../../common/index.js';
import { createHandlers } from '../../core/app-handlers.js';
import { toAppError } from '../../core/errors.js';
import { fingerprintTransactions } from '../../core/psd2/transaction-fingerprint.js';
import { storeAccountReport } from '../../core/store/account-history.js';
import { coreWorld, psuPort, type CoreWorldForTest } from '../helpers/core-world.js';

/** The list of `value` whether ofx-js gave one element or many. */
const all = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

describe('transactions:count and transactions:export over the local copy', () => {
  let w: CoreWorldForTest;
  let call: (method: string, input?: unknown) => Promise<Result<unknown>>;
  let ron: StoredAccount;
  let eur: StoredAccount;
  const value = async <T>(method: string, input: unknown = {}) => {
    const r = await call(method, input);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };

  beforeEach(async () => {
    w = await coreWorld({ now: () => new Date('2027-03-10T09:00:00Z') });
    const handlers: Handlers = createHandlers(w.core, { authorizationPort: () => psuPort({ user: 'demo', decision: 'allow' }), psuIpAddress: '192.0.2.1', syncAfterConnect: false, emit: () => {} });
    call = (method, input = {}) => dispatch(handlers, method, input, toAppError);
    const c = await call('connections:connect', { profileId: 'sandbox', label: 'Personal' });
    if (!c.ok) throw new Error(c.error.message);
    const { accounts } = await value<AccountsView>('accounts:list');
    ron = accounts.find((a) => a.kind === 'account' && a.currency === 'RON') as StoredAccount;
    eur = accounts.find((a) => a.kind === 'account' && a.currency === 'EUR') as StoredAccount;
    const report = (account: StoredAccount, booked: { day: string; amount: string; name: string; remittance?: string }[], pending: typeof booked = []) => {
      const draft = (status: 'booked' | 'pending') => (t: (typeof booked)[number]) => ({
        accountId: account.id, status, bookingDate: t.day, valueDate: t.day, amount: { amount: t.amount, currency: account.currency }, counterpartyName: t.name,
        ...(t.remittance === undefined ? {} : { remittance: t.remittance }),
      });
      storeAccountReport(w.core.db, {
        accountId: account.id, booked: fingerprintTransactions(booked.map(draft('booked'))), pending: fingerprintTransactions(pending.map(draft('pending'))),
        balances: [{ type: 'closingBooked', amount: { amount: '500.00', currency: account.currency }, referenceDate: '2027-03-09' }],
        dateFrom: '2027-01-01', today: '2027-03-10', now: '2027-03-10T08:00:00.000Z',
      });
    };
    report(ron, [
      { day: '2027-02-01', amount: '3000', name: 'Salariu', remittance: 'Salariu februarie' },
      { day: '2027-02-03', amount: '-54.5', name: 'Kaufland București', remittance: 'Cumpărare POS, "card" 4321' },
      { day: '2027-02-05', amount: '-120.00', name: 'Enel Energie' },
    ], [{ day: '2027-03-09', amount: '-12.00', name: 'Cafenea Ștefan' }]);
    report(eur, [{ day: '2027-02-04', amount: '-10.00', name: 'Kaufland Wien' }]);
  });
  afterEach(async () => { await w.close(); });

  it('counts booked and pending apart, with the list’s own filter', async () => {
    expect(await value<TransactionCounts>('transactions:count', {})).toEqual({ booked: 4, pending: 1 });
    expect(await value<TransactionCounts>('transactions:count', { accountIds: [ron.id], direction: 'out' })).toEqual({ booked: 2, pending: 1 });
    expect(await value<TransactionCounts>('transactions:count', { text: 'bucuresti' })).toEqual({ booked: 1, pending: 0 });
    expect(await value<TransactionCounts>('transactions:count', { status: 'pending', text: 'stefan' })).toEqual({ booked: 0, pending: 1 });
    // A search without a status is counted in one grouped pass: each status still in its place.
    expect(await value<TransactionCounts>('transactions:count', { text: 'stefan' })).toEqual({ booked: 0, pending: 1 });
    expect(await value<TransactionCounts>('transactions:count', { text: 'kaufland' })).toEqual({ booked: 2, pending: 0 });
    expect(await value<TransactionCounts>('transactions:count', { text: 'kaufland', accountIds: [eur.id] })).toEqual({ booked: 1, pending: 0 });
  });

  it('opens a list in one call: the counts and each section’s first page, as transactions:count and transactions:query give them', async () => {
    const opened = await value<TransactionListStart>('transactions:first-pages', { limit: 2 });
    expect(opened.counts).toEqual({ booked: 4, pending: 1 });
    expect(opened.pending).toEqual(await value<TransactionsView>('transactions:query', { status: 'pending', limit: 2 }).then(({ syncedAt: _, ...page }) => page));
    expect(opened.booked.transactions).toHaveLength(2);
    const rest = await value<TransactionsView>('transactions:query', { status: 'booked', limit: 2, cursor: opened.booked.cursor });
    const all = await value<TransactionsView>('transactions:query', { status: 'booked', limit: 10 });
    expect([...opened.booked.transactions, ...rest.transactions]).toEqual(all.transactions);
    expect(opened.syncedAt).toBe(all.syncedAt);
    // A search: each status in its place, and the section the count finds empty read as empty.
    const searched = await value<TransactionListStart>('transactions:first-pages', { text: 'stefan' });
    expect(searched).toMatchObject({ counts: { booked: 0, pending: 1 }, booked: { transactions: [] }, pending: { transactions: [expect.objectContaining({ counterpartyName: 'Cafenea Ștefan' })] } });
    const kaufland = await value<TransactionListStart>('transactions:first-pages', { text: 'kaufland', amountMax: '-20' });
    expect(kaufland.counts).toEqual({ booked: 1, pending: 0 });
    expect(kaufland.booked.transactions.map((t) => t.counterpartyName)).toEqual(['Kaufland București']);
    // One status asked: the other section is not read.
    expect(await value<TransactionListStart>('transactions:first-pages', { status: 'booked', text: 'stefan' })).toMatchObject({ counts: { booked: 0, pending: 0 }, booked: { transactions: [] }, pending: { transactions: [] } });
    expect(await call('transactions:first-pages', { limit: 501 })).toMatchObject({ ok: false, error: { state: 'invalid-input' } });
  });

  it('exports the filter as CSV: the matching rows only, exact amounts, every text as stored', async () => {
    const file = await value<ExportFile>('transactions:export', { format: 'csv', text: 'kaufland', direction: 'out' });
    expect(file).toMatchObject({ fileName: 'conturi-2027-03-10.csv', mediaType: 'text/csv;charset=utf-8', written: 2, leftOut: 0 });
    const rows = Papa.parse<Record<string, string>>(file.content, { header: true, skipEmptyLines: true }).data;
    // Grouped by account in the accounts list's order; within one, oldest first.
    expect(rows.map((r) => [r.accountId, r.amount, r.counterpartyName, r.remittance]).sort()).toEqual([
      [eur.id, '-10.00', 'Kaufland Wien', ''],
      [ron.id, '-54.50', 'Kaufland București', 'Cumpărare POS, "card" 4321'],
    ].sort());
  });

  it('exports OFX 2.2 with one STMTRS per account, booked only, over the filter’s period', async () => {
    const file = await value<ExportFile>('transactions:export', { format: 'ofx', dateFrom: '2027-02-01', dateTo: '2027-03-31' });
    expect(file).toMatchObject({ fileName: 'conturi-2027-03-10.ofx', mediaType: 'application/x-ofx', written: 4, leftOut: 1 });
    expect(file.content).toContain('<?OFX OFXHEADER="200" VERSION="220"');
    const ofx = await parseOfx(file.content);
    const statements = all(ofx.OFX.BANKMSGSRSV1.STMTTRNRS).map((s: { STMTRS: Record<string, any> }) => s.STMTRS)
      .sort((a, b) => (b.CURDEF as string).localeCompare(a.CURDEF as string));
    expect(statements.map((s) => s.CURDEF)).toEqual(['RON', 'EUR']);
    expect(statements.map((s) => [s.BANKTRANLIST.DTSTART.slice(0, 8), s.BANKTRANLIST.DTEND.slice(0, 8)])).toEqual([['20270201', '20270331'], ['20270201', '20270331']]);
    expect(statements.map((s) => all(s.BANKTRANLIST.STMTTRN).map((t: Record<string, string>) => [t.TRNAMT, t.NAME]))).toEqual([
      [['3000.00', 'Salariu'], ['-54.50', 'Kaufland București'], ['-120.00', 'Enel Energie']],
      [['-10.00', 'Kaufland Wien']],
    ]);
  });

  it('refuses an unknown format and a filter the list would refuse', async () => {
    expect(await call('transactions:export', { format: 'xls' })).toMatchObject({ ok: false, error: { state: 'invalid-input' } });
    expect(await call('transactions:count', { amountMin: '1,5' })).toMatchObject({ ok: false, error: { state: 'invalid-input' } });
  });
});
