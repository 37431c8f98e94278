/**
 * Accounts read side by side finish their reports together (the same page counts, started
 * together under the request cap), and their all-or-nothing writes, each hundreds of
 * milliseconds for a large history, would then run back to back: the event loop that answers
 * the app (Electron's IPC, browser mode's host) held for all of them at once (bench:
 * sync.full.event_loop_max_ms). Each write here waits for the one before it and then for a turn
 * of the loop in which timers and I/O are served, so at most one write holds the loop at a time.
 */
export type WriteTurn = <T>(write: () => T) => Promise<T>;

/** A turn after the timers (setTimeout) and the I/O poll (setImmediate runs after it). */
const loopTurn = (): Promise<void> => new Promise((resolve) => setTimeout(() => setImmediate(resolve), 0));

export function writeTurns(): WriteTurn {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(write: () => T): Promise<T> => {
    const turn = last.then(loopTurn).then(write);
    // A failed write is its own account's failure; the next one still gets its turn.
    last = turn.catch(() => undefined);
    return turn;
  };
}
