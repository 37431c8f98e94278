/**
 * The CLI as one ES module that Node runs without a TypeScript loader, built once per test run
 * (vitest's globalSetup, test/global-setup.ts). Under `tsx cli/main.ts` each run starts Node twice
 * (the launcher and its child) and loads every source file through the transform hook, about a
 * second of CPU before the command starts; the CLI tests run it some fifty times. The bundle is
 * the same sources: packages stay in node_modules (resolved from the repository, as under tsx),
 * and each source file keeps its own `import.meta.url`, so a file read beside its source (the
 * demo TPP certificate) is the same file. One test still goes through `npm run cli` (cli.test.ts).
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Where the bundle goes: under test-results/ (ignored by git), inside the repository so packages resolve. */
export const CLI_BUNDLE = fileURLToPath(new URL('../../test-results/cli/main.mjs', import.meta.url));

/** `import.meta.url` of each project source, as tsx gives it, instead of the bundle's own address. */
const sourceUrls: Plugin = {
  name: 'source-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, async ({ path }) => {
      const text = await readFile(path, 'utf8');
      return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(path).href)), loader: 'ts' };
    });
  },
};

export async function buildCliBundle(): Promise<void> {
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['cli/main.ts'],
    outfile: CLI_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    plugins: [sourceUrls],
  });
}
