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
    /** The answer's `X-Request-ID`. */
    readonly requestId?: string,
    /** When the bank asked us to try again (`Retry-After`): seconds, or an ISO instant. */
    readonly retryAfter?: number | string,
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

  /** The token endpoint's `X-Request-ID`, when it sent one. */
  readonly requestId?: string;
  /** The token endpoint's `Retry-After`: seconds, or an ISO instant. */
  readonly retryAfter?: number | string;

  constructor(
    readonly error: string,
    readonly errorDescription?: string,
    readonly status?: number,
    options?: ErrorOptions & { requestId?: string; retryAfter?: number | string },
  ) {
    super(`OAuth ${error}${errorDescription ? `: ${errorDescription}` : ''}`, options);
    if (options?.requestId !== undefined) this.requestId = options.requestId;
    if (options?.retryAfter !== undefined) this.retryAfter = options.retryAfter;
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

/**
 * Every tppMessages code of the digest §4 and the Berlin Group 1.3.16 MessageCode tables (per
 * service, service-unspecific, signing baskets), and the developer portal's, with the state the
 * person sees. A code not listed here falls back on its status (see `bankState`).
 */
export const bankCodeStates: Readonly<Record<string, UiErrorState>> = {
  // 400: our request broke the contract (a bug, not the person's doing) unless it says what they chose.
  FORMAT_ERROR: 'failed',
  PARAMETER_NOT_CONSISTENT: 'failed',
  PARAMETER_NOT_SUPPORTED: 'failed',
  SERVICE_INVALID: 'failed',
  RESOURCE_UNKNOWN: 'failed',
  RESOURCE_EXPIRED: 'failed',
  RESOURCE_BLOCKED: 'failed',
  TIMESTAMP_INVALID: 'failed',
  PERIOD_INVALID: 'invalid-input', // the dates asked for are outside what the bank serves
  SCA_METHOD_UNKNOWN: 'failed',
  SCA_INVALID: 'failed',
  SESSIONS_NOT_SUPPORTED: 'failed',
  PAYMENT_FAILED: 'failed',
  EXECUTION_DATE_INVALID: 'invalid-input',
  CARD_INVALID: 'failed',
  NO_PIIS_ACTIVATION: 'failed',
  REFERENCE_MIX_INVALID: 'failed',
  // 401: the TPP's certificate, signature or client registration: fixed in the profile, not by authorising again.
  CERTIFICATE_INVALID: 'misconfigured',
  CERTIFICATE_EXPIRED: 'misconfigured',
  CERTIFICATE_BLOCKED: 'misconfigured',
  CERTIFICATE_REVOKE: 'misconfigured', // the service lists' spelling
  CERTIFICATE_REVOKED: 'misconfigured', // the service-unspecific list's spelling
  CERTIFICATE_MISSING: 'misconfigured',
  ROLE_INVALID: 'misconfigured',
  SIGNATURE_INVALID: 'misconfigured',
  SIGNATURE_MISSING: 'misconfigured',
  KID_MISSING: 'misconfigured',
  CLIENT_INVALID: 'misconfigured',
  CLIENT_INCONSISTENT: 'misconfigured',
  API_CONTRACT_ID_INVALID: 'misconfigured',
  CORPORATE_ID_INVALID: 'failed', // embedded/decoupled approaches only: the app sends no corporate id
  PSU_CREDENTIALS_INVALID: 'failed', // embedded approach only: the PSU logs in on the bank's page
  // 401/403: the consent or its token is gone (revoked, terminated, unknown): a new authorisation is the cure.
  CONSENT_INVALID: 'reauth-required',
  CONSENT_EXPIRED: 'consent-expired',
  CONSENT_UNKNOWN: 'reauth-required',
  TOKEN_UNKNOWN: 'reauth-required',
  TOKEN_INVALID: 'reauth-required',
  TOKEN_EXPIRED: 'reauth-required',
  // 403: the bank blocked the TPP's access to the service.
  SERVICE_BLOCKED: 'misconfigured',
  PRODUCT_INVALID: 'failed',
  PRODUCT_UNKNOWN: 'failed',
  CANCELLATION_INVALID: 'failed',
  REQUESTED_FORMATS_INVALID: 'failed',
  STATUS_INVALID: 'failed',
  REFERENCE_STATUS_INVALID: 'failed',
  CHANGE_INVALID: 'failed',
  ACCESS_EXCEEDED: 'rate-limited', // more unattended reads than the consent's frequencyPerDay
  // 5xx with a body: the bank is down for now.
  INTERNAL_SERVER_ERROR: 'offline',
  SERVICE_UNAVAILABLE: 'offline',
  // The developer portal (enrolment): the person's username, password or activation.
  USER_EXISTS: 'invalid-input',
  USER_INVALID: 'invalid-input',
  USER_NOT_ACTIVATED: 'invalid-input',
};

/** RFC 6749 error values (§4.1.2.1 on the redirect, §5.2 from the token endpoint), CEC's spelling, and our state check. */
export const oauthErrorStates: Readonly<Record<string, UiErrorState>> = {
  invalid_request: 'failed',
  invalid_client: 'misconfigured', // the client id or secret: a TPP registration problem, not the person's
  invalid_grant: 'reauth-required', // the code or refresh token is dead
  unauthorized_client: 'misconfigured',
  unsupported_grant_type: 'failed',
  unsupported_response_type: 'failed',
  invalid_scope: 'failed',
  access_denied: 'sca-cancelled',
  acces_denied: 'sca-cancelled', // CEC's guide spells it so
  server_error: 'offline',
  temporarily_unavailable: 'offline',
  state_mismatch: 'failed', // the redirect belongs to another request: never accepted
};

/** The row for `code`; a bank's `constructor` or `toString` is no row. */
const rowOf = (table: Readonly<Record<string, UiErrorState>>, code: string): UiErrorState | undefined =>
  Object.hasOwn(table, code) ? table[code] : undefined;

/** A 429 is a limit whatever its code; then the code's row; then a 5xx is the bank being down. */
function bankState(error: BankError): UiErrorState {
  if (error.status === 429) return 'rate-limited';
  return rowOf(bankCodeStates, error.code) ?? (error.status >= 500 ? 'offline' : 'failed');
}

/** The one place failures become the finite states the UI shows. */
export function toUiState(error: unknown): UiErrorState {
  if (error instanceof BankError) return bankState(error);
  if (error instanceof OAuthError) return rowOf(oauthErrorStates, error.error) ?? (error.status !== undefined && error.status >= 500 ? 'offline' : 'failed');
  if (error instanceof NetworkError) return 'offline';
  if (error instanceof ReauthRequiredError) return 'reauth-required';
  if (error instanceof AuthorizationCancelledError) return 'sca-cancelled';
  if (error instanceof ValidationError) return 'invalid-input';
  if (error instanceof KeychainError) return 'keychain-unavailable';
  if (error instanceof PaymentNotCancellableError) return 'failed';
  return 'failed';
}

/**
 * The local database exists but cannot be opened with the key in the OS keychain (the keychain
 * was reset, or the file came from another machine). The file is never overwritten for it: only
 * the person's explicit "start fresh" (`store:reset`) moves it aside.
 */
export class LocalStoreLockedError extends Error {
  override readonly name = 'LocalStoreLockedError';
  readonly code = 'LOCAL_STORE_LOCKED';
  constructor(options?: ErrorOptions) {
    super('Your local copy cannot be opened; start fresh and sync again from the bank.', options);
  }
}

/** Another front end (the app, browser mode, a script) is running its core on the same data folder. */
export class DataFolderInUseError extends Error {
  override readonly name = 'DataFolderInUseError';
  readonly code = 'DATA_FOLDER_IN_USE';
  constructor(readonly holder: { frontEnd: string; pid: number }, dataDir: string, options?: ErrorOptions) {
    super(`${dataDir} is in use by ${holder.frontEnd} (process ${holder.pid}); close it first, or pass another data folder.`, options);
  }
}

/**
 * A payment the person asked to cancel that can no longer be: the bank has the PSU's yes (it
 * answers 405 CANCELLATION_INVALID), or the payment already ended. `why` is said to the person.
 */
export class PaymentNotCancellableError extends Error {
  override readonly name = 'PaymentNotCancellableError';
  readonly code = 'PAYMENT_NOT_CANCELLABLE';
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
  }
}

