import { KeychainError } from '../errors.js';
import type { Keychain } from '../keychain/keychain.js';
import { bindingOf, qwacKeyKey, readClientSecret, storeClientSecret } from '../profiles/profile-secrets.js';
import { parseStoredProduction } from '../profiles/profile-settings.js';
import type { Db } from './database.js';

/**
 * Moves what older versions left in the database into the keychain, then makes the file forget
 * it: a QWAC private key inside `bank_profiles.settings` goes to `qwac-key:<id>`, and a bare
 * production client secret is bound to its profile's bank origin and client id. Keychain first,
 * database second: a failure leaves the key where it was, never nowhere. Cheap and idempotent, so
 * it runs at every start; it needs the keychain, so it cannot be a step of `migrations.ts`.
 * @returns how many rows were scrubbed.
 */
export async function moveSecretsToKeychain(db: Db, keychain: Keychain): Promise<number> {
  const rows = db.prepare('SELECT id, settings FROM bank_profiles').all() as { id: string; settings: string }[];
  let scrubbed = 0;
  for (const row of rows) {
    const raw = JSON.parse(row.settings) as { qwac?: { privateKeyPem?: unknown } };
    const settings = parseStoredProduction(raw);
    const stored = await readClientSecret(keychain, row.id);
    if (stored !== undefined && stored.binding === undefined) await storeClientSecret(keychain, row.id, bindingOf(settings), stored.secret);
    const key = raw.qwac?.privateKeyPem;
    if (typeof key !== 'string') continue;
    await keychain.set(qwacKeyKey(row.id), key);
    if ((await keychain.get(qwacKeyKey(row.id))) !== key) throw new KeychainError(`the OS keychain did not keep the QWAC key of profile ${row.id}`);
    if (scrubbed === 0) db.pragma('secure_delete = ON');
    db.prepare('UPDATE bank_profiles SET settings = ? WHERE id = ?').run(JSON.stringify(settings), row.id);
    scrubbed += 1;
  }
  if (scrubbed > 0) forgetOldPages(db);
  return scrubbed;
}

/**
 * The old row survives in the WAL and in freed pages until overwritten. Checkpoint and empty the
 * WAL, rebuild the file (VACUUM copies only live rows), then empty the WAL VACUUM wrote through.
 */
function forgetOldPages(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
}
