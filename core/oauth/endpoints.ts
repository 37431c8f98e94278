import { ProtocolError } from '../errors.js';
import type { BankProfile } from '../profiles/bank-profile.js';
import type { AuthorizationServerMetadata } from './metadata.js';

/** Where the bank lives and what it published; shared by the authorize URL and the token call. */
export interface EndpointSource {
  /** The bank's base, e.g. `https://api.cec.ro/cec/prod`. */
  baseUrl: string;
  profile: BankProfile;
  metadata?: AuthorizationServerMetadata;
}

/**
 * The authorization or token endpoint to use when no Location header names one. CEC's metadata
 * says `/oauth/oauth2/…` while its Location headers and examples use `/oauthcec/…`, so with
 * `preferConfiguredEndpoints` the profile's path wins; otherwise the metadata's, and the profile's
 * path when there is no metadata. The result must share the bank's origin (see `sameBankOrigin`).
 * @see RFC 8414 §2
 */
export function resolveEndpoint(kind: 'authorize' | 'token', source: EndpointSource): URL {
  const published = kind === 'authorize' ? source.metadata?.authorization_endpoint : source.metadata?.token_endpoint;
  const configured = `${source.baseUrl.replace(/\/+$/, '')}${source.profile.paths[kind]}`;
  const chosen = source.profile.quirks.preferConfiguredEndpoints || published === undefined ? configured : published;
  return sameBankOrigin(chosen, source.baseUrl, `the ${kind} endpoint`);
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
