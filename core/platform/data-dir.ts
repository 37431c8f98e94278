import { chmodSync, existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';

/** What picks the data folder; parameters so a test can ask for every OS from one machine. */
export interface DataDirWorld {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
}

/**
 * Where the app keeps its database (and the embedded sandbox bank's state) when the person names
 * no folder: the place each OS reserves for per-user application data, so backups and uninstall
 * tools find it. Secrets never go here: they live in the OS keychain.
 * @see XDG Base Directory Specification (`$XDG_DATA_HOME`, default `~/.local/share`)
 */
export function defaultDataDir(world: DataDirWorld): string {
  switch (world.platform) {
    case 'darwin':
      return join(world.home, 'Library', 'Application Support', 'Conturi');
    case 'win32':
      return join(world.env['APPDATA'] || join(world.home, 'AppData', 'Roaming'), 'Conturi');
    default: {
      // The spec says a relative XDG_DATA_HOME is invalid and must be ignored.
      const xdg = world.env['XDG_DATA_HOME'];
      return join(xdg !== undefined && xdg.startsWith('/') ? xdg : join(world.home, '.local', 'share'), 'conturi');
    }
  }
}

/**
 * Creates the data folder, or narrows one that already existed (made by an older version, by
 * hand, or under a permissive umask), so only its owner can list or read it. Returns `path`.
 * On Windows the mode is advisory; the folder sits in the user's own profile there.
 */
export function ensurePrivateDir(path: string): string {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  chmodSync(path, 0o700);
  return path;
}

/** The database's file name in the data folder. */
export const DATABASE_FILE = 'conturi.sqlite';
/** The embedded sandbox bank's state folder in the data folder. */
export const BANK_STATE_DIR = 'sandbox-bank';

/** The app's rolling log files (core/logging/logger.ts), inside the data folder. */
export const LOG_DIR = 'logs';

/** What versions up to 0.1 of the Electron app kept in its `userData` folder. */
const LEGACY_ENTRIES = [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`, BANK_STATE_DIR];

/**
 * Moves the database and the sandbox bank's state from the Electron app's old folder into the
 * one data folder, once: only when the data folder holds no database yet, so nothing there is
 * ever replaced. A rename, so on one file system nothing is copied or lost half-way.
 */
export function adoptLegacyData(legacyDir: string, dataDir: string): void {
  if (legacyDir === dataDir || !existsSync(join(legacyDir, DATABASE_FILE)) || existsSync(join(dataDir, DATABASE_FILE))) return;
  ensurePrivateDir(dataDir);
  for (const entry of LEGACY_ENTRIES) {
    if (existsSync(join(legacyDir, entry)) && !existsSync(join(dataDir, entry))) renameSync(join(legacyDir, entry), join(dataDir, entry));
  }
}
