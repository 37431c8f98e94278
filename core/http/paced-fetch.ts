import pLimit from 'p-limit';
import { fullJitterDelay, sleep as realSleep, type BackoffPolicy, type Sleep } from './backoff.js';
import { readRateLimit } from './rate-limit-headers.js';
import { RatePacer } from './rate-pacer.js';
import { retryAfterMs } from './retry-after.js';

export interface PacedFetchOptions {
  /** Requests in flight at once through this fetch (one bank). */
  concurrency?: number;
  /** Attempts of one request, the first included. */
  maxAttempts?: number;
  /** Longest one attempt waits for its answer's headers before it counts as a network failure. */
  attemptTimeoutMs?: number;
  /** Longest one request waits in all before its last answer is returned as it is (429 gates and backoff). */
  maxWaitMs?: number;
  backoff?: BackoffPolicy;
  /** The gateway's window when its answers give no reset (CEC: one minute). */
  windowMs?: number;
  /** Share of the quota kept in reserve before pacing starts (at least `concurrency` calls). */
  reserveShare?: number;
  sleep?: Sleep;
  /** In [0, 1): the jitter of backoff and of 429 waits. */
  random?: () => number;
  /** Epoch milliseconds; the clock of waits, windows and HTTP-date `Retry-After`s. */
  now?: () => number;
}

/** What the sync engine and the benchmarks read of a paced fetch's work. */
export interface PacedFetchStats {
  /** Calls made to the paced fetch. */
  requests: number;
  /** Attempts handed to the bank's fetch (requests + retries). */
  sent: number;
  retries: number;
  /** 429s with `Retry-After` that were waited out and retried. */
  rateLimitWaits: number;
  /** Time spent waiting, summed over requests (concurrent waits each count): pacing, 429 gates, backoff; not queueing for a slot. */
  waitedMs: number;
  /** The part of `waitedMs` spent spreading a window's last calls. */
  pacedMs: number;
  /** Requests given up while retrying: their last answer or error went back to the caller. */
  exhausted: number;
  /** Requests abandoned because the caller's signal aborted. */
  aborted: number;
}

export type PacedFetch = typeof fetch & { readonly stats: Readonly<PacedFetchStats> };

const defaults = {
  concurrency: 4,
  maxAttempts: 5,
  attemptTimeoutMs: 30_000,
  maxWaitMs: 120_000,
  backoff: { baseMs: 250, capMs: 8_000 },
  windowMs: 60_000,
  reserveShare: 0.02,
} as const;

/** Statuses of a server or gateway that may answer differently a moment later. */
const TRANSIENT = new Set([500, 502, 503, 504]);
/** Only these are re-sent: a POST that failed may still have reached the bank (a payment must never go twice). */
const IDEMPOTENT = new Set(['GET', 'HEAD']);
/** A 429's wait gets up to this share on top, capped at a second, so clients that waited together do not return together. */
const GATE_JITTER_SHARE = 0.1;

type Outcome = { kind: 'answer'; res: Response } | { kind: 'failed'; error: unknown };
/** `exhausted`: retries were allowed but the attempts or the wait ran out. */
type Decision =
  | { kind: 'return'; res: Response; exhausted?: boolean }
  | { kind: 'throw'; error: unknown; exhausted?: boolean }
  | { kind: 'retry'; delayMs: number; rateLimited?: boolean };

/**
 * The bank's `fetch`, made polite and resilient for a sync run: at most `concurrency` requests
 * in flight; below the gateway's reserve the remaining calls are spread over the window (see
 * RatePacer); a 429 with `Retry-After` (the gateway's per-minute limit) holds every request
 * until then, and a GET or HEAD that met it is sent again while its wait stays under
 * `maxWaitMs`; a 429 without it (the bank's daily budget of unattended reads) is returned as it
 * is. Network failures and 500/502/503/504 of a GET or HEAD are retried with full-jitter backoff
 * (a 503's `Retry-After` honoured), as the same request with the same headers (its
 * `X-Request-ID` too). No other method is ever re-sent.
 *
 * A slot is held from sending to the answer's headers; the caller reads the body outside it.
 * An abort of the caller's signal stops any wait or queue at once. send()'s timeout is such a
 * signal, so it spans the queue and the waits too: a sync run should give send() a `timeoutMs`
 * that covers them (`maxWaitMs` and more) and leave hung exchanges to `attemptTimeoutMs`.
 */
