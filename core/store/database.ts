import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { BugIndicatingError, LocalStoreLockedError } from '../errors.js';
import { ensureCategorised } from './category-assign.js';
import { applyKey, encryptInPlace, holdsPlaintext, isNotADatabase, type DatabaseKey } from './database-encryption.js';
import { migrations } from './migrations.js';

export type Db = Database.Database;

/** SQLite's name for a database that lives in memory only; it takes no key (nothing reaches a disk). */
export const IN_MEMORY = ':memory:';

/**
 * Opens (or creates) the app's SQLite file and brings its schema up to date. WAL keeps reads
 * from blocking the sync writer; foreign keys guard the links between connections and accounts.
 * `path` is given by the composition root (the data folder, a temp dir in tests, `IN_MEMORY`).
 *
 * With a `key` the file is encrypted at rest (SQLCipher): a plaintext file an earlier version
 * left is encrypted first, and a file the key cannot open throws LocalStoreLockedError without
 * being touched. Without a key the file is plaintext: only tests of the schema itself open one.
 */
export function openDatabase(path: string, key?: DatabaseKey): Db {
  if (path === IN_MEMORY) return prepare(new Database(IN_MEMORY));
  ownerOnly(path);
  if (key === undefined) return prepare(new Database(path));
  if (holdsPlaintext(path)) {
    encryptInPlace(path, key);
    ownerOnly(path);
  }
  const db = new Database(path);
  try {
    applyKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    db.close();
    if (isNotADatabase(error)) throw new LocalStoreLockedError({ cause: error });
    throw error;
  }
  return prepare(db);
}

function prepare(db: Db): Db {
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  db.pragma('foreign_keys = ON');
  ensureCategorised(db);
  return db;
}

/**
 * The database holds the person's accounts and transactions: only they may read it. SQLite gives
 * its -wal and -shm files the main file's mode, so the main file is created owner-only before
 * SQLite opens it; files an older version left readable to others are narrowed.
 */
function ownerOnly(path: string): void {
  closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(file)) chmodSync(file, 0o600);
}

/**
 * Foreign keys are not enforced during the steps: a step may rebuild a table (SQLite's only way
 * to change a constraint), and with enforcement on, dropping the old table would cascade into
 * its children. The pragma is a no-op inside a transaction, so it is set around them; each step
 * checks every link before it commits.
 */
function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current >= migrations.length) return;
  db.pragma('foreign_keys = OFF');
  try {
    for (let version = current; version < migrations.length; version++) {
      const step = migrations[version] as string;
      db.transaction(() => {
        db.exec(step);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new BugIndicatingError(`schema step ${version + 1} leaves ${broken.length} broken links`);
        db.pragma(`user_version = ${version + 1}`);
      })();
    }
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
