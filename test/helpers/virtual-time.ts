import type { Sleep } from '../../core/http/backoff.js';

/**
 * A clock that moves only when everyone waits: sleepers wake in the order of their deadlines,
 * and time stands still while a request tracked by `track` is in flight (the network takes no
 * time). Given to the sandbox bank (`now`) and to the code under test (`now`, `sleep`), it lets
 * minutes of rate-limit windows and Retry-After pass in milliseconds, in a real order.
 */
export interface VirtualTime {
  now(): number;
  date(): Date;
  /** Milliseconds since the start. */
  elapsed(): number;
  advance(ms: number): void;
  sleep: Sleep;
  /** `f`, with the clock held still while each of its requests is out. */
  track(f: typeof fetch): typeof fetch;
}

export function virtualTime(start = Date.parse('2027-01-14T10:00:00Z')): VirtualTime {
  let t = start;
  let inFlight = 0;
  let scheduled = false;
  const sleepers: { deadline: number; seq: number; wake: () => void }[] = [];
  let seq = 0;

  /** Wakes the earliest sleeper once nothing is in flight, then looks again on the next turn of the event loop. */
  const pump = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      if (inFlight > 0 || sleepers.length === 0) return;
      sleepers.sort((a, b) => a.deadline - b.deadline || a.seq - b.seq);
      const next = sleepers.shift();
      if (next === undefined) return;
      t = Math.max(t, next.deadline);
      next.wake();
      pump();
    });
  };

  return {
    now: () => t,
    date: () => new Date(t),
    elapsed: () => t - start,
    advance: (ms) => void (t += ms),
    sleep: (ms, signal) =>
      new Promise<void>((resolve, reject) => {
        if (signal?.aborted === true) {
          reject(signal.reason);
          return;
        }
        sleepers.push({ deadline: t + Math.max(0, ms), seq: seq++, wake: resolve });
        pump();
      }),
    track: (f) => async (input, init) => {
      inFlight += 1;
      try {
        return await f(input, init);
      } finally {
        inFlight -= 1;
        pump();
      }
    },
  };
}
