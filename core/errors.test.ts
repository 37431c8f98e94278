import { describe, expect, it } from 'vitest';
import type { UiErrorState } from '../common/index.js';
import {
  AuthorizationCancelledError, BankError, BugIndicatingError, KeychainError, NetworkError, OAuthError, ProtocolError,
  ReauthRequiredError, ValidationError, bankCodeStates, oauthErrorStates, toAppError, toUiState,
} from './errors.js';

const bank = (status: number, code?: string) => new BankError(status, code === undefined ? [] : [{ category: 'ERROR', code }]);

/**
 * Every tppMessages code of the digest §4 and of the Berlin Group 1.3.16 tables (per service and
 * service-unspecific), with the status the bank sends it with, and the state the person sees.
 * Written apart from core's table, so a row deleted or changed there turns this red.
 */
const bankRows: [status: number, code: string, state: UiErrorState][] = [
  [400, 'FORMAT_ERROR', 'failed'],
  [400, 'PARAMETER_NOT_CONSISTENT', 'failed'],
  [400, 'PARAMETER_NOT_SUPPORTED', 'failed'],
  [400, 'SERVICE_INVALID', 'failed'],
  [400, 'RESOURCE_UNKNOWN', 'failed'],
  [400, 'RESOURCE_EXPIRED', 'failed'],
  [400, 'RESOURCE_BLOCKED', 'failed'],
  [400, 'TIMESTAMP_INVALID', 'failed'],
  [400, 'PERIOD_INVALID', 'invalid-input'],
  [400, 'SCA_METHOD_UNKNOWN', 'failed'],
  [400, 'SCA_INVALID', 'failed'],
  [400, 'SESSIONS_NOT_SUPPORTED', 'failed'],
  [400, 'PAYMENT_FAILED', 'failed'],
  [400, 'EXECUTION_DATE_INVALID', 'invalid-input'],
  [400, 'CARD_INVALID', 'failed'],
  [400, 'NO_PIIS_ACTIVATION', 'failed'],
  [400, 'REFERENCE_MIX_INVALID', 'failed'],
  [401, 'CERTIFICATE_INVALID', 'misconfigured'],
  [401, 'CERTIFICATE_EXPIRED', 'misconfigured'],
  [401, 'CERTIFICATE_BLOCKED', 'misconfigured'],
  [401, 'CERTIFICATE_REVOKE', 'misconfigured'],
  [401, 'CERTIFICATE_REVOKED', 'misconfigured'],
  [401, 'CERTIFICATE_MISSING', 'misconfigured'],
  [401, 'ROLE_INVALID', 'misconfigured'],
  [401, 'SIGNATURE_INVALID', 'misconfigured'],
  [401, 'SIGNATURE_MISSING', 'misconfigured'],
  [401, 'KID_MISSING', 'misconfigured'],
  [401, 'CLIENT_INVALID', 'misconfigured'],
  [401, 'CLIENT_INCONSISTENT', 'misconfigured'],
  [401, 'API_CONTRACT_ID_INVALID', 'misconfigured'],
  [401, 'CORPORATE_ID_INVALID', 'failed'],
  [401, 'PSU_CREDENTIALS_INVALID', 'failed'],
  [401, 'CONSENT_INVALID', 'reauth-required'],
  [401, 'CONSENT_EXPIRED', 'consent-expired'],
  [401, 'TOKEN_UNKNOWN', 'reauth-required'],
  [401, 'TOKEN_INVALID', 'reauth-required'],
  [401, 'TOKEN_EXPIRED', 'reauth-required'],
  [403, 'CONSENT_UNKNOWN', 'reauth-required'],
  [403, 'SERVICE_BLOCKED', 'misconfigured'],
  [403, 'PRODUCT_INVALID', 'failed'],
  [404, 'PRODUCT_UNKNOWN', 'failed'],
  [405, 'CANCELLATION_INVALID', 'failed'],
  [406, 'REQUESTED_FORMATS_INVALID', 'failed'],
  [409, 'STATUS_INVALID', 'failed'],
  [409, 'REFERENCE_STATUS_INVALID', 'failed'],
  [409, 'CHANGE_INVALID', 'failed'],
  [429, 'ACCESS_EXCEEDED', 'rate-limited'],
  [500, 'INTERNAL_SERVER_ERROR', 'offline'],
  [503, 'SERVICE_UNAVAILABLE', 'offline'],
  // The bank's developer portal (enrolment).
  [409, 'USER_EXISTS', 'invalid-input'],
  [401, 'USER_INVALID', 'invalid-input'],
  [403, 'USER_NOT_ACTIVATED', 'invalid-input'],
];

