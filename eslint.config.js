// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Import boundaries of DEVELOPERS.md: who may import whom. */
const forbid = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: groups, message }] }],
});
const nodeBuiltins = ['node:*', 'fs', 'path', 'http', 'https', 'crypto', 'os', 'child_process', 'net', 'url'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'release/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
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
  {
    files: ['common/**/*.ts'],
    rules: forbid(
      [...nodeBuiltins, 'electron', '**/core/**', '**/main/**', '**/renderer/**', '**/sandbox/**', '**/host/**', 'react*'],
      'common/ is plain TypeScript shared by every side: no node, no DOM, no electron, no other folder.',
    ),
  },
  {
    files: ['core/**/*.ts'],
    rules: forbid(
      ['electron', '**/main/**', '**/renderer/**', '**/host/**', '**/sandbox/**', 'react*'],
      'core/ never imports electron, the DOM side, or the sandbox bank (it takes its outside world as parameters).',
    ),
  },
  {
    files: ['sandbox/**/*.ts'],
    rules: forbid(
      ['electron', '**/core/**', '**/main/**', '**/renderer/**', '**/host/**'],
      'sandbox/ implements the bank on its own: no protocol code from core/, so client and bank cannot share one bug.',
    ),
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: forbid(
      [...nodeBuiltins, 'electron', '**/core/**', '**/main/**', '**/sandbox/**', '**/host/**'],
      'renderer/ sees only common/ and the bridge.',
    ),
  },
  {
    files: ['preload/**/*.ts'],
    rules: forbid(['**/core/**', '**/main/**', '**/renderer/**', '**/sandbox/**', '**/host/**'], 'preload/ only builds the bridge from common/.'),
  },
);
