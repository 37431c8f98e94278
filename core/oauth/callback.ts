import { AuthorizationCancelledError, OAuthError, ProtocolError } from '../errors.js';

/** What the app sent in the authorization request, against which a navigation is judged. */
export interface ExpectedCallback {
  /** The registered redirect URI, exactly as sent in `redirect_uri`. */
  redirectUri: string;
  /** The `state` sent with this request. */
  state: string;
  /**
   * The bank may leave `state` off its redirect (a profile quirk). A state-less `code` is then
   * only a candidate, to be proven by the token exchange; a different state is still refused.
   */
  stateMayBeOmitted?: boolean;
}

/**
 * The outcome of one navigation to the redirect URI. Returned, never thrown, so every front end
 * `switch`es on `kind` in one place:
 * - `not-ours`: not our redirect URI (the bank's own pages, a foreign site); let it be.
 * - `not-this-request`: aimed at our redirect URI but without this request's state (absent,
 *   repeated or another one), or a state-less answer that could not be ours. Refused; the flow
 *   stays open for the real answer, or any page that can reach the redirect URI could end or
 *   steer the person's sign-in (RFC 6749 §10.12).
 * - `code`: an authorization code. `stateChecked: true` means it carried this request's state;
 *   `false` (only where the profile says the bank drops state) makes it a candidate that only
 *   the token exchange can confirm: PKCE binds a real code to our verifier (RFC 9700 §2.1).
 * - `error`: this request's answer (state checked) was an error:
 *   `AuthorizationCancelledError('access_denied')` when the PSU refused, `OAuthError(error,
 *   error_description)` for another RFC 6749 error, `ProtocolError` for a malformed redirect.
 */
export type AuthorizationCallback =
  | { kind: 'not-ours' }
  | { kind: 'not-this-request'; why: string }
  | { kind: 'code'; code: string; stateChecked: boolean }
  | { kind: 'error'; error: OAuthError | AuthorizationCancelledError | ProtocolError };

/** CEC's guide spells the refusal `acces_denied`; the standard spelling is accepted as well. */
const denials = new Set(['access_denied', 'acces_denied']);
const responseParams = ['code', 'error', 'error_description'];

/**
 * Reads a navigation URL as the authorization response of the request described by `expected`.
 * Redirect matching is exact (scheme, host, port, path; the registered URI's own query
 * parameters must be there too): a prefix or a look-alike path is `not-ours`, since an open
 * matcher is how codes leak (RFC 9700 §4.1.3). Then the state comes first, before anything else
 * is read: a page that does not know it can neither inject a code, nor cancel the flow, nor make
 * it fail with a malformed answer. Parameters come from the query only: the app never asks for
 * `response_mode=fragment`.
 * @see RFC 6749 §4.1.2, §4.1.2.1, §10.12; the digest's §2.3–2.4
 */
export function parseAuthorizationCallback(url: string, expected: ExpectedCallback): AuthorizationCallback {
  if (!isOurRedirect(url, expected.redirectUri)) return { kind: 'not-ours' };
  const params = new URL(url).searchParams;
  const states = params.getAll('state');
  if (states.length > 1) return { kind: 'not-this-request', why: 'the redirect repeats state' };
  if (states.length === 1 && states[0] !== expected.state) return { kind: 'not-this-request', why: 'the redirect carries another request\'s state' };
  if (states.length === 0) return expected.stateMayBeOmitted === true ? stateless(params) : { kind: 'not-this-request', why: 'the redirect carries no state' };
  // The state is ours: from here on this is the bank's answer, and a malformed one ends the flow.
  // RFC 6749 §3.1: response parameters MUST NOT repeat.
  const repeated = responseParams.find((name) => params.getAll(name).length > 1);
  if (repeated !== undefined) return { kind: 'error', error: new ProtocolError(`the redirect repeats ${repeated}`) };
  const error = params.get('error');
  if (error !== null) {
    if (denials.has(error)) return { kind: 'error', error: new AuthorizationCancelledError('access_denied') };
    return { kind: 'error', error: new OAuthError(error, params.get('error_description') ?? undefined) };
  }
  const code = params.get('code');
  if (code === null || code === '') return { kind: 'error', error: new ProtocolError('the redirect carries neither code nor error') };
  return { kind: 'code', code, stateChecked: true };
}

/**
 * The digest (§2.4): CEC's guide shows no state on the redirect. Nothing without state can end
 * the flow: an `error` is anyone's to send, so only a single, non-empty `code` goes on, as a
 * candidate for the token exchange.
 */
function stateless(params: URLSearchParams): AuthorizationCallback {
  if (params.has('error')) return { kind: 'not-this-request', why: 'an error without state cannot end the authorisation' };
  const codes = params.getAll('code');
  if (codes.length !== 1 || codes[0] === '') return { kind: 'not-this-request', why: 'the redirect carries no state and no single code' };
  return { kind: 'code', code: codes[0] as string, stateChecked: false };
}

function isOurRedirect(url: string, redirectUri: string): boolean {
  if (!URL.canParse(url)) return false;
  const actual = new URL(url);
  const expected = new URL(redirectUri);
  const sameTarget = actual.protocol === expected.protocol && actual.username === expected.username
    && actual.password === expected.password && actual.host === expected.host && actual.pathname === expected.pathname;
  if (!sameTarget) return false;
  for (const [name, value] of expected.searchParams) {
    if (!actual.searchParams.getAll(name).includes(value)) return false;
  }
  return true;
}
