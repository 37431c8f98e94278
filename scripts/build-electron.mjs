/**
 * `npm run build:electron`: bundles Electron's main process and the preload with esbuild.
 * - main → dist/electron/main.cjs: CommonJS for Electron's loader; native modules and electron
 *   stay outside (electron-builder ships them unpacked from app.asar), the rest is bundled, so
 *   the app does not depend on how each package mixes ESM and CommonJS.
 * - preload → dist/electron/preload.cjs: a sandboxed preload cannot `require` local files, so it
 *   is one self-contained file with only `electron` outside.
 * The demo TPP certificate goes next to main.cjs, where main reads it (in app.asar too).
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'electron');
const production = process.env.NODE_ENV === 'production';

/** Packages with a compiled `.node` addon: they must be loaded from node_modules at run time. */
const NATIVE = ['better-sqlite3', '@napi-rs/keyring', 'bufferutil', 'utf-8-validate', 'fsevents'];

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
};

await mkdir(out, { recursive: true });
await Promise.all([
  build({ ...common, entryPoints: ['main/index.ts'], outfile: join(out, 'main.cjs'), external: ['electron', ...NATIVE] }),
  build({ ...common, entryPoints: ['preload/index.ts'], outfile: join(out, 'preload.cjs'), external: ['electron'] }),
  copyFile(join(root, 'sandbox', 'demo-tpp', 'demo-tpp.cert.pem'), join(out, 'demo-tpp.cert.pem')),
]);
process.stdout.write(`build:electron: ${out}/{main.cjs,preload.cjs,demo-tpp.cert.pem}\n`);
