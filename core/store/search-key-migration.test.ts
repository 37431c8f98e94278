import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { storeBeforeStep } from '../../test/helpers/old-store.js';
import { openDatabase } from './database.js';
import { migrations } from './migrations.js';
import { queryTransactions } from './transaction-queries.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'conturi-search-key-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The schema step that keys the text index by day (found by what it does: the lead renumbers steps). */
const step = migrations.findIndex((sql) => sql.includes("content_rowid = 'search_key'"));

it('upgrades a store indexed by id: every row is found by the new day-ordered index, newest first, and FTS5 and SQLite check it clean', () => {
  expect(step).toBeGreaterThan(0);
  const path = join(dir, 'conturi.sqlite');
  const now = '2027-01-01T00:00:00.000Z';
  const old = storeBeforeStep(path, step, now);
  const insert = old.prepare(`INSERT INTO transactions (account_id, status, bank_key, day, amount, amount_micros, currency, counterparty_name, remittance, first_seen_at)
    VALUES ('A:RON', 'booked', ?, ?, '-1', -1000000, 'RON', ?, 'Plată card', ?)`);
  // Stored out of day order, as a second sync of older history leaves them; indexed as the old step did, by id.
  const days = ['2026-05-02', '2024-01-31', '2027-02-28', '2025-12-01'];
  days.forEach((day, i) => {
    const { lastInsertRowid } = insert.run(`t${i}`, day, i % 2 === 0 ? 'KAUFLAND București' : 'Mega Image', now);
    old.prepare('INSERT INTO transactions_fts (rowid, counterparty_name, remittance) VALUES (?, ?, ?)').run(lastInsertRowid, i % 2 === 0 ? 'KAUFLAND București' : 'Mega Image', 'Plată card');
  });
  old.close();

  const db = openDatabase(path);
  try {
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    const found = (text: string) => queryTransactions(db, { filter: { text }, sort: 'date', order: 'desc', limit: 10 }).transactions.map((t) => t.day);
    expect(found('plata')).toEqual([...days].sort().reverse());
    expect(found('kauf bucuresti')).toEqual(['2027-02-28', '2026-05-02']);
    expect(found('meg')).toEqual(['2025-12-01', '2024-01-31']);
    expect(() => db.prepare(`INSERT INTO transactions_fts (transactions_fts) VALUES ('integrity-check')`).run()).not.toThrow();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  } finally {
    db.close();
  }
});

it('keeps the index in step when a pending row’s text changes or the row goes (the triggers use the new key)', () => {
  const db = openDatabase(join(dir, 'fresh.sqlite'));
  try {
    db.prepare(`INSERT INTO accounts (id, kind, iban, currency, created_at) VALUES ('A:RON', 'account', 'A', 'RON', 'x')`).run();
    const key = db.prepare(`INSERT INTO transactions (account_id, status, bank_key, day, amount, amount_micros, currency, counterparty_name, first_seen_at)
      VALUES ('A:RON', 'pending', 'p', '2027-03-01', '-1', -1000000, 'RON', 'Farmacia Tei', 'x') RETURNING search_key`).safeIntegers(true).pluck().get() as bigint;
    db.prepare('INSERT INTO transactions_fts (rowid, counterparty_name, remittance) VALUES (?, ?, NULL)').run(key, 'Farmacia Tei');
    const hits = (text: string) => db.prepare('SELECT count(*) FROM transactions_fts WHERE transactions_fts MATCH ?').pluck().get(text);
    db.prepare(`UPDATE transactions SET counterparty_name = 'Farmacia Catena', day = '2027-03-02' WHERE bank_key = 'p'`).run();
    expect([hits('tei'), hits('catena')]).toEqual([0, 1]);
    expect(() => db.prepare(`INSERT INTO transactions_fts (transactions_fts) VALUES ('integrity-check')`).run()).not.toThrow();
    db.prepare(`DELETE FROM transactions WHERE bank_key = 'p'`).run();
    expect(hits('catena')).toBe(0);
    expect(() => db.prepare(`INSERT INTO transactions_fts (transactions_fts) VALUES ('integrity-check')`).run()).not.toThrow();
  } finally {
    db.close();
  }
});