/** RFC 6749 §4.1.2.1 and §5.2 error values, CEC's misspelling, and the client's own state check. */
const oauthRows: [error: string, state: UiErrorState][] = [
  ['invalid_request', 'failed'],
  ['invalid_client', 'misconfigured'],
  ['invalid_grant', 'reauth-required'],
  ['unauthorized_client', 'misconfigured'],
  ['unsupported_grant_type', 'failed'],
  ['unsupported_response_type', 'failed'],
  ['invalid_scope', 'failed'],
  ['access_denied', 'sca-cancelled'],
  ['acces_denied', 'sca-cancelled'],
  ['server_error', 'offline'],
  ['temporarily_unavailable', 'offline'],
  ['state_mismatch', 'failed'],
];

describe('toUiState', () => {
  it.each(bankRows)('a bank answer %i %s is %s', (status, code, state) => {
    expect(toUiState(bank(status, code))).toBe(state);
  });

  it.each(oauthRows)('an OAuth error %s is %s', (error, state) => {
    expect(toUiState(new OAuthError(error, undefined, 400))).toBe(state);
  });

  it('has a row in core for every code above and none more', () => {
    expect(Object.keys(bankCodeStates).sort()).toEqual(bankRows.map(([, code]) => code).sort());
    expect(Object.keys(oauthErrorStates).sort()).toEqual(oauthRows.map(([error]) => error).sort());
  });

  it.each([
    [429, 'rate-limited'], [500, 'offline'], [502, 'offline'], [503, 'offline'], [504, 'offline'],
    [400, 'failed'], [401, 'failed'], [403, 'failed'], [404, 'failed'], [409, 'failed'],
  ] as const)('a bank answer %i without a known code is %s', (status, state) => {
    expect(toUiState(bank(status))).toBe(state);
    expect(toUiState(bank(status, 'SOMETHING_NEW'))).toBe(state);
  });

  it('reads a code that names an Object property as unknown', () => {
    expect(toUiState(bank(400, 'constructor'))).toBe('failed');
    expect(toUiState(new OAuthError('toString', undefined, 400))).toBe('failed');
  });

  it('reads a 429 as rate-limited whatever code it carries', () => {
    expect(toUiState(bank(429, 'FORMAT_ERROR'))).toBe('rate-limited');
  });

  it('reads an unknown OAuth error by its status: 5xx offline, else failed', () => {
    expect(toUiState(new OAuthError('weird', undefined, 503))).toBe('offline');
    expect(toUiState(new OAuthError('weird', undefined, 400))).toBe('failed');
    expect(toUiState(new OAuthError('weird'))).toBe('failed');
  });

  it.each([
    [new NetworkError('down'), 'offline'],
    [new ReauthRequiredError('again'), 'reauth-required'],
    [new AuthorizationCancelledError('closed'), 'sca-cancelled'],
    [new ProtocolError('bad shape'), 'failed'],
    [new ValidationError('bad iban', 'iban'), 'invalid-input'],
    [new KeychainError('no secret service'), 'keychain-unavailable'],
    [new BugIndicatingError('broken invariant'), 'failed'],
    [new TypeError('x is undefined'), 'failed'],
    ['a thrown string', 'failed'],
  ] as const)('%s is %s', (error, state) => {
    expect(toUiState(error)).toBe(state);
  });
});

describe('toAppError', () => {
  it('carries the state decided by toUiState, and retryable for offline and rate-limited only', () => {
    expect(toAppError(bank(429, 'ACCESS_EXCEEDED'))).toMatchObject({ code: 'ACCESS_EXCEEDED', state: 'rate-limited', retryable: true });
    expect(toAppError(bank(503))).toMatchObject({ code: 'HTTP_503', state: 'offline', retryable: true });
    expect(toAppError(new OAuthError('invalid_client', 'unknown client', 401))).toMatchObject({ code: 'invalid_client', state: 'misconfigured', retryable: false });
    expect(toAppError(bank(401, 'CONSENT_EXPIRED'))).toMatchObject({ state: 'consent-expired', retryable: false });
  });

  it('passes the bank’s Retry-After and X-Request-ID on, also from a cause', () => {
    const limited = new BankError(429, [{ category: 'ERROR', code: 'ACCESS_EXCEEDED' }], 'req-1', 30);
    expect(toAppError(limited)).toMatchObject({ retryAfter: 30, requestId: 'req-1' });
    const at = new BankError(503, [], 'req-2', '2026-12-01T14:05:00.000Z');
    expect(toAppError(at)).toMatchObject({ retryAfter: '2026-12-01T14:05:00.000Z', requestId: 'req-2' });
    const refused = new OAuthError('invalid_grant', undefined, 400, { requestId: 'req-3' });
    expect(toAppError(new ReauthRequiredError('refresh refused', { cause: refused }))).toMatchObject({ state: 'reauth-required', requestId: 'req-3' });
    expect(toAppError(new NetworkError('down'))).not.toHaveProperty('requestId');
  });

  it('hides the detail of an unexpected error behind INTERNAL', () => {
    expect(toAppError(new TypeError('secret detail'))).toEqual({ code: 'INTERNAL', state: 'failed', message: 'Something went wrong inside the app.', retryable: false });
  });
});
