import { randomBytes } from 'node:crypto';
import { secretMatches } from './guards.js';

/** How long a launch ticket may wait for the browser to start and redeem it. */
const TICKET_TTL_MS = 60_000;

export interface LaunchTicket {
  ticket: string;
  /** Settles once the ticket can no longer be used: redeemed, expired or withdrawn. */
  done: Promise<void>;
}

interface Pending {
  ticket: string;
  end: () => void;
}

/**
 * Single-use tickets that the opened page trades once for the per-launch secret, so opening the
 * browser never hands the secret to a process argument (other local users can read
 * `/proc/<pid>/cmdline`). A ticket works once, for a short while; the host hands it to the
 * browser through a file only its user can read (see `openLaunchPage`), never on a command line.
 */
export class LaunchTickets {
  readonly #pending = new Set<Pending>();

  constructor(private readonly ttlMs = TICKET_TTL_MS) {}

  issue(): LaunchTicket {
    const ticket = randomBytes(32).toString('base64url');
    let end!: () => void;
    const done = new Promise<void>((resolve) => (end = resolve));
    const entry: Pending = { ticket, end: () => {} };
    const timer = setTimeout(() => this.#drop(entry), this.ttlMs);
    timer.unref?.();
    entry.end = () => {
      clearTimeout(timer);
      end();
    };
    this.#pending.add(entry);
    return { ticket, done };
  }

  /** True exactly once per live ticket; every comparison runs in constant time. */
  redeem(presented: unknown): boolean {
    if (typeof presented !== 'string' || presented === '') return false;
    for (const entry of this.#pending) {
      if (secretMatches(presented, entry.ticket)) {
        this.#drop(entry);
        return true;
      }
    }
    return false;
  }

  /** The host is closing: no ticket outlives it. */
  withdrawAll(): void {
    for (const entry of [...this.#pending]) this.#drop(entry);
  }

  #drop(entry: Pending): void {
    if (!this.#pending.delete(entry)) return;
    entry.end();
  }
}
