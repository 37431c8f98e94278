import { AsyncLocalStorage } from 'node:async_hooks';

/** One HTTP exchange with the bank, as the log keeps it: never a header value, body or query. */
export interface BankExchange {
  method: string;
  /** Origin and path, without the query (page tokens, dates). */
  url: string;
  status: number;
  /** The answer's `X-Request-ID` (Berlin Group banks echo ours), else the one we sent. */
  requestId?: string;
  ms: number;
}

/** Enough to find the failing call at the bank; a long sync keeps its latest exchanges. */
const KEPT = 20;

const current = new AsyncLocalStorage<BankExchange[]>();

/**
 * Runs one call of the contract with its own record of bank exchanges, so an error it ends in
 * is logged with the bank's request ids (see `logFailure`).
 */
export function recordingExchanges<T>(run: () => Promise<T>): Promise<T> {
  return current.run([], run);
}

/** Called by `send` for every answer; outside a recorded call it does nothing. */
export function noteExchange(exchange: BankExchange): void {
  const list = current.getStore();
  if (list === undefined) return;
  list.push(exchange);
  if (list.length > KEPT) list.shift();
}

/** The exchanges of the call running now, oldest first. */
export function exchangesSoFar(): readonly BankExchange[] {
  return current.getStore() ?? [];
}
