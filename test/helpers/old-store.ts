import Database from 'better-sqlite3-multiple-ciphers';
import { migrations } from '../../core/store/migrations.js';

/**
 * A plaintext store file as a version that knew the schema steps before `step` left it, with one
 * connection `c1` granting one account `A:RON`: the start of an upgrade test. The caller adds
 * its rows, closes it and opens it with `openDatabase`, which runs the later steps.
 */
export function storeBeforeStep(path: string, step: number, now: string): Database.Database {
  const old = new Database(path);
  old.pragma('foreign_keys = OFF');
  for (const sql of migrations.slice(0, step)) old.exec(sql);
  old.pragma(`user_version = ${step}`);
  old.prepare(`INSERT INTO connections (id, profile_id, label, consent_id, consent_status, created_at, updated_at) VALUES ('c1', 'sandbox', 'c1', 'k', 'valid', ?, ?)`).run(now, now);
  old.prepare(`INSERT INTO accounts (id, kind, iban, currency, created_at) VALUES ('A:RON', 'account', 'A', 'RON', ?)`).run(now);
  old.prepare(`INSERT INTO connection_accounts VALUES ('c1', 'A:RON', 'r', 1, 1)`).run();
  return old;
}
