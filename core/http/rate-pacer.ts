import type { Sleep } from './backoff.js';
import type { RateLimitReading } from './rate-limit-headers.js';

export interface RatePacerOptions {
  /**
   * The gateway's window when its answers do not say when the quota resets. CEC's headers carry
   * no reset; its gateway (and the sandbox's) counts calls per client per minute.
   */
  windowMs: number;
  /** Requests that can be in flight at once: they spend from the quota before their answers tell. */
  concurrency: number;
  /** Share of the quota kept as a reserve (pacing starts when fewer calls than that are left). */
  reserveShare: number;
  now: () => number;
  sleep: Sleep;
}

/** Longest a waiting request sleeps before it looks again: a 429 may have moved the window meanwhile. */
const RECHECK_MS = 1_000;

/** Time one request spent waiting for its turn. */
export interface TurnWaits {
  /** Spreading the last calls of a window. */
  pacedMs: number;
  /** Behind a 429's `Retry-After`. */
  gatedMs: number;
}

/**
 * Decides when the next request may leave, from what the gateway's answers say of its quota.
 *
 * While more calls are left than the reserve (max(concurrency, reserveShare × limit)) requests go
 * at once. Below it, the calls left are spread over the rest of the window: one every
 * `timeLeft / callsLeft`, the calls still in flight counted as spent; with none left, nothing
 * leaves until the window ends. The window's end is estimated so it is never before the
 * gateway's: a window is taken to start at the first answer seen in it (the gateway started it
 * earlier, when it counted the call) and to last `windowMs`, unless the answer gives a reset.
 * A new window is recognised by the estimate running out, or by the count rising by more than
 * the answers in flight could reorder. A 429 with `Retry-After` closes a gate nothing passes
 * and starts a new window when it opens. Waiting requests look again every second, so a gate or
 * a new window takes effect for them too.
 */
export class RatePacer {
  private remaining: number | undefined;
  private limit: number | undefined;
  private windowEnd = Number.NEGATIVE_INFINITY;
  private gateUntil = Number.NEGATIVE_INFINITY;
  private nextAt = Number.NEGATIVE_INFINITY;
  private inFlight = 0;

  constructor(private readonly options: RatePacerOptions) {}

  /** Waits until a request may leave, then counts it as in flight. Rejects at once when `signal` aborts. */
  async turn(signal?: AbortSignal): Promise<TurnWaits> {
    const waits: TurnWaits = { pacedMs: 0, gatedMs: 0 };
    const { now, sleep } = this.options;
    for (;;) {
      const t = now();
      const gate = this.gateUntil - t;
      const hold = Math.max(this.nextAt - t, this.noneLeftFor(t));
      if (gate <= 0 && hold <= 0) break;
      const kind = gate > 0 ? 'gatedMs' : 'pacedMs';
      await sleep(Math.min(Math.max(gate, hold), RECHECK_MS), signal);
      waits[kind] += Math.max(0, now() - t);
    }
    const t = now();
    this.nextAt = t + this.spacing(t);
    this.inFlight += 1;
    return waits;
  }

  /** A request's answer (or failure) came back; `reading` is what its headers said of the quota. */
  answered(reading: RateLimitReading | undefined, at: number): void {
    this.inFlight -= 1;
    // Answers landing while a gate is closed were counted before the 429 that closed it.
    if (reading === undefined || at < this.gateUntil) return;
    const rose = this.remaining !== undefined && reading.remaining > this.remaining + this.options.concurrency;
    const fresh = this.remaining === undefined || at >= this.windowEnd || rose;
    this.remaining = fresh ? reading.remaining : Math.min(this.remaining ?? reading.remaining, reading.remaining);
    if (reading.limit !== undefined) this.limit = reading.limit;
    if (reading.resetMs !== undefined) this.windowEnd = at + reading.resetMs;
    else if (fresh) this.windowEnd = at + this.options.windowMs;
  }

  /** The gateway refused for now and said until when: nothing leaves before, and a new window starts then. */
  closeUntil(at: number): void {
    this.gateUntil = Math.max(this.gateUntil, at);
    this.remaining = undefined;
    this.windowEnd = this.gateUntil;
  }

  /** Calls left in the window that are not already on their way, or undefined when the window is not known. */
  private callsLeft(t: number): number | undefined {
    if (this.remaining === undefined || t >= this.windowEnd) return undefined;
    return this.remaining - this.inFlight;
  }

  private noneLeftFor(t: number): number {
    const left = this.callsLeft(t);
    return left !== undefined && left <= 0 ? this.windowEnd - t : 0;
  }

  private spacing(t: number): number {
    const left = this.callsLeft(t);
    if (left === undefined) return 0;
    const reserve = Math.max(this.options.concurrency, Math.ceil(this.options.reserveShare * (this.limit ?? 0)));
    if (left > reserve) return 0;
    return (this.windowEnd - t) / Math.max(1, left);
  }
}
