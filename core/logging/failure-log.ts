import type { AppError, Handlers } from '../../common/index.js';
import { isUnexpected, toAppError } from '../errors.js';
import { exchangesSoFar, recordingExchanges } from './bank-exchanges.js';
import type { Logger } from './logger.js';

/**
 * Writes a failure the person is about to see, and returns what they see. An unexpected error
 * (a bug: it reaches them as INTERNAL) goes in at `error` with its stack; an error the app
 * could not make sense of (`failed`, `misconfigured`) at `warn` with its stack too; the rest
 * (offline, cancelled, limits…) at `info`, code and state only. Each with the bank's request
 * ids of the call, so the bank's support can find it.
 */
export function logFailure(logger: Logger, error: unknown, context: Record<string, unknown>): AppError {
  const shown = toAppError(error);
  const exchanges = exchangesSoFar();
  const bankRequestId = shown.requestId ?? exchanges.at(-1)?.requestId;
  const fields = { ...context, code: shown.code, state: shown.state, ...(bankRequestId !== undefined && { bankRequestId }), exchanges };
  if (isUnexpected(error)) logger.error({ ...fields, err: error }, 'unexpected error');
  else if (shown.state === 'failed' || shown.state === 'misconfigured') logger.warn({ ...fields, err: error }, 'call failed');
  else logger.info(fields, 'call failed');
  return shown;
}

/**
 * The contract's handlers with every failure logged (and rethrown for `dispatch` to turn into a
 * Result), and every call's bank exchanges at `debug`. Nothing else of a call is logged: its
 * input may hold a password or a client secret.
 */
export function withFailureLog(logger: Logger, handlers: Handlers): Handlers {
  const logged: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const [method, handler] of Object.entries(handlers) as [string, (input: unknown) => Promise<unknown>][]) {
    logged[method] = (input) =>
      recordingExchanges(async () => {
        const started = Date.now();
        try {
          const value = await handler(input);
          logger.debug({ method, ms: Date.now() - started, exchanges: exchangesSoFar() }, 'call');
          return value;
        } catch (error) {
          logFailure(logger, error, { method, ms: Date.now() - started });
          throw error;
        }
      });
  }
  return logged as unknown as Handlers;
}
