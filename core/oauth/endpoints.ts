import { ProtocolError } from '../errors.js';
import type { BankProfile } from '../profiles/bank-profile.js';

/** Where the bank lives; shared by the authorize URL and the token call. */
export interface EndpointSource {
  /** The bank's base, e.g. `https://api.cec.ro/cec/prod`. */
  baseUrl: string;
  profile: BankProfile;
}

/**
 * The authorization or token endpoint from the profile's paths, used when no Location header
 * names one. Not from the bank's metadata: CEC's says `/oauth/oauth2/…` while its Location
 * headers and examples use `/oauthcec/…`, the path the API answers on.
 */
export function resolveEndpoint(kind: 'authorize' | 'token', source: EndpointSource): URL {
  return new URL(`${source.baseUrl.replace(/\/+$/, '')}${source.profile.paths[kind]}`);
}

/**
 * Parses `url` (relative ones against the base) and insists it is on the bank's own origin, so a
 * tampered answer cannot send the PSU's login, or our code and verifier, to another host.
 */
export function sameBankOrigin(url: string, baseUrl: string, what: string): URL {
  const base = new URL(baseUrl);
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch (cause) {
    throw new ProtocolError(`${what} is not a URL`, { cause });
  }
  if (parsed.origin !== base.origin) throw new ProtocolError(`${what} is on ${parsed.origin}, not on the bank's ${base.origin}`);
  return parsed;
}
