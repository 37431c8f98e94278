import type { UiErrorState } from './domain.js';

/**
 * What crosses the boundary between the privileged side and the renderer: a serialisable
 * result, never a thrown error (Electron keeps only `message` of a thrown one).
 */
export interface AppError {
  /** Stable machine code, e.g. `CONSENT_EXPIRED`, `invalid_grant`, `KEYCHAIN_UNAVAILABLE`. */
  code: string;
  /** What the UI shows and offers; decided where the error arose, so the renderer never reads `code`. */
  state: UiErrorState;
  /** A sentence for a person; never holds a secret. */
  message: string;
  /** True when the same call may succeed later without the person doing anything. */
  retryable: boolean;
  /** When the bank said to try again (`Retry-After`): seconds from the answer, or an ISO instant. */
  retryAfter?: number | string;
  /** The bank's `X-Request-ID` of the refused call: the reference its support asks for. */
  requestId?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (error: AppError): Result<never> => ({ ok: false, error });

/** Exhaustiveness check for switches over tagged unions. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
