import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalStoreLockedError } from '../errors.js';
import { openDatabase, type Db } from './database.js';

const IBAN = 'RO49CECE1B31007593840000';
const LABEL = 'Contul Ioanei — București';
const mode = (path: string) => statSync(path).mode & 0o777;
/** Every file SQLite may have written for `path`, as bytes: what someone copying the folder would get. */
const bytesOnDisk = (path: string) =>
  Buffer.concat([path, `${path}-wal`, `${path}-shm`].filter((file) => existsSync(file)).map((file) => readFileSync(file)));

function addRows(db: Db): void {
  db.prepare(
    `INSERT INTO connections (id, profile_id, label, consent_id, consent_status, created_at, updated_at)
     VALUES ('c1', 'sandbox', ?, 'consent-1', 'valid', '2027-01-01T00:00:00Z', '2027-01-01T00:00:00Z')`,
  ).run(LABEL);
  db.prepare(`INSERT INTO accounts (id, kind, iban, currency, created_at) VALUES ('a1', 'account', ?, 'RON', '2027-01-01T00:00:00Z')`).run(IBAN);
  db.prepare(`INSERT INTO connection_accounts (connection_id, account_id, resource_id, balances, transactions) VALUES ('c1', 'a1', 'r1', 1, 1)`).run();
  db.prepare(`INSERT INTO app_settings (key, value) VALUES ('authorizationMode', '"system-browser"')`).run();
}

const tables = ['connections', 'accounts', 'connection_accounts', 'app_settings'];
const dump = (db: Db) => Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY 1`).all()]));

describe('openDatabase with a key', () => {
  let dir: string;
  let path: string;
  const key = randomBytes(32);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'conturi-enc-'));
    path = join(dir, 'conturi.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes no readable text, and the file cannot be read without the key', () => {
    const db = openDatabase(path, key);
    addRows(db);
    // Before close too: an open database keeps its latest pages in the -wal file.
    expect(bytesOnDisk(path).includes(IBAN)).toBe(false);
    db.close();
    const disk = bytesOnDisk(path);
    expect(disk.includes(IBAN)).toBe(false);
    expect(disk.includes(Buffer.from('București'))).toBe(false);
    expect(disk.includes('SQLite format 3')).toBe(false);

    const keyless = new Database(path);
    expect(() => keyless.prepare('SELECT * FROM accounts').all()).toThrow(/not a database/);
    keyless.close();
    expect(() => openDatabase(path, randomBytes(32))).toThrow(LocalStoreLockedError);
    const again = openDatabase(path, key);
    expect(dump(again)['accounts']).toMatchObject([{ iban: IBAN }]);
    again.close();
  });

  it('encrypts in place a plaintext database an earlier version wrote, losing no row', () => {
    // The previous code path: the same schema, no key, the rows still in its -wal.
    const plain = openDatabase(path);
    addRows(plain);
    const before = dump(plain);
    const version = plain.pragma('user_version', { simple: true });
    expect(bytesOnDisk(path).includes(IBAN)).toBe(true);
    plain.close();

    const db = openDatabase(path, key);
    expect(dump(db)).toEqual(before);
    expect(db.pragma('user_version', { simple: true })).toBe(version);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const disk = bytesOnDisk(path);
    expect(disk.includes(IBAN)).toBe(false);
    expect(disk.includes(Buffer.from(LABEL))).toBe(false);
    expect(mode(path)).toBe(0o600);
    expect(existsSync(`${path}.encrypting`)).toBe(false);
  });

  it('never changes a file its key cannot open', () => {
    openDatabase(path, key).close();
    const before = readFileSync(path);
    expect(() => openDatabase(path, randomBytes(32))).toThrow(/your local copy cannot be opened; start fresh and sync again from the bank/i);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('finds "bucuresti" in "București" with FTS5 (unicode61 remove_diacritics 2) in an encrypted file', () => {
    const db = openDatabase(path, key);
    db.exec(`CREATE VIRTUAL TABLE probe USING fts5(text, tokenize = 'unicode61 remove_diacritics 2')`);
    db.prepare('INSERT INTO probe (text) VALUES (?)').run('Plată chirie București');
    expect(db.prepare(`SELECT text FROM probe WHERE probe MATCH 'bucuresti'`).all()).toEqual([{ text: 'Plată chirie București' }]);
    db.close();
  });

  it('keeps an in-memory database keyless and off the disk', () => {
    const db = openDatabase(':memory:');
    addRows(db);
    expect(dump(db)['accounts']).toHaveLength(1);
    db.close();
    expect(existsSync(':memory:')).toBe(false);
  });
});
