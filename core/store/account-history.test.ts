import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { fingerprintTransactions, type TransactionDraft } from '../psd2/transaction-fingerprint.js';
import { storeAccountReport, type AccountReport } from './account-history.js';
import { openDatabase, type Db } from './database.js';
import { AccountSyncStore } from './sync-state.js';

const ACCOUNT = 'RO49CECE1B31007593840000:RON';
const NOW = '2027-03-10T08:00:00.000Z';

const draft = (over: Partial<TransactionDraft>): TransactionDraft => ({
  accountId: ACCOUNT, status: 'booked', bookingDate: '2027-03-01', valueDate: '2027-03-01',
  amount: { amount: '-12.5', currency: 'RON' }, counterpartyName: 'Cafeneaua din Piață', remittance: 'Plata card', ...over,
});
const report = (booked: TransactionDraft[], pending: TransactionDraft[] = [], over: Partial<AccountReport> = {}): AccountReport => ({
  accountId: ACCOUNT,
  booked: fingerprintTransactions(booked),
  pending: fingerprintTransactions(pending.map((p) => ({ ...p, status: 'pending' as const }))),
  balances: [],
  dateFrom: '2027-03-01',
  today: '2027-03-10',
  now: NOW,
  ...over,
});

interface StoredRow { status: string; bank_key: string; amount: string; remittance: string | null; first_seen_at: string }
const stored = (db: Db): StoredRow[] =>
  db.prepare('SELECT status, bank_key, amount, remittance, first_seen_at FROM transactions ORDER BY status, day, bank_key').all() as StoredRow[];

