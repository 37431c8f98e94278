/**
 * The import boundaries of eslint.config.js, proved on small in-memory modules: for each folder,
 * imports it must not make fail (static, type-only, `import()`, `require`), and the ones it may
 * make pass. The snippets name real files, since the rule resolves every import to a file.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The boundary rules that fire for `code` placed at `file` (the other rules are not this test's). */
async function boundaryErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${ROOT}${file}` });
  const boundaryRules = ['import-x/no-restricted-paths', '@typescript-eslint/no-restricted-imports', 'no-restricted-syntax'];
  return (result?.messages ?? []).filter((m) => m.ruleId === null || boundaryRules.includes(m.ruleId)).map((m) => `${m.ruleId}: ${m.message}`);
}

const use = (line: string) => `${line}\nexport const probe = [x];\n`;
const importX = (from: string) => use(`import { x } from '${from}';`);

/** [folder's probe file, import it must not make]. */
const refused: [string, string][] = [
  ['common/probe.ts', importX('../core/errors.js')],
  ['common/probe.ts', importX('../renderer/src/i18n/texts.js')],
  ['common/probe.ts', importX('node:fs')],
  ['common/probe.ts', importX('electron')],
  ['core/probe.ts', importX('../sandbox/index.js')],
  ['core/probe.ts', importX('../test/helpers/bank.js')],
  ['core/probe.ts', use("import type { TestBank as x } from '../test/helpers/bank.js';")],
  ['core/probe.ts', use("const x = () => import('../test/helpers/core-world.js');")],
  ['core/probe.ts', use("const x = require('../main/ipc.js');")],
  ['core/probe.ts', importX('../main/ipc.js')],
  ['core/probe.ts', importX('../host/server.js')],
  ['core/probe.ts', importX('../renderer/src/i18n/texts.js')],
  ['core/probe.ts', importX('electron')],
  ['core/probe.ts', use("const x = () => import('electron');")],
  ['core/probe.ts', use("const name = 'electron'; const x = () => import(name);")],
  ['renderer/src/probe.ts', importX('../../core/errors.js')],
  ['renderer/src/probe.ts', importX('../../sandbox/index.js')],
  ['renderer/src/probe.ts', importX('../../main/ipc.js')],
  ['renderer/src/probe.ts', importX('../../host/server.js')],
  ['renderer/src/probe.ts', importX('node:path')],
  ['renderer/src/probe.ts', use("const x = () => import('node:fs');")],
  ['renderer/src/probe.tsx', importX('electron')],
  ['sandbox/probe.ts', importX('../core/money/money.js')],
  ['sandbox/probe.ts', use("const x = () => import('../core/oauth/pkce.js');")],
  ['sandbox/probe.ts', importX('../test/helpers/bank.js')],
  ['sandbox/probe.ts', importX('../host/server.js')],
  ['preload/probe.ts', importX('../core/errors.js')],
  ['preload/probe.ts', importX('../main/ipc.js')],
  ['preload/probe.ts', importX('../renderer/src/i18n/texts.js')],
  ['preload/probe.ts', importX('../common/contract.js')],
  ['preload/probe.ts', importX('zod')],
  ['renderer/src/probe.ts', importX('../../common/contract.js')],
  ['renderer/src/probe.ts', importX('../../common/index.js')],
  ['main/probe.ts', importX('../sandbox/demo-psu.js')],
  ['main/probe.ts', importX('../renderer/src/i18n/texts.js')],
  ['main/probe.ts', importX('../host/server.js')],
  ['main/probe.ts', importX('../test/helpers/bank.js')],
  ['main/probe.ts', importX('../preload/index.js')],
  ['host/probe.ts', importX('../main/ipc.js')],
  ['host/probe.ts', importX('../sandbox/demo-psu.js')],
  ['host/probe.ts', importX('../test/helpers/host-http.js')],
  ['host/probe.ts', importX('../renderer/src/i18n/texts.js')],
  ['host/probe.ts', importX('electron')],
  ['cli/probe.ts', importX('../main/ipc.js')],
  ['cli/probe.ts', importX('../host/server.js')],
  ['cli/probe.ts', importX('../renderer/src/i18n/texts.js')],
  ['cli/probe.ts', importX('../test/helpers/bank.js')],
  ['cli/probe.ts', importX('../sandbox/state/bank-state.js')],
  ['cli/probe.ts', importX('electron')],
  ['bench/probe.ts', importX('../test/helpers/bank.js')],
  ['bench/probe.ts', importX('../main/ipc.js')],
  ['scripts/probe.ts', importX('../renderer/src/i18n/texts.js')],
  ['scripts/probe.ts', importX('../test/helpers/bank.js')],
];

/** [folder's probe file, import it may make]. */
const allowed: [string, string][] = [
  ['common/probe.ts', importX('./result.js')],
  ['common/probe.ts', importX('zod')],
  ['core/probe.ts', importX('../common/result.js')],
  ['core/probe.ts', importX('node:fs')],
  ['core/probe.ts', use("const x = () => import('./errors.js');")],
  ['renderer/src/probe.ts', importX('../../common/format-money.js')],
  ['renderer/src/probe.tsx', importX('react')],
  ['sandbox/probe.ts', importX('../common/money.js')],
  ['sandbox/probe.ts', importX('./money.js')],
  ['preload/probe.ts', importX('../common/contract-names.js')],
  ['preload/probe.ts', importX('electron')],
  ['preload/probe.ts', use("import type { Bridge as x } from '../common/contract.js';")],
  ['renderer/src/probe.ts', use("import type { MethodName as x } from '../../common/contract.js';")],
  ['main/probe.ts', importX('../core/errors.js')],
  ['main/probe.ts', importX('../sandbox/index.js')],
  ['main/probe.ts', importX('electron')],
  ['host/probe.ts', importX('../core/app-core.js')],
  ['host/probe.ts', importX('../sandbox/index.js')],
  ['host/probe.ts', importX('../sandbox/embedded.js')],
  ['main/probe.ts', importX('../sandbox/embedded.js')],
  ['cli/probe.ts', importX('../core/app-core.js')],
  ['cli/probe.ts', importX('../common/contract.js')],
  ['cli/probe.ts', importX('../sandbox/index.js')],
  ['cli/probe.ts', importX('../sandbox/embedded.js')],
  ['cli/probe.ts', importX('../sandbox/demo-psu.js')],
  ['cli/probe.ts', importX('../sandbox/option-names.js')],
  ['cli/probe.ts', importX('node:fs')],
  ['bench/probe.ts', importX('../sandbox/data/generate.js')],
  ['bench/probe.ts', importX('../host/web-app.js')],
  ['scripts/probe.ts', importX('../sandbox/demo-psu.js')],
  ['scripts/probe.mjs', "import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);\nexport const probe = require('better-sqlite3');\n"],
  ['test/probe.ts', importX('../sandbox/demo-psu.js')],
  ['test/probe.ts', importX('../main/ipc.js')],
  ['core/probe.test.ts', importX('../test/helpers/bank.js')],
  ['main/probe.test.ts', importX('../test/helpers/auth-session.js')],
];

describe('import boundaries (eslint.config.js)', () => {
  it.each(refused)('refuses in %s: %s', async (file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([expect.stringMatching(/^(import-x\/no-restricted-paths|@typescript-eslint\/no-restricted-imports|no-restricted-syntax): /)]);
  });

  it.each(allowed)('allows in %s: %s', async (file, code) => {
    expect(await boundaryErrors(file, code)).toEqual([]);
  });
});
