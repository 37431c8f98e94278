import { dialects, isDialect } from './dialect.js';
import type { SandboxOptions } from './options.js';

/**
 * The sandbox bank's knobs under their command-line names: `npm run sandbox -- --NAME VALUE`,
 * and the app's CLI `--sandbox-option NAME=VALUE`, read through this one table.
 */
interface OptionName {
  name: string;
  /** Placeholder of the value in the usage text; absent for a flag. */
  value?: string;
  help: string;
  set(options: SandboxOptions, text: string): void;
}

const whole = (name: string, text: string, min = 0): number => {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(n) || n < min) throw new RangeError(`${name} must be a whole number ≥ ${min}, not "${text}"`);
  return n;
};

const share = (name: string, text: string): number => {
  const x = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!(x >= 0 && x <= 1)) throw new RangeError(`${name} must be a number between 0 and 1, not "${text}"`);
  return x;
};

const flag = (name: string, text: string): boolean => {
  if (text === 'true' || text === '') return true;
  if (text === 'false') return false;
  throw new RangeError(`${name} must be true or false, not "${text}"`);
};

export const optionNames: readonly OptionName[] = [
  { name: 'port', value: 'N', help: 'TCP port on 127.0.0.1 (0 = a free port; default 0)', set: (o, v) => { o.port = whole('port', v); } },
  { name: 'seed', value: 'N', help: 'demo data seed (default 42)', set: (o, v) => { o.seed = whole('seed', v); } },
  { name: 'accounts', value: 'N', help: 'accounts per PSU, at least 4 (default 4)', set: (o, v) => { o.accounts = whole('accounts', v, 4); } },
  {
    name: 'transactions-per-account', value: 'N', help: 'booked transactions per account (default: ~26 months of history)',
    set: (o, v) => { o.transactionsPerAccount = whole('transactions-per-account', v); },
  },
  { name: 'latency-ms', value: 'N', help: 'delay added to every answer', set: (o, v) => { o.latencyMs = whole('latency-ms', v); } },
  {
    name: 'fault-rate', value: 'X', help: 'share 0..1 of API calls failing with 500/503 or a dropped connection',
    set: (o, v) => { o.faultRate = share('fault-rate', v); },
  },
  {
    name: 'drop-after-commit-rate', value: 'X', help: 'share 0..1 of payment initiations committed, then answered by a dropped connection',
    set: (o, v) => { o.dropAfterCommitRate = share('drop-after-commit-rate', v); },
  },
  { name: 'rate-limit', value: 'N', help: 'calls per client per minute before 429 (default 1000)', set: (o, v) => { o.rateLimit = whole('rate-limit', v); } },
  {
    name: 'page-size', value: 'N', help: 'transactions per page, with _links.next (default: one page, as at CEC)',
    set: (o, v) => { o.pageSize = whole('page-size', v, 1); },
  },
  { name: 'token-ttl', value: 'N', help: 'access-token lifetime in seconds (default 3595)', set: (o, v) => { o.tokenTtl = whole('token-ttl', v); } },
  {
    name: 'settle-ms', value: 'N', help: 'time from PSU confirmation to final payment status (default 5000)',
    set: (o, v) => { o.settleMs = whole('settle-ms', v); },
  },
  {
    name: 'data-dir', value: 'DIR', help: "keep the bank's state across restarts (owner-only; secrets as digests)",
    set: (o, v) => {
      if (v === '') throw new RangeError('data-dir must name a folder');
      o.dataDir = v;
    },
  },
  {
    name: 'dialect', value: dialects.join('|'),
    help: "CEC's forms (default) or a second bank's valid ones: nulls, 3.32E3 amounts, numeric ids",
    set: (o, v) => {
      if (!isDialect(v)) throw new RangeError(`dialect must be one of ${dialects.join(', ')}, not "${v}"`);
      o.dialect = v;
    },
  },
  { name: 'log', help: 'one line per request on stderr', set: (o, v) => { o.log = flag('log', v); } },
];

/** Whether a name takes no value on the command line (`--log`); as a pair it takes true|false. */
export const isFlag = (name: string): boolean => optionNames.find((o) => o.name === name)?.value === undefined;

/**
 * Maps knob names to the bank's options, each value checked. An unknown name or a bad value is
 * an error that names the valid choices, so a typo in `--sandbox-option` never passes silently.
 */
export function sandboxOptionsFrom(pairs: Readonly<Record<string, string>>): SandboxOptions {
  const options: SandboxOptions = {};
  for (const [name, text] of Object.entries(pairs)) {
    const known = optionNames.find((o) => o.name === name);
    if (known === undefined) {
      throw new RangeError(`unknown sandbox option "${name}"; valid names: ${optionNames.map((o) => o.name).join(', ')}`);
    }
    known.set(options, text);
  }
  return options;
}

/** `NAME=VALUE` texts (as `--sandbox-option` takes them) as pairs; a repeated name is an error. */
export function optionPairs(texts: readonly string[]): Record<string, string> {
  const pairs: Record<string, string> = {};
  for (const text of texts) {
    const at = text.indexOf('=');
    if (at <= 0) throw new RangeError(`sandbox option "${text}" must be NAME=VALUE`);
    const name = text.slice(0, at);
    if (Object.hasOwn(pairs, name)) throw new RangeError(`sandbox option "${name}" is given twice`);
    pairs[name] = text.slice(at + 1);
  }
  return pairs;
}

/** The usage lines of every knob, as `--help` prints them. */
export function optionUsage(): string {
  return optionNames
    .map((o) => {
      const left = `  --${o.name}${o.value === undefined ? '' : ` ${o.value}`}`;
      return `${left.padEnd(32)}${o.help}`;
    })
    .join('\n');
}
