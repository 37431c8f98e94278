import type { AppError, UiErrorState } from '../common/index.js';

/** One entry of a Berlin Group `tppMessages` array. */
export interface TppMessage {
  category: string;
  code: string;
  text?: string;
  path?: string;
}

/**
 * An HTTP error answer of the bank's PSD2 API. `code` is the first tppMessages code
 * (`CONSENT_EXPIRED`, `ACCESS_EXCEEDED`…), or `HTTP_<status>` when the body had none.
 * @see Berlin Group NextGenPSD2 1.3.12 §14.11.
 */
export class BankError extends Error {
  override readonly name = 'BankError';
  readonly code: string;

  constructor(
    readonly status: number,
    readonly tppMessages: TppMessage[],
    readonly requestId?: string,
    /** Seconds the bank asked us to wait (`Retry-After`). */
    readonly retryAfter?: number,
    options?: ErrorOptions,
  ) {
    const first = tppMessages[0];
    super(`bank answered ${status}${first ? ` ${first.code}${first.text ? `: ${first.text}` : ''}` : ''}`, options);
    this.code = first?.code ?? `HTTP_${status}`;
  }
}

/** An RFC 6749 error of the token endpoint, or one the bank sent back to the redirect. */
export class OAuthError extends Error {
  override readonly name = 'OAuthError';
  get code(): string {
    return this.error;
  }

  constructor(
    readonly error: string,
    readonly errorDescription?: string,
    readonly status?: number,
    options?: ErrorOptions,
  ) {
    super(`OAuth ${error}${errorDescription ? `: ${errorDescription}` : ''}`, options);
  }
}

/** The bank's answer broke the contract: wrong shape, wrong type, HTML where JSON was due. */
export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
  readonly code = 'PROTOCOL_ERROR';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/** Bad input from the person (an IBAN, an amount, a setting). */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  readonly code = 'VALIDATION_ERROR';
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The bank could not be reached: DNS, refused or dropped connection, timeout. */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
  readonly code = 'OFFLINE';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/** The PSU refused on the bank's page, closed the window, or the flow timed out. */
export class AuthorizationCancelledError extends Error {
  override readonly name = 'AuthorizationCancelledError';
  readonly code = 'SCA_CANCELLED';
  constructor(
    readonly reason: 'access_denied' | 'closed' | 'timeout' | 'superseded',
    message = `authorization ${reason}`,
  ) {
    super(message);
  }
}

/** The connection's refresh token no longer works: the person must authorise again. */
export class ReauthRequiredError extends Error {
  override readonly name = 'ReauthRequiredError';
  readonly code = 'REAUTH_REQUIRED';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/** The OS keychain cannot be reached; never fall back to storing a secret elsewhere. */
export class KeychainError extends Error {
  override readonly name = 'KeychainError';
  readonly code = 'KEYCHAIN_UNAVAILABLE';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/** A broken invariant of our own code, kept apart from the errors the world causes. */
export class BugIndicatingError extends Error {
  override readonly name = 'BugIndicatingError';
  readonly code = 'BUG';
}

const reauthCodes = new Set(['TOKEN_INVALID', 'TOKEN_EXPIRED', 'CONSENT_INVALID', 'CONSENT_UNKNOWN']);

/**
 * The one place failures become the finite states the UI shows.
 * `CONSENT_INVALID` means the PSU revoked or we terminated it: a new authorisation is the cure.
 */
export function toUiState(error: unknown): UiErrorState {
  if (error instanceof ReauthRequiredError) return 'reauth-required';
  if (error instanceof AuthorizationCancelledError) return 'sca-cancelled';
  if (error instanceof NetworkError) return 'offline';
  if (error instanceof OAuthError) {
    if (error.error === 'access_denied' || error.error === 'acces_denied') return 'sca-cancelled';
    return error.error === 'invalid_grant' ? 'reauth-required' : 'failed';
  }
  if (error instanceof BankError) {
    if (error.code === 'CONSENT_EXPIRED') return 'consent-expired';
    if (error.status === 429 || error.code === 'ACCESS_EXCEEDED') return 'rate-limited';
    if (reauthCodes.has(error.code)) return 'reauth-required';
    if (error.status === 502 || error.status === 503 || error.status === 504) return 'offline';
    return 'failed';
  }
  return 'failed';
}

/** Serialisable form of any error for the renderer; unknown errors keep no detail that could leak. */
export function toAppError(error: unknown): AppError {
  const state = toUiState(error);
  const retryable = state === 'offline' || state === 'rate-limited';
  if (
    error instanceof BankError || error instanceof OAuthError || error instanceof ProtocolError ||
    error instanceof ValidationError || error instanceof NetworkError || error instanceof AuthorizationCancelledError ||
    error instanceof ReauthRequiredError || error instanceof KeychainError
  ) {
    return { code: error.code, message: error.message, retryable };
  }
  return { code: 'INTERNAL', message: 'Something went wrong inside the app.', retryable: false };
}