export function pacedFetch(inner: typeof fetch, options: PacedFetchOptions = {}): PacedFetch {
  const o = { ...defaults, ...options };
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const limit = pLimit(o.concurrency);
  const pacer = new RatePacer({ windowMs: o.windowMs, concurrency: o.concurrency, reserveShare: o.reserveShare, now, sleep });
  const stats: PacedFetchStats = { requests: 0, sent: 0, retries: 0, rateLimitWaits: 0, waitedMs: 0, pacedMs: 0, exhausted: 0, aborted: 0 };

  /** One attempt, in a slot: its turn with the pacer, then the exchange. */
  const attempt = async (input: Parameters<typeof fetch>[0], init: RequestInit | undefined, signal: AbortSignal | undefined): Promise<Outcome & { gatedMs: number }> => {
    signal?.throwIfAborted();
    const waits = await pacer.turn(signal);
    stats.waitedMs += waits.pacedMs + waits.gatedMs;
    stats.pacedMs += waits.pacedMs;
    stats.sent += 1;
    // The exchange's own deadline, to its headers: a hung attempt is a failure to retry, while the
    // caller's signal (send()'s timeout) may be set long enough to cover the waits between attempts.
    const headersDue = new AbortController();
    const timer = setTimeout(() => headersDue.abort(new DOMException(`no answer within ${o.attemptTimeoutMs} ms`, 'TimeoutError')), o.attemptTimeoutMs);
    try {
      const res = await inner(input, { ...init, signal: signal === undefined ? headersDue.signal : AbortSignal.any([signal, headersDue.signal]) });
      pacer.answered(readRateLimit(res.headers, now()), now());
      return { kind: 'answer', res, gatedMs: waits.gatedMs };
    } catch (error) {
      pacer.answered(undefined, now());
      return { kind: 'failed', error, gatedMs: waits.gatedMs };
    } finally {
      clearTimeout(timer);
    }
  };

  /** What to do after attempt `n`: hand its answer or error back, or try again after `delayMs`. */
  const decide = (outcome: Outcome, n: number, waited: number, retryable: boolean, signal: AbortSignal | undefined): Decision => {
    const last = !retryable || n >= o.maxAttempts;
    if (outcome.kind === 'failed') {
      if (signal?.aborted === true || !retryable) return { kind: 'throw', error: outcome.error };
      const delayMs = fullJitterDelay(n, o.backoff, random);
      return last || waited + delayMs > o.maxWaitMs ? { kind: 'throw', error: outcome.error, exhausted: true } : { kind: 'retry', delayMs };
    }
    const { res } = outcome;
    const after = retryAfterMs(res.headers.get('retry-after'), now());
    if (res.status === 429) {
      // Without Retry-After it is the bank's daily budget, which no wait within a sync can cure.
      if (after === undefined || after > o.maxWaitMs) return { kind: 'return', res };
      const wait = after + random() * Math.min(1000, after * GATE_JITTER_SHARE);
      // Every request of this bank waits, this one or not: the gateway counts them all.
      pacer.closeUntil(now() + wait);
      if (last || waited + wait > o.maxWaitMs) return { kind: 'return', res, exhausted: retryable };
      // The wait itself happens at the gate, in the next attempt's turn.
      return { kind: 'retry', delayMs: 0, rateLimited: true };
    }
    if (!TRANSIENT.has(res.status) || !retryable) return { kind: 'return', res };
    const delayMs = Math.max(fullJitterDelay(n, o.backoff, random), res.status === 503 && after !== undefined ? after : 0);
    return last || waited + delayMs > o.maxWaitMs ? { kind: 'return', res, exhausted: true } : { kind: 'retry', delayMs };
  };

  const paced = async (input: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> => {
    stats.requests += 1;
    const request = input instanceof Request ? input : undefined;
    const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
    const signal = init?.signal ?? request?.signal ?? undefined;
    const retryable = IDEMPOTENT.has(method);
    let waited = 0;
    try {
      for (let n = 1; ; n++) {
        const outcome = await inSlot(limit, () => attempt(input, init, signal), signal);
        waited += outcome.gatedMs;
        const next = decide(outcome, n, waited, retryable, signal);
        if (next.kind !== 'retry') {
          if (next.exhausted === true) stats.exhausted += 1;
          if (next.kind === 'throw') throw next.error;
          return next.res;
        }
        if (outcome.kind === 'answer') await discard(outcome.res);
        stats.retries += 1;
        if (next.rateLimited === true) stats.rateLimitWaits += 1;
        if (next.delayMs > 0) {
          const t = now();
          await sleep(next.delayMs, signal);
          const slept = Math.max(0, now() - t);
          waited += slept;
          stats.waitedMs += slept;
        }
      }
    } catch (error) {
      if (signal?.aborted === true) stats.aborted += 1;
      throw error;
    }
  };

  return Object.defineProperty(paced, 'stats', { get: () => ({ ...stats }), enumerable: true }) as PacedFetch;
}

/**
 * Runs `fn` in a slot of `limit`, leaving the queue the moment `signal` aborts (p-limit has no
 * signal of its own). An answer that lands after the abort is discarded so its socket is freed.
 */
function inSlot(limit: ReturnType<typeof pLimit>, fn: () => Promise<Outcome & { gatedMs: number }>, signal: AbortSignal | undefined): Promise<Outcome & { gatedMs: number }> {
  const run = limit(fn);
  if (signal === undefined) return run;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    run.then(
      (outcome) => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted && outcome.kind === 'answer') void discard(outcome.res);
        resolve(outcome);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Reads an answer that is being retried to its end, so its connection goes back to the pool. */
async function discard(res: Response): Promise<void> {
  try {
    await res.arrayBuffer();
  } catch {
    // The answer is thrown away; a body that failed mid-way has already let its connection go.
  }
}
