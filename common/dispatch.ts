import { isMethodName, methods, type Handlers } from './contract.js';
import { err, ok, type AppError, type Result } from './result.js';

/**
 * Runs one call from the renderer on the privileged side: the method must exist and its input
 * must pass the contract's schema before any handler runs; whatever happens comes back as a
 * serialisable Result, never as a thrown error.
 */
export async function dispatch(handlers: Handlers, method: unknown, input: unknown, toAppError: (error: unknown) => AppError): Promise<Result<unknown>> {
  if (!isMethodName(method)) {
    return err({ code: 'UNKNOWN_METHOD', state: 'failed', message: `no method ${JSON.stringify(String(method)).slice(0, 80)}`, retryable: false });
  }
  const parsed = methods[method].input.safeParse(input ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'input';
    return err({ code: 'INVALID_INPUT', state: 'invalid-input', message: `${method}: ${where} ${issue?.message ?? 'is invalid'}`, retryable: false });
  }
  try {
    const handler = handlers[method] as (input: unknown) => Promise<unknown>;
    return ok(await handler(parsed.data));
  } catch (error) {
    return err(toAppError(error));
  }
}
