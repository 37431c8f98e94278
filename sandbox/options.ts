import { isDialect, type Dialect } from './dialect.js';

/** How a sandbox bank is started: from `npm run sandbox` flags or by `startSandbox(options)`. */
export interface SandboxOptions {
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  /** Seed of the demo data; the same seed gives the same bank. */
  seed?: number;
  /** Accounts per PSU (at least 4) — a scale knob for benchmarks. */
  accounts?: number;
  /** Booked transactions per account — a scale knob for benchmarks. */
  transactionsPerAccount?: number;
  /** Delay added to every answer, in milliseconds. */
  latencyMs?: number;
  /** Share (0..1) of API calls answered with 500/503 or a dropped connection. */
  faultRate?: number;
  /**
   * Share (0..1) of payment initiations (single and bulk) that the bank commits — the payment
   * exists, counted, its pages work — and then answers with a dropped connection, so a client
   * meets "the answer was lost" (see docs/sandbox-control.md for forcing it in tests).
   */
  dropAfterCommitRate?: number;
  /** Gateway limit of calls per client per minute; beyond it, 429 with Retry-After. */
  rateLimit?: number;
  /** `_links.next` page size for transaction reports; none (one page) by default, as at CEC. */
  pageSize?: number;
  /** Access-token lifetime in seconds (CEC: 3595). */
  tokenTtl?: number;
  /** Time from the PSU's confirmation to a payment's final status, in milliseconds. */
  settleMs?: number;
  /** Authorization-code lifetime in seconds (§5: 60). */
  codeTtl?: number;
  /** Folder that keeps the bank's state across restarts; memory only when absent. */
  dataDir?: string;
  /** The bank's clock; tests move it to cross days and lifetimes. */
  now?: () => Date;
  /** Largest accepted request body, in bytes. */
  bodyLimit?: number;
  /** Print one line per request to stderr. */
  log?: boolean;
  /** Which valid Berlin Group forms the bank answers in: CEC's own, or a second bank's (see dialect.ts). */
  dialect?: Dialect;
}

export type ResolvedOptions = Required<Omit<SandboxOptions, 'dataDir' | 'pageSize' | 'transactionsPerAccount'>> &
  Pick<SandboxOptions, 'dataDir' | 'pageSize' | 'transactionsPerAccount'>;

const defaultOptions = {
  port: 0,
  seed: 42,
  accounts: 4,
  latencyMs: 0,
  faultRate: 0,
  dropAfterCommitRate: 0,
  rateLimit: 1000,
  tokenTtl: 3595,
  settleMs: 5000,
  codeTtl: 60,
  bodyLimit: 1_048_576,
  log: false,
  dialect: 'cec',
} as const;

export function resolveOptions(o: SandboxOptions): ResolvedOptions {
  const resolved: ResolvedOptions = {
    ...defaultOptions,
    now: () => new Date(),
    ...Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)),
  };
  if (resolved.accounts < 4) throw new RangeError('accounts must be at least 4 (RON, EUR, savings, card)');
  if (resolved.faultRate < 0 || resolved.faultRate > 1) throw new RangeError('faultRate must be between 0 and 1');
  if (resolved.dropAfterCommitRate < 0 || resolved.dropAfterCommitRate > 1) throw new RangeError('dropAfterCommitRate must be between 0 and 1');
  if (!isDialect(resolved.dialect)) throw new RangeError("dialect must be 'cec' or 'loose'");
  if (resolved.pageSize !== undefined && resolved.pageSize < 1) throw new RangeError('pageSize must be at least 1');
  return resolved;
}
