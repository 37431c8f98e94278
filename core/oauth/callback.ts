import { AuthorizationCancelledError, OAuthError, ProtocolError } from '../errors.js';

/** What the app sent in the authorization request, against which a navigation is judged. */
export interface ExpectedCallback {
  /** The registered redirect URI, exactly as sent in `redirect_uri`. */
  redirectUri: string;
  /** The `state` sent with this request. */
  state: string;
  /** The bank may leave `state` off its redirect (a profile quirk); a different state is still refused. */
  stateMayBeOmitted?: boolean;
}

/**
 * The outcome of one navigation of the bank's window. Returned, never thrown, so the window's
 * navigation handler can `switch` on `kind` (with `assertNever`) and decide in one place whether
 * to keep browsing (`not-ours`), exchange (`code`) or close and report (`error`):
 * - `not-ours`: not our redirect URI (the bank's own pages, a foreign site); let it be.
 * - `code`: the authorization code of THIS request (state checked).
 * - `error`: `OAuthError('state_mismatch')` for a missing or foreign state,
 *   `AuthorizationCancelledError('access_denied')` when the PSU refused, `OAuthError(error,
 *   error_description)` for another RFC 6749 error, `ProtocolError` for a malformed redirect.
 */
export type AuthorizationCallback =
  | { kind: 'not-ours' }
  | { kind: 'code'; code: string }
  | { kind: 'error'; error: OAuthError | AuthorizationCancelledError | ProtocolError };

/** CEC's guide spells the refusal `acces_denied`; the standard spelling is accepted as well. */
const denials = new Set(['access_denied', 'acces_denied']);
const responseParams = ['state', 'code', 'error', 'error_description'];

/**
 * Reads a navigation URL as the authorization response of the request described by `expected`.
 * Redirect matching is exact (scheme, host, port, path; the registered URI's own query
 * parameters must be there too): a prefix or a look-alike path is `not-ours`, since an open
 * matcher is how codes leak (RFC 9700 §4.1.3). The state is checked before the rest is trusted,
 * so a forged redirect can neither inject a code nor cancel the flow. Parameters come from the
 * query only: the app never asks for `response_mode=fragment`.
 * @see RFC 6749 §4.1.2, §4.1.2.1, §10.12; the digest's §2.3–2.4
 */
export function parseAuthorizationCallback(url: string, expected: ExpectedCallback): AuthorizationCallback {
  if (!isOurRedirect(url, expected.redirectUri)) return { kind: 'not-ours' };
  const params = new URL(url).searchParams;
  // RFC 6749 §3.1: response parameters MUST NOT repeat; a repeat is someone splicing the URL.
  const repeated = responseParams.find((name) => params.getAll(name).length > 1);
  if (repeated !== undefined) return { kind: 'error', error: new ProtocolError(`the redirect repeats ${repeated}`) };
  const state = params.get('state');
  // The digest (§2.4): CEC's guide shows no state on the redirect; the client checks it when echoed.
  // PKCE still binds the code to this request (RFC 9700 §2.1), so an absent state is tolerated
  // only for banks whose profile says they drop it.
  const tolerated = state === null && expected.stateMayBeOmitted === true;
  if (state !== expected.state && !tolerated) {
    const why = state === null ? 'the redirect carries no state' : 'the redirect carries another request\'s state';
    return { kind: 'error', error: new OAuthError('state_mismatch', why) };
  }
  const error = params.get('error');
  if (error !== null) {
    if (denials.has(error)) return { kind: 'error', error: new AuthorizationCancelledError('access_denied') };
    return { kind: 'error', error: new OAuthError(error, params.get('error_description') ?? undefined) };
  }
  const code = params.get('code');
  if (code === null || code === '') return { kind: 'error', error: new ProtocolError('the redirect carries neither code nor error') };
  return { kind: 'code', code };
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
