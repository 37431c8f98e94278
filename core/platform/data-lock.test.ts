import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataFolderInUseError } from '../errors.js';
import { acquireDataLock, LOCK_FILE } from './data-lock.js';

/** The pid of a process that has certainly ended: a child that ran and exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid as number;
}

describe('acquireDataLock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'conturi-lock-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second holder while the first runs, naming the first front end', () => {
    const first = acquireDataLock(dir, 'the Conturi app');
    expect(() => acquireDataLock(dir, 'browser mode')).toThrow(DataFolderInUseError);
    expect(() => acquireDataLock(dir, 'browser mode')).toThrow(`in use by the Conturi app (process ${process.pid})`);
    first.release();
    acquireDataLock(dir, 'browser mode').release();
  });

  it('writes the pid owner-only', () => {
    const lock = acquireDataLock(dir, 'browser mode');
    const path = join(dir, LOCK_FILE);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ pid: process.pid, frontEnd: 'browser mode' });
    lock.release();
    expect(existsSync(path)).toBe(false);
  });

  it('takes over a stale lock whose process is gone', () => {
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), frontEnd: 'the Conturi app' }), { mode: 0o600 });
    const lock = acquireDataLock(dir, 'browser mode');
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, frontEnd: 'browser mode' });
    lock.release();
  });

  it('takes over a lock file torn by a crash mid-write', () => {
    writeFileSync(join(dir, LOCK_FILE), '{"pid": 12', { mode: 0o600 });
    acquireDataLock(dir, 'browser mode').release();
  });

  it('leaves alone a lock another holder took after ours went stale', () => {
    const first = acquireDataLock(dir, 'the Conturi app');
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: process.pid, frontEnd: 'browser mode' }));
    first.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
  });
});
