import { closeSync, existsSync, openSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { BugIndicatingError } from '../errors.js';

/** SQLCipher 4's format, so standard SQLCipher tools can open a copy with the same key. */
const CIPHER = 'sqlcipher';

/** 32 random bytes from the keychain, used as SQLCipher's raw key: no passphrase, so no KDF is needed. */
export type DatabaseKey = Buffer;

/** Points `db` at its key; must run before the first read. */
export function applyKey(db: Database.Database, key: DatabaseKey): void {
  if (key.length !== 32) throw new BugIndicatingError(`a database key is 32 bytes, not ${key.length}`);
  db.pragma(`cipher = '${CIPHER}'`);
  db.pragma(`key = "x'${key.toString('hex')}'"`);
}

/** True when the error is SQLite saying the file's first page is not a database it can read. */
export function isNotADatabase(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'SQLITE_NOTADB';
}

/**
 * Whether the file holds tables SQLite reads without a key: a database an earlier version wrote
 * in the clear. An empty new file is not one; an encrypted file reads as "not a database".
 */
export function holdsPlaintext(path: string): boolean {
  const probe = new Database(path, { fileMustExist: true });
  try {
    return (probe.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n > 0;
  } catch (error) {
    if (isNotADatabase(error)) return false;
    throw error;
  } finally {
    probe.close();
  }
}

/**
 * Encrypts a plaintext database in place, losing nothing. SQLite3MultipleCiphers has no
 * `sqlcipher_export`, and `rekey` cannot run in WAL mode, so a consistent copy is made with
 * VACUUM INTO (into an owner-only file), switched to a rollback journal, rekeyed, and renamed
 * over the original. A crash at any step leaves the original whole; the next start redoes it.
 */
export function encryptInPlace(path: string, key: DatabaseKey): void {
  const temp = `${path}.encrypting`;
  rmSync(temp, { force: true });
  closeSync(openSync(temp, 'wx', 0o600));
  const plain = new Database(path, { fileMustExist: true });
  try {
    plain.prepare('VACUUM INTO ?').run(temp);
  } finally {
    plain.close();
  }
  const copy = new Database(temp, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
    copy.pragma(`cipher = '${CIPHER}'`);
    copy.pragma(`rekey = "x'${key.toString('hex')}'"`);
  } finally {
    copy.close();
  }
  // A -wal or -shm of the plaintext file would be read as belonging to the encrypted one.
  for (const file of [`${path}-wal`, `${path}-shm`]) if (existsSync(file)) rmSync(file);
  renameSync(temp, path);
}
