/**
 * `npm run build:electron [-- --dev] [-- --out-dir D]`: bundles Electron's main process and the
 * preload with esbuild.
 * - main → main.cjs: CommonJS for Electron's loader; native modules and electron stay outside
 *   (electron-builder ships them unpacked from app.asar), the rest is bundled, so the app does
 *   not depend on how each package mixes ESM and CommonJS.
 * - preload → preload.cjs: a sandboxed preload cannot `require` local files, so it is one
 *   self-contained file with only `electron` outside.
 * The demo TPP certificate goes next to main.cjs, where main reads it (in app.asar too).
 *
 * A release build (the default, what `npm run dist` packs) is production mode and minified, with
 * no source map: a map embeds every source file. `--dev` keeps linked maps for debugging;
 * electron-builder.yml leaves `*.map` out of the package all the same. The output folder
 * (dist/electron, or `--out-dir`) is emptied first, so no map of an earlier dev build survives.
 */
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { dev: { type: 'boolean', default: false }, 'out-dir': { type: 'string' } } });
const out = values['out-dir'] === undefined ? join(root, 'dist', 'electron') : resolve(values['out-dir']);
const release = !values.dev;

/** Packages with a compiled `.node` addon: they must be loaded from node_modules at run time. */
const NATIVE = ['better-sqlite3-multiple-ciphers', '@napi-rs/keyring', 'bufferutil', 'utf-8-validate', 'fsevents'];

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: release ? false : 'linked',
  minify: release,
  // Stacks in the log keep readable class and function names without a map.
  keepNames: true,
  // Libraries read NODE_ENV to drop their development paths; the app is not run with it set.
  define: { 'process.env.NODE_ENV': JSON.stringify(release ? 'production' : 'development') },
  logLevel: 'warning',
  absWorkingDir: root,
};

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await Promise.all([
  build({ ...common, entryPoints: ['main/index.ts'], outfile: join(out, 'main.cjs'), external: ['electron', ...NATIVE] }),
  build({ ...common, entryPoints: ['preload/index.ts'], outfile: join(out, 'preload.cjs'), external: ['electron'] }),
  copyFile(join(root, 'sandbox', 'demo-tpp', 'demo-tpp.cert.pem'), join(out, 'demo-tpp.cert.pem')),
]);
process.stdout.write(`build:electron (${release ? 'release' : 'dev'}): ${out}/{main.cjs,preload.cjs,demo-tpp.cert.pem}\n`);