/** The errors the world causes, each with a message written for it; anything else is unexpected. */
const expectedErrors = [BankError, OAuthError, ProtocolError, ValidationError, NetworkError, AuthorizationCancelledError, ReauthRequiredError, KeychainError, LocalStoreLockedError, DataFolderInUseError, PaymentNotCancellableError];

/** True for an error our code did not foresee (a bug, a library's TypeError): it must be logged with its stack. */
export function isUnexpected(error: unknown): boolean {
  return !expectedErrors.some((kind) => error instanceof kind);
}

/** The first `requestId` / `retryAfter` along the error and its causes (a refused refresh inside a ReauthRequiredError). */
function fromBank(error: unknown): { requestId?: string; retryAfter?: number | string } {
  const found: { requestId?: string; retryAfter?: number | string } = {};
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    if (e instanceof BankError || e instanceof OAuthError) {
      found.requestId ??= e.requestId;
      found.retryAfter ??= e.retryAfter;
    }
  }
  return {
    ...(found.requestId !== undefined && { requestId: found.requestId }),
    ...(found.retryAfter !== undefined && { retryAfter: found.retryAfter }),
  };
}

/** Serialisable form of any error for the renderer; unknown errors keep no detail that could leak. */
export function toAppError(error: unknown): AppError {
  if (isUnexpected(error)) {
    return { code: 'INTERNAL', state: 'failed', message: 'Something went wrong inside the app.', retryable: false };
  }
  const known = error as Error & { code: string };
  const state = toUiState(error);
  return { code: known.code, state, message: known.message, retryable: state === 'offline' || state === 'rate-limited', ...fromBank(error) };
}

