import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Bad usage: the CLI prints this line and the usage text, and exits 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** The options every command takes, before the command or after it. */
const GLOBAL_OPTIONS = {
  'data-dir': { type: 'string' },
  ephemeral: { type: 'boolean' },
  'sandbox-option': { type: 'string', multiple: true },
  'callback-port': { type: 'string' },
  debug: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

export interface GlobalOptions {
  dataDir: string | undefined;
  ephemeral: boolean;
  /** `NAME=VALUE` texts for the embedded sandbox, as given. */
  sandboxOptions: string[];
  /** The loopback port the bank redirects to after sign-in. */
  callbackPort: number | undefined;
  /** Stack traces of unexpected failures on stderr. */
  debug: boolean;
  help: boolean;
}

export interface CommandLine {
  global: GlobalOptions;
  /** Undefined when none was named (only `--help`, or nothing at all). */
  command: string | undefined;
  /** What follows the command name, for the command's own parser. */
  rest: string[];
}

/** Names of the global options that take a value, so the value is not taken for the command. */
const TAKES_VALUE = new Set(Object.entries(GLOBAL_OPTIONS).filter(([, o]) => o.type === 'string').map(([name]) => `--${name}`));

/** Splits `[global options] <command> [its arguments]`; the command's own parser reads the rest. */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  let at = 0;
  while (at < argv.length && (argv[at] as string).startsWith('-')) {
    const token = argv[at] as string;
    at += TAKES_VALUE.has(token) ? 2 : 1;
  }
  const parsed = parseStrict(argv.slice(0, Math.min(at, argv.length)), {}, 0);
  return { global: parsed.global, command: argv[at], rest: argv.slice(at + 1) };
}

export interface CommandArgs<O extends Options> {
  values: ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>['values'];
  positionals: string[];
  /** The global options as given after the command too. */
  global: GlobalOptions;
}

/**
 * A command's own options and positionals (at most `maxPositionals`); the global options are
 * accepted among them and merged over the ones before the command.
 */
export function parseCommand<O extends Options>(line: CommandLine, options: O, maxPositionals: number): CommandArgs<O> {
  const parsed = parseStrict(line.rest, options, maxPositionals);
  const before = line.global;
  const after = parsed.global;
  return {
    values: parsed.values as CommandArgs<O>['values'],
    positionals: parsed.positionals,
    global: {
      dataDir: after.dataDir ?? before.dataDir,
      ephemeral: before.ephemeral || after.ephemeral,
      sandboxOptions: [...before.sandboxOptions, ...after.sandboxOptions],
      callbackPort: after.callbackPort ?? before.callbackPort,
      debug: before.debug || after.debug,
      help: before.help || after.help,
    },
  };
}

function parseStrict(args: string[], options: Options, maxPositionals: number) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...GLOBAL_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    // node:util's own wording ("Unknown option '--x'…") is clear; its code prefix is not for people.
    throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
  }
  if (parsed.positionals.length > maxPositionals) throw new UsageError(`unexpected argument "${parsed.positionals[maxPositionals] as string}"`);
  const v = parsed.values as Record<string, string | string[] | boolean | undefined>;
  return {
    values: parsed.values,
    positionals: parsed.positionals,
    global: {
      dataDir: v['data-dir'] as string | undefined,
      ephemeral: v['ephemeral'] === true,
      sandboxOptions: (v['sandbox-option'] as string[] | undefined) ?? [],
      callbackPort: v['callback-port'] === undefined ? undefined : portNumber(v['callback-port'] as string),
      debug: v['debug'] === true,
      help: v['help'] === true,
    } satisfies GlobalOptions,
  };
}

function portNumber(text: string): number {
  const n = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1 && n <= 65_535)) throw new UsageError(`--callback-port must be a port from 1 to 65535, not "${text}"`);
  return n;
}

/** An ISO calendar date `YYYY-MM-DD` that exists. */
export function isoDate(option: string, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const time = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : NaN;
  // Date.parse rolls 2025-02-30 over to March: only a date that reads back the same exists.
  const valid = !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
  if (!valid) throw new UsageError(`--${option} must be a date as YYYY-MM-DD, not "${text}"`);
  return text;
}
