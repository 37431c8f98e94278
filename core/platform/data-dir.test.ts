import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, ensurePrivateDir } from './data-dir.js';

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
