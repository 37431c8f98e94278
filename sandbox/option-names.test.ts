import { describe, expect, it } from 'vitest';
import { optionNames, optionPairs, sandboxOptionsFrom } from './option-names.js';

describe('sandboxOptionsFrom', () => {
  it('maps the names of `npm run sandbox -- --help` to the bank’s options, values checked', () => {
    expect(sandboxOptionsFrom({
      seed: '7', 'fault-rate': '0.1', 'drop-after-commit-rate': '0.25', 'page-size': '50', 'latency-ms': '50', 'transactions-per-account': '10000',
      'rate-limit': '20', accounts: '6', 'token-ttl': '60', 'settle-ms': '0', dialect: 'loose', 'data-dir': '/tmp/x', log: 'true', port: '0',
    })).toEqual({
      seed: 7, faultRate: 0.1, dropAfterCommitRate: 0.25, pageSize: 50, latencyMs: 50, transactionsPerAccount: 10_000,
      rateLimit: 20, accounts: 6, tokenTtl: 60, settleMs: 0, dialect: 'loose', dataDir: '/tmp/x', log: true, port: 0,
    });
  });

  it('answers no options for no pairs, so every default stays the bank’s', () => {
    expect(sandboxOptionsFrom({})).toEqual({});
  });

  it('refuses an unknown name and lists every valid one', () => {
    expect(() => sandboxOptionsFrom({ 'page-sise': '50' })).toThrow(
      `unknown sandbox option "page-sise"; valid names: ${optionNames.map((o) => o.name).join(', ')}`,
    );
  });

  it.each([
    ['seed', '7.5', 'seed must be a whole number ≥ 0, not "7.5"'],
    ['page-size', '0', 'page-size must be a whole number ≥ 1, not "0"'],
    ['accounts', '3', 'accounts must be a whole number ≥ 4, not "3"'],
    ['latency-ms', '-1', 'latency-ms must be a whole number ≥ 0, not "-1"'],
    ['transactions-per-account', '1e4', 'transactions-per-account must be a whole number ≥ 0, not "1e4"'],
    ['fault-rate', '1.5', 'fault-rate must be a number between 0 and 1, not "1.5"'],
    ['fault-rate', '', 'fault-rate must be a number between 0 and 1, not ""'],
    ['drop-after-commit-rate', '2', 'drop-after-commit-rate must be a number between 0 and 1, not "2"'],
    ['dialect', 'strict', 'dialect must be one of cec, loose, not "strict"'],
    ['log', 'yes', 'log must be true or false, not "yes"'],
  ])('refuses %s=%s with a message naming what it takes', (name, value, message) => {
    expect(() => sandboxOptionsFrom({ [name]: value })).toThrow(message);
  });
});

describe('optionPairs', () => {
  it('reads NAME=VALUE texts, a value may hold "="', () => {
    expect(optionPairs(['seed=7', 'data-dir=/tmp/a=b'])).toEqual({ seed: '7', 'data-dir': '/tmp/a=b' });
  });

  it('refuses a text without a name and a name given twice', () => {
    expect(() => optionPairs(['=7'])).toThrow('sandbox option "=7" must be NAME=VALUE');
    expect(() => optionPairs(['seed'])).toThrow('sandbox option "seed" must be NAME=VALUE');
    expect(() => optionPairs(['seed=1', 'seed=2'])).toThrow('sandbox option "seed" is given twice');
  });
});
