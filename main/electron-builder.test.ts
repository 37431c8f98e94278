import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher.js';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util/out/DebugLogger.js';
import { beforeAll, describe, expect, it } from 'vitest';

// electron-builder's own loader and validator (scheme.json), exactly as `npm run dist` reads the file.
const projectDir = fileURLToPath(new URL('..', import.meta.url));
let config: Configuration;

beforeAll(async () => {
  config = await getConfig(projectDir, 'electron-builder.yml', null);
});

describe('electron-builder.yml', () => {
  it('passes electron-builder 26 schema validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('has a live validator: a misspelt fuse is rejected', async () => {
    const misspelt = { ...config, electronFuses: { runAsNod: false } } as unknown as Configuration;
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/electronFuses/);
  });

  it('names the app ro.conturi.desktop / Conturi', () => {
    expect(config.appId).toBe('ro.conturi.desktop');
    expect(config.productName).toBe('Conturi');
  });

  it('flips every hardening fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs only the built app and package.json, in asar, native addons unpacked', () => {
    // The loader merges consecutive globs into one FileSet's filter.
    expect(config.files).toEqual([{ filter: ['dist/electron/**/*', 'dist/renderer/**/*', 'package.json', '!**/*.map'] }]);
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/*.node']);
    expect(config.directories?.output).toBe('release');
  });

  it('leaves source maps out of the package, also one a dev build left in dist/', () => {
    // electron-builder's own matcher over the `files` patterns, as it filters the app folder.
    const patterns = (config.files as { filter: string[] }[])[0]?.filter;
    const packs = new FileMatcher(projectDir, '/', (p) => p, patterns).createFilter();
    const file = { isDirectory: () => false } as Parameters<typeof packs>[1];
    expect(packs(join(projectDir, 'dist/electron/main.cjs'), file)).toBe(true);
    expect(packs(join(projectDir, 'dist/renderer/assets/index.js'), file)).toBe(true);
    expect(packs(join(projectDir, 'dist/electron/main.cjs.map'), file)).toBe(false);
    expect(packs(join(projectDir, 'dist/renderer/assets/index.js.map'), file)).toBe(false);
  });

  it('builds AppImage and deb (Finance), dmg and nsis', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Finance');
    expect(config.mac?.target).toBe('dmg');
    expect(config.win?.target).toBe('nsis');
  });
});
