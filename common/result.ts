/**
 * What crosses the boundary between the privileged side and the renderer: a serialisable
 * result, never a thrown error (Electron keeps only `message` of a thrown one).
 */
export interface AppError {
  /** Stable machine code, e.g. `CONSENT_EXPIRED`, `invalid_grant`, `KEYCHAIN_UNAVAILABLE`. */
  code: string;
  /** A sentence for a person; never holds a secret. */
  message: string;
  /** True when the same call may succeed later without the person doing anything. */
  retryable: boolean;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = (error: AppError): Result<never> => ({ ok: false, error });

/** Exhaustiveness check for switches over tagged unions. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
