import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DataFolderInUseError } from '../errors.js';

/** The file in the data folder that says which process runs its core there. */
export const LOCK_FILE = 'conturi.lock';

interface Holder {
  pid: number;
  frontEnd: string;
}

export interface DataLock {
  /** Lets go of the folder; a no-op when the lock file is no longer ours. */
  release(): void;
}

/**
 * Takes the data folder for this process, so two front ends (the app, browser mode, a script)
 * never run their core on one database at once. The lock file holds the pid and the front end's
 * name, owner-only. A lock whose process is gone (a crash, kill -9) is stale and taken over;
 * a live one refuses with DataFolderInUseError naming the front end that holds it.
 */
export function acquireDataLock(dataDir: string, frontEnd: string): DataLock {
  const path = join(dataDir, LOCK_FILE);
  const mine: Holder = { pid: process.pid, frontEnd };
  // Twice at most: once as found, once after clearing a stale lock. Losing that second race to
  // another starter means it holds the folder now, and it is named.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (create(path, mine)) return { release: () => releaseIfMine(path, mine) };
    const holder = readHolder(path);
    if (holder !== undefined && isAlive(holder.pid)) throw new DataFolderInUseError(holder, dataDir);
    rmSync(path, { force: true });
  }
  throw new DataFolderInUseError(readHolder(path) ?? { frontEnd: 'another front end', pid: 0 }, dataDir);
}

function create(path: string, holder: Holder): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(holder)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** The holder the file names; undefined when it is unreadable (torn by a crash mid-write): stale. */
function readHolder(path: string): Holder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Holder>;
    if (typeof parsed.pid === 'number' && Number.isInteger(parsed.pid) && parsed.pid > 0 && typeof parsed.frontEnd === 'string') {
      return { pid: parsed.pid, frontEnd: parsed.frontEnd };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !(error instanceof SyntaxError)) throw error;
  }
  return undefined;
}

/** Signal 0 only asks whether the process exists; EPERM means it does, under another user. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function releaseIfMine(path: string, mine: Holder): void {
  const holder = readHolder(path);
  if (holder?.pid === mine.pid && holder.frontEnd === mine.frontEnd) rmSync(path, { force: true });
}
