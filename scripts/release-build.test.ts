/**
 * What `npm run build` hands to electron-builder: production mode, minified, no source map (a
 * map with embedded sources would ship the whole source tree). Both builds run here, into
 * temporary folders, as `npm run build` runs them.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, type Dirent } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');
let out: string;
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'conturi-build-'));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Every file under `dir`, relative, sorted. */
const files = (dir: string): string[] => (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
  .filter((d) => d.isFile())
  .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
  .sort();

/** Minified code has long lines (only template literals keep their line breaks) and no map link. */
function expectMinified(code: string, name: string): void {
  expect(code.split('\n').length, `${name}: lines`).toBeLessThanOrEqual(Math.max(2, code.length / 300));
  expect(code, name).not.toContain('sourceMappingURL');
}

/** The environment of a person's shell: no NODE_ENV (vitest sets it to `test`). */
const { NODE_ENV: _inherited, ...shell } = process.env;

describe('the release build', () => {
  it('bundles main and preload minified, in production mode, with no source map', async () => {
    const dir = join(out, 'electron');
    await run(process.execPath, ['scripts/build-electron.mjs', '--out-dir', dir], { cwd: root, env: shell, timeout: 60_000 });
    expect(files(dir)).toEqual(['demo-tpp.cert.pem', 'main.cjs', 'preload.cjs']);
    for (const name of ['main.cjs', 'preload.cjs']) expectMinified(readFileSync(join(dir, name), 'utf8'), name);
    // Production mode reaches the bundled libraries: their development branches are folded away.
    expect(readFileSync(join(dir, 'main.cjs'), 'utf8')).not.toContain('process.env.NODE_ENV');
  });

  it('keeps linked source maps for a --dev build only', async () => {
    const dir = join(out, 'electron-dev');
    await run(process.execPath, ['scripts/build-electron.mjs', '--dev', '--out-dir', dir], { cwd: root, env: shell, timeout: 60_000 });
    expect(files(dir)).toEqual(['demo-tpp.cert.pem', 'main.cjs', 'main.cjs.map', 'preload.cjs', 'preload.cjs.map']);
  });

  it('builds the renderer minified with no source map', async () => {
    const dir = join(out, 'renderer');
    await run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', dir, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, env: shell, timeout: 60_000 });
    const built = files(dir);
    expect(built.filter((f) => f.endsWith('.map'))).toEqual([]);
    const scripts = built.filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    for (const name of scripts) expectMinified(readFileSync(join(dir, name), 'utf8'), name);
  });
});
