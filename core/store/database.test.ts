import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('openDatabase', () => {
  let dir: string;
  let umask: number;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'conturi-db-'));
    umask = process.umask(0o022);
  });
  afterEach(() => {
    process.umask(umask);
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the database and its -wal and -shm files owner-only under umask 022', () => {
    const path = join(dir, 'conturi.sqlite');
    const db = openDatabase(path);
    db.exec('CREATE TABLE probe (x INTEGER); INSERT INTO probe VALUES (1)');
    for (const file of [path, `${path}-wal`, `${path}-shm`]) {
      expect(existsSync(file), file).toBe(true);
      expect(mode(file), file).toBe(0o600);
    }
    db.close();
  });

  it('makes owner-only a database and -wal/-shm files that existed readable to others', () => {
    const path = join(dir, 'conturi.sqlite');
    openDatabase(path).close();
    for (const file of [path, `${path}-wal`, `${path}-shm`]) {
      if (!existsSync(file)) writeFileSync(file, '');
      chmodSync(file, 0o644);
    }
    const db = openDatabase(path);
    for (const file of [path, `${path}-wal`, `${path}-shm`]) expect(mode(file), file).toBe(0o600);
    db.close();
  });
});