describe('storeAccountReport', () => {
  let dir: string;
  let path: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'conturi-history-'));
    path = join(dir, 'conturi.sqlite');
    db = openDatabase(path, randomBytes(32));
    db.prepare(`INSERT INTO accounts (id, kind, iban, currency, created_at) VALUES (?, 'account', 'RO49CECE1B31007593840000', 'RON', ?)`).run(ACCOUNT, NOW);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores an overlapping window once: the days read again add nothing', () => {
    const first = [draft({ id: 't1', bookingDate: '2027-03-01' }), draft({ id: 't2', bookingDate: '2027-03-05' })];
    expect(storeAccountReport(db, report(first)).booked).toBe(2);
    const again = storeAccountReport(db, report([first[1] as TransactionDraft, draft({ id: 't3', bookingDate: '2027-03-09' })], [], { dateFrom: '2027-03-04' }));
    expect(again.booked).toBe(1);
    expect(stored(db).map((r) => r.bank_key)).toEqual(['t1', 't2', 't3']);
  });

  it('keeps identical twins without bank ids, and a re-read of their day keeps them at two', () => {
    const coffees = [draft({}), draft({})];
    expect(storeAccountReport(db, report(coffees)).booked).toBe(2);
    expect(storeAccountReport(db, report(coffees)).booked).toBe(0);
    const rows = stored(db);
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.bank_key.replace(/^fp:[0-9a-f]+:/, ''))).toEqual(['0', '1']);
  });

  it('replaces the pending list: an item the bank no longer lists goes, a new one comes', () => {
    storeAccountReport(db, report([], [draft({ id: 'p1' }), draft({ id: 'p2', amount: { amount: '-3', currency: 'RON' } })]));
    const next = storeAccountReport(db, report([], [draft({ id: 'p2', amount: { amount: '-3', currency: 'RON' } }), draft({ id: 'p3' })]));
    expect(next).toMatchObject({ pendingAdded: 1, pendingRemoved: 1, pendingBooked: 0 });
    expect(stored(db).map((r) => `${r.status}:${r.bank_key}`)).toEqual(['pending:p2', 'pending:p3']);
  });

  it('books a pending item that keeps its id: one row, booked, seen since the pending day', () => {
    storeAccountReport(db, report([], [draft({ id: 'x1', bookingDate: undefined, valueDate: '2027-03-08' })], { now: '2027-03-08T10:00:00.000Z' }));
    const booked = storeAccountReport(db, report([draft({ id: 'x1', bookingDate: '2027-03-09' })], []));
    expect(booked).toMatchObject({ booked: 1, pendingRemoved: 1, pendingBooked: 1 });
    expect(stored(db)).toEqual([expect.objectContaining({ status: 'booked', bank_key: 'x1', first_seen_at: '2027-03-08T10:00:00.000Z' })]);
  });

  it('books a pending item that the bank gives a new id, recognised by amount and party', () => {
    storeAccountReport(db, report([], [draft({ id: 'auth-77', bookingDate: undefined, valueDate: '2027-03-08', counterpartyName: 'KAUFLAND' })], { now: '2027-03-08T10:00:00.000Z' }));
    const booked = storeAccountReport(db, report([draft({ id: 'bk-9001', bookingDate: '2027-03-09', counterpartyName: 'KAUFLAND' })], []));
    expect(booked.pendingBooked).toBe(1);
    expect(stored(db)).toEqual([expect.objectContaining({ status: 'booked', bank_key: 'bk-9001', first_seen_at: '2027-03-08T10:00:00.000Z' })]);
  });

  it('takes the booked one when the bank lists one item as booked and as pending in one report', () => {
    storeAccountReport(db, report([draft({ id: 'd1' })], [draft({ id: 'd1' })]));
    expect(stored(db).map((r) => r.status)).toEqual(['booked']);
  });

  it('writes a report all or nothing: a failure on its last item leaves the account as it was', () => {
    storeAccountReport(db, report([draft({ id: 'keep' })], [draft({ id: 'p-old' })]));
    db.exec(`CREATE TEMP TRIGGER fail_on_boom BEFORE INSERT ON transactions WHEN new.remittance = 'boom' BEGIN SELECT RAISE(ABORT, 'disk gone'); END`);
    const items = [draft({ id: 'new1', bookingDate: '2027-03-02' }), draft({ id: 'new2', bookingDate: '2027-03-03', remittance: 'boom' })];
    expect(() => storeAccountReport(db, report(items, [draft({ id: 'p-new' })], { balances: [{ type: 'closingBooked', amount: { amount: '5', currency: 'RON' } }] }))).toThrow(/disk gone/);
    expect(stored(db).map((r) => `${r.status}:${r.bank_key}`)).toEqual(['booked:keep', 'pending:p-old']);
    expect(db.prepare('SELECT count(*) AS n FROM balances').get()).toEqual({ n: 0 });
  });

  it('skips and reports an amount it cannot keep exactly, and stores the rest of the report', () => {
    const result = storeAccountReport(db, report([draft({ id: 'ok' }), draft({ id: 'odd', amount: { amount: '1.0000001', currency: 'RON' } })]));
    expect(result.skipped).toEqual([{ list: 'booked', index: 1, reason: 'booked[1]: amount 1.0000001 cannot be stored exactly' }]);
    expect(stored(db).map((r) => r.bank_key)).toEqual(['ok']);
  });

  it('keeps amounts as the bank gave them, exact beyond a float: 90071992547.409921', () => {
    storeAccountReport(db, report([draft({ id: 'big', amount: { amount: '90071992547.409921', currency: 'RON' } })]));
    expect(stored(db)[0]?.amount).toBe('90071992547.409921');
    const micros = db.prepare('SELECT amount_micros FROM transactions').safeIntegers(true).get() as { amount_micros: bigint };
    expect(micros.amount_micros).toBe(90071992547409921n);
  });

  it('keeps a balance history by reference day, and records the account as synced from the window', () => {
    const bal = (amount: string, referenceDate?: string) => ({ type: 'closingBooked', amount: { amount, currency: 'RON' }, ...(referenceDate ? { referenceDate } : {}) });
    storeAccountReport(db, report([], [], { balances: [bal('100.5', '2027-03-09')], dateFrom: '2025-03-10' }));
    storeAccountReport(db, report([draft({ id: 'late', bookingDate: '2027-03-10' })], [], { balances: [bal('88')], dateFrom: '2027-03-01' }));
    expect(db.prepare('SELECT reference_date, amount FROM balances ORDER BY reference_date').all()).toEqual([
      { reference_date: '2027-03-09', amount: '100.5' },
      { reference_date: '2027-03-10', amount: '88' },
    ]);
    expect(new AccountSyncStore(db).get(ACCOUNT)).toEqual({ accountId: ACCOUNT, historyFrom: '2025-03-10', syncedAt: NOW, lastBookedDay: '2027-03-10' });
  });

  it('indexes what it stores for text search: booked rows, listed pending items, a pending item’s new text, nothing gone', () => {
    const search = (text: string): string[] =>
      (db.prepare(`SELECT t.bank_key FROM transactions_fts f JOIN transactions t ON t.search_key = f.rowid WHERE transactions_fts MATCH ? ORDER BY t.bank_key`).pluck().all(text) as string[]);
    storeAccountReport(db, report(
      [draft({ id: 'b1', counterpartyName: 'Kaufland București' }), draft({ id: 'b2', remittance: 'Chirie martie' })],
      [draft({ id: 'p1', counterpartyName: 'Farmacia Tei' }), draft({ id: 'p2', remittance: 'Rezervare hotel Brașov' })],
    ));
    storeAccountReport(db, report(
      [draft({ id: 'b3', counterpartyName: 'Kaufland Cluj' })],
      [draft({ id: 'p1', counterpartyName: 'Farmacia Catena' })],
    ));
    expect(search('kaufland')).toEqual(['b1', 'b3']);
    expect(search('bucuresti')).toEqual(['b1']);
    expect(search('chirie')).toEqual(['b2']);
    expect(search('catena')).toEqual(['p1']);
    expect(search('tei')).toEqual([]);
    expect(search('brasov')).toEqual([]);
    // FTS5 checks its index against the transactions table: no row missing, none indexed twice.
    expect(() => db.prepare(`INSERT INTO transactions_fts (transactions_fts) VALUES ('integrity-check')`).run()).not.toThrow();
  });

  it('leaves no readable IBAN, counterparty or remittance in the files on disk', () => {
    storeAccountReport(db, report([draft({ id: 'secret', counterpartyName: 'Ioana Popescu', counterpartyIban: 'RO66BACX0000001234567890', remittance: 'Chirie apartament Ștefan cel Mare' })]));
    db.pragma('wal_checkpoint(PASSIVE)');
    const bytes = Buffer.concat([path, `${path}-wal`].filter((f) => existsSync(f)).map((f) => readFileSync(f)));
    for (const text of ['RO49CECE1B31007593840000', 'RO66BACX0000001234567890', 'Ioana Popescu', 'Chirie apartament']) {
      expect(bytes.includes(Buffer.from(text)), text).toBe(false);
    }
  });
});

