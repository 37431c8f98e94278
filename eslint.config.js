// @ts-check
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * Import boundaries: who may import whom (README, "Layout"). Each folder lists the folders it may
 * not import and the packages it may not load; tests (`test/`, `*.test.ts`) may import anything.
 * Checked for static `import`/`export … from`, literal `import()` and `require()` alike
 * (import-x/no-restricted-paths resolves each one to a file). A module name computed at run
 * time cannot be checked, so app code may not compute one.
 */
/** The repository: zones are relative to it wherever ESLint runs from. */
const ROOT = import.meta.dirname;
const FOLDERS = ['common', 'core', 'main', 'preload', 'renderer', 'sandbox', 'host', 'cli', 'test', 'bench', 'scripts'];
const NODE_BUILTINS = ['node:*', 'fs', 'path', 'http', 'https', 'crypto', 'os', 'child_process', 'net', 'url'];
/** main/, host/ and cli/ embed the sandbox bank through its start function (and the embedding
 * wrapper around it, which fits core's EmbeddedBank port), and nothing else of it. */
const SANDBOX_ENTRIES = ['./index.ts', './embedded.ts'];
/** The CLI also plays a sandbox PSU on the bank's pages (`connect --auto-psu`), as the demo scripts do,
 * and reads the bank's knobs by name (`--sandbox-option`) through its option table. */
const CLI_SANDBOX_ENTRIES = [...SANDBOX_ENTRIES, './demo-psu.ts', './option-names.ts'];
const ZOD_FREE = 'This bundle must not load zod: import types from common/contract.ts, and run-time names from common/contract-names.ts.';
const COMPUTED = 'A module name computed at run time cannot be checked against the import boundaries: name the module.';

/**
 * @param {string} folder
 * @param {{ allow: string[]; embedSandbox?: boolean | string[]; packages?: string[]; typesOnly?: boolean; message: string }} rule
 *   `embedSandbox`: the sandbox files the folder may import (`true`: SANDBOX_ENTRIES).
 *   `typesOnly`: the folder runs where zod must not be loaded (the preload, the renderer bundle), so
 *   it takes only types from the contract's schemas module; its run-time names come from
 *   common/contract-names.ts.
 */
function boundary(folder, { allow, embedSandbox = false, packages = [], typesOnly = false, message }) {
  const forbidden = FOLDERS.filter((f) => f !== folder && !allow.includes(f));
  const zones = forbidden.map((from) => ({
    target: `./${folder}`,
    from: `./${from}`,
    ...(from === 'sandbox' && embedSandbox ? { except: embedSandbox === true ? SANDBOX_ENTRIES : embedSandbox } : {}),
    message,
  }));
  // `electron` and `electron/main`, `react` and `react-dom`, `node:fs` and `fs/promises`.
  const bare = packages.map((p) => p.replace(/\*$/, ''));
  const packageRegex = `/^(${bare.map((p) => (p.endsWith(':') ? p : `${p}(\\W|$)`)).join('|')})/`;
  return {
    files: [`${folder}/**/*.ts`, `${folder}/**/*.tsx`, `${folder}/**/*.mjs`, `${folder}/**/*.js`],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones }],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            ...(packages.length === 0 ? [] : [{ group: packages, message }]),
            ...(typesOnly ? [{ group: ['**/common/contract.js', '**/common/index.js', '**/common/dispatch.js', 'zod'], allowTypeImports: true, message: ZOD_FREE }] : []),
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        ...(packages.length === 0
          ? []
          : [
              { selector: `ImportExpression[source.value=${packageRegex}]`, message },
              { selector: `CallExpression[callee.name='require'][arguments.0.value=${packageRegex}]`, message },
            ]),
        { selector: "ImportExpression[source.type!='Literal']", message: COMPUTED },
        { selector: "CallExpression[callee.name='require'][arguments.0.type!='Literal']", message: COMPUTED },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'release/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: {
      // Our TypeScript imports name the emitted `.js`; resolve them to the `.ts` beside.
      'import-x/resolver-next': [
        createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json', '.node'], extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } }),
      ],
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Tests read bank answers loosely on purpose: the assertions state the exact shapes.
    files: ['test/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  boundary('common', {
    allow: [],
    packages: [...NODE_BUILTINS, 'electron', 'react*'],
    message: 'common/ is plain TypeScript shared by every side: no node, no DOM, no electron, no other folder.',
  }),
  boundary('core', {
    allow: ['common'],
    packages: ['electron', 'react*'],
    message: 'core/ never imports electron, the DOM side, the sandbox bank, tests or a front end (it takes its outside world as parameters).',
  }),
  boundary('renderer', {
    allow: ['common'],
    packages: [...NODE_BUILTINS, 'electron'],
    typesOnly: true,
    message: 'renderer/ sees only common/ and the bridge.',
  }),
  boundary('sandbox', {
    allow: ['common'],
    packages: ['electron', 'react*'],
    message: 'sandbox/ implements the bank on its own: no protocol code from core/, so client and bank cannot share one bug.',
  }),
  boundary('preload', {
    allow: ['common'],
    packages: [...NODE_BUILTINS, 'react*'],
    typesOnly: true,
    message: 'preload/ only builds the bridge from common/.',
  }),
  boundary('main', {
    allow: ['common', 'core'],
    embedSandbox: true,
    packages: ['react*'],
    message: 'main/ composes core/ and common/ (and embeds the sandbox through sandbox/index.ts or embedded.ts); the renderer and preload are built apart.',
  }),
  boundary('host', {
    allow: ['common', 'core'],
    embedSandbox: true,
    packages: ['electron', 'react*'],
    message: 'host/ is browser mode over core/ and common/ (and embeds the sandbox through sandbox/index.ts or embedded.ts).',
  }),
  boundary('cli', {
    allow: ['common', 'core'],
    embedSandbox: CLI_SANDBOX_ENTRIES,
    packages: ['electron', 'react*'],
    message: 'cli/ is a terminal front end over core/ and common/ (and embeds the sandbox through sandbox/index.ts or embedded.ts, plays its PSU through demo-psu.ts and names its knobs through option-names.ts).',
  }),
  boundary('bench', {
    // host/: the UI bench measures the screens in browser mode, the host serving the built renderer.
    allow: ['common', 'core', 'sandbox', 'host'],
    packages: ['electron', 'react*'],
    message: 'bench/ drives core/ against the sandbox bank, and browser mode (host/) for the UI bench; it does not reach into Electron, the renderer\'s sources or the tests.',
  }),
  boundary('scripts', {
    allow: ['common', 'core', 'sandbox'],
    message: 'scripts/ drive core/ and the sandbox bank; they do not reach into a front end or the tests.',
  }),
);
