import { randomBytes } from 'node:crypto';
import { BugIndicatingError } from '../errors.js';
import type { Keychain } from '../keychain/keychain.js';
import type { DatabaseKey } from './database-encryption.js';

/** The keychain entry (under the app's service) that holds the database key, as 64 hex digits. */
export const DATABASE_KEY_ENTRY = 'database-key';

/**
 * The database key: read from the keychain, or made (32 random bytes) and filed there on the
 * first run. A KeychainError passes through: the caller decides what an unusable keychain means.
 */
export async function databaseKey(keychain: Keychain): Promise<DatabaseKey> {
  const stored = await keychain.get(DATABASE_KEY_ENTRY);
  if (stored !== undefined) {
    if (!/^[0-9a-f]{64}$/.test(stored)) throw new BugIndicatingError(`the keychain entry "${DATABASE_KEY_ENTRY}" is not a 32-byte key`);
    return Buffer.from(stored, 'hex');
  }
  const key = randomBytes(32);
  await keychain.set(DATABASE_KEY_ENTRY, key.toString('hex'));
  return key;
}
