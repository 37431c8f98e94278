import pLimit from 'p-limit';
import type { ConnectionService } from '../connections/connection-service.js';
import { pacedFetch, type PacedFetchOptions } from '../http/paced-fetch.js';
import type { ResolvedBank } from '../profiles/bank-environments.js';

/** How a run treats each bank's API. */
export interface BankPacing {
  /** Requests in flight to one bank at most. */
  concurrency: number;
  /** Wraps the bank's fetch for the run (the paced fetch: cap, rate-limit headers, retries). */
  wrap?: (inner: typeof fetch, concurrency: number) => typeof fetch;
}

/**
 * CEC's: four requests in flight, the gateway's per-minute limit paced and its 429s waited out,
 * idempotent reads retried with backoff (core/http/paced-fetch.ts). `options` tunes the pacer.
 */
export function pacedBank(concurrency = 4, options: Omit<PacedFetchOptions, 'concurrency'> = {}): BankPacing {
  return { concurrency, wrap: (inner, cap) => pacedFetch(inner, { ...options, concurrency: cap }) };
}

export const DEFAULT_PACING: BankPacing = pacedBank();

/**
 * A request's whole time, its waits included: longer than the pacer's longest 429 wait (120 s),
 * so a wait is not cut short as "offline"; a hung exchange is the pacer's to retry (30 s).
 */
const REQUEST_TIMEOUT_MS = 150_000;

/**
 * One sync run's view of the banks: each profile is resolved once (its environment, client
 * secret and TLS agent) and its fetch wrapped once, so every request of the run to that bank
 * goes through one cap; the requests are counted.
 */
export class BankRun {
  private readonly banks = new Map<string, Promise<ResolvedBank>>();
  requests = 0;

  /**
   * @param pacedFor the paced fetch of a profile, kept by the engine across runs: what the pacer
   *   learned of the gateway's window (a 429's Retry-After, the calls left) outlives one run, so a
   *   run that starts right after another does not run into the limit again.
   */
  constructor(
    private readonly connections: ConnectionService,
    private readonly pacing: BankPacing,
    private readonly pacedFor: (profileId: string, inner: typeof fetch) => typeof fetch,
  ) {}

  bank(connectionId: string): Promise<ResolvedBank> {
    const profileId = this.connections.get(connectionId).profileId;
    let bank = this.banks.get(profileId);
    if (bank === undefined) {
      bank = this.connections.resolve(connectionId).then((resolved) => this.paced(profileId, resolved));
      // A failed resolution is not kept: the next connection of the profile tries again.
      bank.catch(() => this.banks.delete(profileId));
      this.banks.set(profileId, bank);
    }
    return bank;
  }

  /**
   * Runs `work` for every job, a few more at once than the request cap: each account's pages
   * come one after another, so with one spare account every request slot stays busy while the
   * others parse and store.
   */
  async forEachAccount<T>(jobs: readonly T[], work: (job: T) => Promise<void>): Promise<void> {
    const limit = pLimit(this.pacing.concurrency + 1);
    await Promise.all(jobs.map((job) => limit(() => work(job))));
  }

  private paced(profileId: string, bank: ResolvedBank): ResolvedBank {
    const paced = this.pacedFor(profileId, bank.psd2.fetch);
    // Counted outside the pacer: requests the run asked for, not the attempts retries made of them.
    const fetchFn: typeof fetch = (input, init) => {
      this.requests += 1;
      return paced(input, init);
    };
    return { ...bank, psd2: { ...bank.psd2, fetch: fetchFn, timeoutMs: this.pacing.wrap === undefined ? bank.psd2.timeoutMs : REQUEST_TIMEOUT_MS } };
  }
}
