import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../core/store/database.js';
import { migrations } from '../../core/store/migrations.js';

/** The schema as version 3 of the app shipped it (the first three steps), with data of a renewed connection in it. */
function version3(path: string): void {
  const db = new Database(path);
  db.pragma('foreign_keys = ON');
  for (const [version, step] of migrations.slice(0, 3).entries()) {
    db.exec(step);
    db.pragma(`user_version = ${version + 1}`);
  }
  const connection = db.prepare(
    `INSERT INTO connections (id, profile_id, label, consent_id, consent_status, valid_until, reauth_required, replaced_by, created_at, updated_at)
     VALUES (?, 'sandbox', ?, ?, ?, '2027-06-30', 0, ?, ?, ?)`,
  );
  // Inserted newest first: a row can only point at one that exists.
  connection.run('c3', 'Ion', 'consent-3', 'valid', null, '2027-03-01T00:00:00Z', '2027-03-01T00:00:00Z');
  connection.run('c2', 'Ion', 'consent-2', 'valid', 'c3', '2027-02-01T00:00:00Z', '2027-03-01T00:00:00Z'); // orphaned by the old renew
  connection.run('c1', 'Ion', 'consent-1', 'terminatedByTpp', 'c2', '2027-01-01T00:00:00Z', '2027-02-01T00:00:00Z');
  connection.run('other', 'Maria', 'consent-9', 'expired', null, '2027-01-05T00:00:00Z', '2027-01-05T00:00:00Z');
  db.prepare(`INSERT INTO accounts (id, kind, iban, currency, created_at) VALUES ('acc-1', 'account', 'RO49CECE0000000000000001', 'RON', '2027-01-01T00:00:00Z')`).run();
  const grant = db.prepare('INSERT INTO connection_accounts (connection_id, account_id, resource_id, balances, transactions) VALUES (?, ?, ?, 1, 1)');
  for (const id of ['c1', 'c2', 'c3', 'other']) grant.run(id, 'acc-1', `res-${id}`);
  db.prepare(`INSERT INTO app_settings (key, value) VALUES ('authorizationMode', '"window"')`).run();
  db.close();
}

const dump = (db: Database.Database, table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();

describe('migration 4: a removable chain of renewals and pending terminations', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'conturi-migration-'));
    path = join(dir, 'conturi.sqlite');
    version3(path);
  });
  afterEach(() => { rmSync(dir, { recursive: true, force: true }); });

  it('keeps every row of every table', () => {
    const before = new Database(path, { readonly: true });
    const tables = ['connections', 'accounts', 'connection_accounts', 'app_settings', 'bank_registrations', 'bank_profiles'];
    const rows = Object.fromEntries(tables.map((t) => [t, dump(before, t)]));
    before.close();
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    // Later steps may add columns (step 5: connections.accounts_read_at, empty); every old value stays.
    for (const t of tables) expect(dump(db, t)).toEqual((rows[t] as object[]).map((row) => expect.objectContaining(row)));
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('lets the newest connection of a chain be deleted, its predecessors and their grants with it', () => {
    const db = openDatabase(path);
    db.prepare('DELETE FROM connections WHERE id = ?').run('c3');
    expect(db.prepare('SELECT id FROM connections').all()).toEqual([{ id: 'other' }]);
    expect(db.prepare('SELECT connection_id FROM connection_accounts').all()).toEqual([{ connection_id: 'other' }]);
    expect(db.prepare('SELECT id FROM accounts').all()).toEqual([{ id: 'acc-1' }]);
    db.close();
  });

  it('queues the consents an earlier renewal left live as pending terminations', () => {
    const db = openDatabase(path);
    expect(db.prepare('SELECT profile_id, consent_id, connection_id, reason, attempts FROM pending_terminations').all()).toEqual([
      { profile_id: 'sandbox', consent_id: 'consent-2', connection_id: 'c2', reason: 'renewed', attempts: 0 },
    ]);
    db.close();
  });

  it('still refuses a link to a connection that does not exist', () => {
    const db = openDatabase(path);
    expect(() => db.prepare(`UPDATE connections SET replaced_by = 'nobody' WHERE id = 'other'`).run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
