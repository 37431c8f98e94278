import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adoptLegacyData, defaultDataDir, ensurePrivateDir } from './data-dir.js';

describe('defaultDataDir', () => {
  it('uses $XDG_DATA_HOME/conturi on Linux when it is set', () => {
    expect(defaultDataDir({ platform: 'linux', env: { XDG_DATA_HOME: '/data/me' }, home: '/home/me' })).toBe('/data/me/conturi');
  });

  it('uses ~/.local/share/conturi on Linux without XDG_DATA_HOME', () => {
    expect(defaultDataDir({ platform: 'linux', env: {}, home: '/home/me' })).toBe('/home/me/.local/share/conturi');
  });

  it('ignores a relative XDG_DATA_HOME, as the XDG spec requires', () => {
    expect(defaultDataDir({ platform: 'freebsd', env: { XDG_DATA_HOME: 'rel/dir' }, home: '/home/me' })).toBe('/home/me/.local/share/conturi');
  });

  it('uses ~/Library/Application Support/Conturi on macOS', () => {
    expect(defaultDataDir({ platform: 'darwin', env: { XDG_DATA_HOME: '/ignored' }, home: '/Users/me' })).toBe('/Users/me/Library/Application Support/Conturi');
  });

  it('uses %APPDATA%/Conturi on Windows, with the roaming folder as fallback', () => {
    expect(defaultDataDir({ platform: 'win32', env: { APPDATA: 'C:\\Users\\me\\AppData\\Roaming' }, home: 'C:\\Users\\me' })).toBe(join('C:\\Users\\me\\AppData\\Roaming', 'Conturi'));
    expect(defaultDataDir({ platform: 'win32', env: {}, home: '/home/me' })).toBe(join('/home/me', 'AppData', 'Roaming', 'Conturi'));
  });
});

describe('ensurePrivateDir', () => {
  const mode = (path: string) => statSync(path).mode & 0o777;

  it('creates the folder and its missing parents 0700 under umask 022, and narrows one that existed as 0755', () => {
    const root = mkdtempSync(join(tmpdir(), 'conturi-dir-'));
    const umask = process.umask(0o022);
    try {
      const fresh = join(root, 'a', 'conturi');
      expect(ensurePrivateDir(fresh)).toBe(fresh);
      expect(mode(fresh)).toBe(0o700);

      const old = join(root, 'old');
      mkdirSync(old, { mode: 0o755 });
      chmodSync(old, 0o755);
      ensurePrivateDir(old);
      expect(mode(old)).toBe(0o700);
    } finally {
      process.umask(umask);
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('adoptLegacyData', () => {
  const world = () => {
    const root = mkdtempSync(join(tmpdir(), 'conturi-legacy-'));
    const legacy = join(root, 'config', 'Conturi');
    const data = join(root, 'share', 'conturi');
    mkdirSync(join(legacy, 'sandbox-bank'), { recursive: true });
    writeFileSync(join(legacy, 'conturi.sqlite'), 'the old database');
    writeFileSync(join(legacy, 'sandbox-bank', 'state.json'), '{}');
    writeFileSync(join(legacy, 'Cookies'), 'Chromium keeps this');
    return { root, legacy, data };
  };

  it("moves the Electron app's database and sandbox state into the data folder, leaving Chromium's files", () => {
    const { root, legacy, data } = world();
    try {
      adoptLegacyData(legacy, data);
      expect(readFileSync(join(data, 'conturi.sqlite'), 'utf8')).toBe('the old database');
      expect(existsSync(join(data, 'sandbox-bank', 'state.json'))).toBe(true);
      expect(statSync(data).mode & 0o777).toBe(0o700);
      expect(existsSync(join(legacy, 'conturi.sqlite'))).toBe(false);
      expect(existsSync(join(legacy, 'Cookies'))).toBe(true);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('never replaces a database the data folder already has', () => {
    const { root, legacy, data } = world();
    try {
      mkdirSync(data, { recursive: true });
      writeFileSync(join(data, 'conturi.sqlite'), 'browser mode database');
      adoptLegacyData(legacy, data);
      expect(readFileSync(join(data, 'conturi.sqlite'), 'utf8')).toBe('browser mode database');
      expect(readFileSync(join(legacy, 'conturi.sqlite'), 'utf8')).toBe('the old database');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
