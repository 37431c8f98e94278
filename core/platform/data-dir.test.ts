import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from './data-dir.js';

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
