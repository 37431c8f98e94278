import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { CoreWorld } from './app-core.js';
import { KeychainError } from './errors.js';
import type { Keychain } from './keychain/keychain.js';
import { MemoryKeychain } from './keychain/memory-keychain.js';
import { BANK_STATE_DIR, DATABASE_FILE, ensurePrivateDir, LOG_DIR } from './platform/data-dir.js';
import { acquireDataLock, type DataLock } from './platform/data-lock.js';
import type { DatabaseKey } from './store/database-encryption.js';
import { databaseKey } from './store/database-key.js';
import { IN_MEMORY } from './store/database.js';

export { DATABASE_FILE } from './platform/data-dir.js';

export interface LocalStoreOptions {
  /** The data folder (see defaultDataDir): the database and the embedded sandbox bank's state. */
  dataDir: string;
  /** The OS keychain; when it cannot be used, the store is ephemeral. */
  keychain: Keychain;
  /** Named in the lock, so a second front end is told which one holds the folder. */
  frontEnd: string;
  /** Keep nothing even with a keychain (a demo's `--ephemeral`); the text says why, as the banner does. */
  ephemeral?: string | undefined;
}

/** Where core keeps things for this run: what a composition root hands createAppCore. */
export interface LocalStore {
  keychain: Keychain;
  databasePath: string;
  databaseKey: DatabaseKey | undefined;
  /** Set when there is no OS keychain, with the keychain's message saying what to install. */
  ephemeral: { reason: string } | undefined;
  dataDir: string | null;
  /** The embedded sandbox bank's state folder; undefined when ephemeral (its state stays in memory too). */
  bankDir: string | undefined;
  /** The log folder; undefined when ephemeral, whose log goes to stderr so nothing is kept. */
  logDir: string | undefined;
  /** Moves an unreadable database aside as `conturi.sqlite.unreadable-<time>`, never deleting it. */
  setAside(now: Date): string;
  /** Lets go of the data folder. */
  release(): void;
}

/** The part of createAppCore's world the store decides. */
export function storeWorld(store: LocalStore): Pick<CoreWorld, 'keychain' | 'databasePath' | 'databaseKey' | 'ephemeral' | 'logDir'> {
  return { keychain: store.keychain, databasePath: store.databasePath, databaseKey: store.databaseKey, ephemeral: store.ephemeral, logDir: store.logDir };
}

/**
 * Prepares the store for one front end. With the OS keychain: the data folder, owner-only and
 * locked for this process, and the database key from the keychain (made on the first run). With
 * no usable keychain (a headless machine without a Secret Service), everything stays in memory:
 * the app still starts, on the embedded sandbox, and says that nothing is kept and why.
 * DataFolderInUseError when another front end holds the folder.
 */
export async function openLocalStore(options: LocalStoreOptions): Promise<LocalStore> {
  if (options.ephemeral !== undefined) return inMemory(options.ephemeral);
  let key: DatabaseKey;
  try {
    key = await databaseKey(options.keychain);
  } catch (error) {
    if (!(error instanceof KeychainError)) throw error;
    return inMemory(error.message);
  }
  const dataDir = ensurePrivateDir(options.dataDir);
  const lock: DataLock = acquireDataLock(dataDir, options.frontEnd);
  const databasePath = join(dataDir, DATABASE_FILE);
  return {
    keychain: options.keychain,
    databasePath,
    databaseKey: key,
    ephemeral: undefined,
    dataDir,
    bankDir: join(dataDir, BANK_STATE_DIR),
    logDir: join(dataDir, LOG_DIR),
    setAside(now) {
      // Colons are not allowed in Windows file names.
      const aside = `${databasePath}.unreadable-${now.toISOString().replace(/[:.]/g, '-')}`;
      // The -wal belongs to the file it was written for: it travels with it, or SQLite would replay it into the new one.
      for (const suffix of ['', '-wal', '-shm']) if (existsSync(databasePath + suffix)) renameSync(databasePath + suffix, aside + suffix);
      return aside;
    },
    release: () => lock.release(),
  };
}

/** Nothing on disk and nothing in the OS: the keychain, the database and the sandbox bank in memory. */
function inMemory(reason: string): LocalStore {
  return {
    keychain: new MemoryKeychain(),
    databasePath: IN_MEMORY,
    databaseKey: undefined,
    ephemeral: { reason },
    dataDir: null,
    bankDir: undefined,
    logDir: undefined,
    setAside: () => IN_MEMORY,
    release: () => undefined,
  };
}
