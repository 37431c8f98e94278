import { chmodSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import pinoRoll from 'pino-roll';

/** The app's one logger; core takes it as a parameter (`CoreWorld.logger`). */
export type Logger = pino.Logger;

export interface LoggerOptions {
  /**
   * The folder of the log files, inside the data folder; made 0700, its files 0600. Undefined for
   * an ephemeral run, which promises to keep nothing: the log then goes to stderr only.
   */
  dir: string | undefined;
  /** `info` by default: failures and what the app did; `debug` adds every bank exchange (method, path, status, request id). */
  level?: pino.LevelWithSilent;
  /** Size of one file before it rolls over (pino-roll syntax). */
  size?: string;
  /** Files kept in all, the current one included, whichever run wrote them. */
  keep?: number;
}

/** The base name; pino-roll numbers the files `conturi.1.log`, `conturi.2.log`… */
const LOG_FILE_BASE = 'conturi.log';

/**
 * Keys whose value is a secret wherever they sit: bearer tokens, refresh tokens, authorization
 * codes and PKCE verifiers, client secrets, passwords, private keys, session cookies. Both the
 * wire's spelling and ours. `code` alone is not listed: it is also every error's code, which
 * the log must keep; the authorization code is redacted under the names it travels in.
 */
export const SECRET_KEYS = [
  'authorization', 'Authorization', 'cookie', 'Cookie', 'set-cookie', 'x-conturi-secret',
  'access_token', 'accessToken', 'refresh_token', 'refreshToken', 'id_token', 'idToken', 'token',
  'authorization_code', 'authorizationCode', 'code_verifier', 'codeVerifier',
  'client_secret', 'clientSecret', 'secret', 'password', 'passphrase',
  'privateKeyPem', 'privateKey', 'private_key', 'key',
] as const;

/** Objects that carry an authorization code under the plain name `code`. */
const CODE_PARENTS = ['grant', 'callback', 'query', 'params', 'form', 'body'] as const;

/** Nesting depth the wildcards reach: `key`, `*.key`, `*.*.key`, `*.*.*.key`. */
const DEPTH = 4;

const at = (key: string) => (/^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`);
const join2 = (prefix: string, key: string) => (prefix === '' ? at(key) : at(key).startsWith('[') ? `${prefix}${at(key)}` : `${prefix}.${at(key)}`);

function redactPaths(): string[] {
  const prefixes = Array.from({ length: DEPTH }, (_, depth) => Array.from({ length: depth }, () => '*').join('.'));
  const leaves = [...SECRET_KEYS.map((k) => [k]), ...CODE_PARENTS.map((parent) => [parent, 'code'])];
  return prefixes.flatMap((prefix) => leaves.map((leaf) => leaf.reduce(join2, prefix)));
}

/** The redaction the logger applies; exported for the test that proves it. */
const REDACT_PATHS: readonly string[] = redactPaths();

/**
 * The one redacting logger of the app: JSON lines into a rolling file in the data folder,
 * written in-process (Electron bundles main with esbuild, so no worker-thread transport) and
 * synchronously, so the line about a crash is on disk before the process ends.
 */
export async function createLogger(options: LoggerOptions): Promise<Logger> {
  if (options.dir === undefined) return pino(loggerOptions(options), pino.destination({ fd: 2, sync: true }));
  mkdirSync(options.dir, { recursive: true, mode: 0o700 });
  chmodSync(options.dir, 0o700);
  // A file left by an earlier run keeps its mode when reopened: tighten it first.
  for (const name of readdirSync(options.dir)) if (/^conturi\..*log$/.test(name)) chmodSync(join(options.dir, name), 0o600);
  const stream = await pinoRoll({
    file: join(options.dir, LOG_FILE_BASE),
    size: options.size ?? '5m',
    // Files of earlier runs count too: else every launch would leave its files behind.
    limit: { count: options.keep ?? 5, removeOtherLogFiles: true },
    mkdir: true,
    sync: true,
    mode: 0o600,
  });
  return pino(loggerOptions(options), stream);
}

/** The same redaction and format wherever the log goes. */
function loggerOptions(options: LoggerOptions): pino.LoggerOptions {
  return {
    level: options.level ?? 'info',
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
    serializers: { err: pino.stdSerializers.err },
  };
}

/** The files the logger wrote, oldest first (for a test, or a "send the log" action). */
export function logFiles(dir: string): string[] {
  const number = (name: string) => Number(/\.(\d+)\.log$/.exec(name)?.[1] ?? 0);
  return readdirSync(dir).filter((name) => /^conturi\.\d+\.log$/.test(name)).sort((a, b) => number(a) - number(b)).map((name) => join(dir, name));
}

/** The file the logger in `dir` writes now (the highest-numbered one); null without a folder or before its first file. */
export function currentLogFile(dir: string | undefined): string | null {
  if (dir === undefined || !existsSync(dir)) return null;
  return logFiles(dir).at(-1) ?? null;
}
