import { BugIndicatingError, ProtocolError } from '../errors.js';
import type { BankProfile } from '../profiles/bank-profile.js';
import { resolveEndpoint, sameBankOrigin } from './endpoints.js';
import type { Pkce } from './pkce.js';

export interface AuthorizationUrlInput {
  /**
   * The `Location` header of the consent or payment answer: the bank's own authorize URL for this
   * resource, with `code_challenge` empty or a placeholder for us to complete.
   */
  location?: string;
  /** The bank's base, e.g. `https://api.cec.ro/cec/prod`; its origin is the only one accepted. */
  baseUrl: string;
  profile: BankProfile;
  clientId: string;
  redirectUri: string;
  /** `AIS:<consentId>` or `PIS:<paymentId>`: the one consent or payment the token will serve. */
  scope: string;
  /** Only the public half: the verifier never goes near a URL. */
  pkce: Pick<Pkce, 'challenge' | 'method'>;
  state: string;
}

const scopePattern = /^(AIS|PIS):\S+$/;

/**
 * The URL to open in the bank's window. Starts from the Location header when there is one (the
 * bank built it for this consent or payment), else from `resolveEndpoint('authorize')`; its path
 * may be `/oauth/…` or `/oauthcec/…`, only its origin must be the bank's. Then SETS every
 * parameter we are responsible for, so a placeholder or a duplicate in the header cannot survive.
 * A header that names another scope, client or redirect contradicts our request: ProtocolError.
 * @see RFC 6749 §4.1.1; RFC 7636 §4.3; the digest's §2.1 and §3.1
 */
export function buildAuthorizationUrl(input: AuthorizationUrlInput): string {
  if (!scopePattern.test(input.scope)) throw new BugIndicatingError(`not a CEC scope: ${input.scope}`);
  if (input.state === '') throw new BugIndicatingError('an authorization request needs a state');
  const url = input.location !== undefined
    ? fromLocation(input.location, input)
    : resolveEndpoint('authorize', { baseUrl: input.baseUrl, profile: input.profile });
  const params: [string, string][] = [
    ['response_type', 'code'],
    ['client_id', input.clientId],
    ['redirect_uri', input.redirectUri],
    ['scope', input.scope],
    ['code_challenge', input.pkce.challenge],
    ['code_challenge_method', input.pkce.method],
    ['state', input.state],
  ];
  for (const [name, value] of params) url.searchParams.set(name, value);
  url.hash = '';
  return url.toString();
}

function fromLocation(location: string, input: AuthorizationUrlInput): URL {
  const url = sameBankOrigin(location, input.baseUrl, 'the Location header');
  const ours: Record<string, string> = { scope: input.scope, client_id: input.clientId, redirect_uri: input.redirectUri };
  for (const [name, expected] of Object.entries(ours)) {
    // Empty values are placeholders, as `code_challenge` is; only a different value contradicts.
    for (const value of url.searchParams.getAll(name)) {
      if (value !== '' && !sameValue(name, value, expected)) {
        throw new ProtocolError(`the Location header asks for ${name}=${value}, this request is for ${expected}`);
      }
    }
  }
  return url;
}

/** Redirect URIs compare as URLs (host case, default port), everything else as text. */
function sameValue(name: string, a: string, b: string): boolean {
  if (a === b) return true;
  if (name !== 'redirect_uri' || !URL.canParse(a) || !URL.canParse(b)) return false;
  return new URL(a).href === new URL(b).href;
}
