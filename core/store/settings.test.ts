import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from './database.js';
import { SettingsStore } from './settings.js';

describe('SettingsStore', () => {
  const dirs: string[] = [];
  const open = (): { db: Db; path: string } => {
    const dir = mkdtempSync(join(tmpdir(), 'conturi-settings-'));
    dirs.push(dir);
    const path = join(dir, 'conturi.sqlite');
    return { db: openDatabase(path), path };
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('starts with the system language and theme', () => {
    const { db } = open();
    expect(new SettingsStore(db).get()).toEqual({ authorizationMode: 'window', autoSyncHours: 6, language: 'system', theme: 'system' });
    db.close();
  });

  it('keeps a language and a theme across a restart, each changed on its own', () => {
    const { db, path } = open();
    const store = new SettingsStore(db);
    expect(store.set({ language: 'en' })).toMatchObject({ language: 'en', theme: 'system' });
    expect(store.set({ theme: 'dark' })).toMatchObject({ language: 'en', theme: 'dark' });
    db.close();
    const reopened = openDatabase(path);
    expect(new SettingsStore(reopened).get()).toEqual({ authorizationMode: 'window', autoSyncHours: 6, language: 'en', theme: 'dark' });
    reopened.close();
  });

  it('reads a stored value it does not know as the default', () => {
    const { db } = open();
    const put = db.prepare('INSERT INTO app_settings (key, value) VALUES (?, ?)');
    put.run('language', JSON.stringify('klingon'));
    put.run('theme', JSON.stringify(7));
    expect(new SettingsStore(db).get()).toMatchObject({ language: 'system', theme: 'system' });
    db.close();
  });
});
