import { z } from 'zod';
import { readJson, validate } from '../http/bank-answer.js';
import { send } from '../http/send.js';
import { ProtocolError } from '../errors.js';

/**
 * A metadata list as CEC sends it (`"[code,none]"`, `"[]"`) or as RFC 8414 says (a JSON array).
 * Accepted in both forms whatever the profile says: being lenient here cannot widen what we send.
 */
const wireList = z.union([
  z.array(z.string()),
  z.string().transform((text) => {
    const inner = text.trim().replace(/^\[/, '').replace(/\]$/, '');
    return inner.split(/[,\s]+/).map((item) => item.replace(/^["']|["']$/g, '')).filter((item) => item !== '');
  }),
]);

const httpUrl = z.string().refine((s) => URL.canParse(s) && /^https?:$/.test(new URL(s).protocol), 'is not an http(s) URL');

const metadataSchema = z.object({
  issuer: httpUrl,
  authorization_endpoint: httpUrl,
  token_endpoint: httpUrl,
  response_types_supported: wireList,
  response_modes_supported: wireList.optional(),
  grant_types_supported: wireList.optional(),
  code_challenge_methods_supported: wireList.optional(),
  token_endpoint_auth_methods_supported: wireList.optional(),
  scopes_supported: wireList.optional(),
  registration_endpoint: z.string().optional(),
}).loose();

/**
 * CEC's authorization-server metadata with list values normalised to arrays.
 * @see RFC 8414 §2; the digest's §2.1 "Metadata"
 */
export interface AuthorizationServerMetadata {
  /**
   * REQUIRED. The authorization server's identifier. CEC's (`https://api.cec.ro`) is not a prefix
   * of the document's own URL, so the RFC 8414 §3.3 equality check cannot be applied; the
   * origin check of `buildAuthorizationUrl` guards the endpoints instead.
   */
  issuer: string;
  /** REQUIRED. CEC names `/oauth/oauth2/authorize` here while its Location headers use `/oauthcec/…`. */
  authorization_endpoint: string;
  /** REQUIRED. CEC names `/oauth/oauth2/token` here while its examples use `/oauthcec/…`. */
  token_endpoint: string;
  /** REQUIRED. CEC sends `"[code,none]"`. */
  response_types_supported: string[];
  /** OPTIONAL. CEC sends `"[fragment,form_post]"`. */
  response_modes_supported?: string[];
  /** OPTIONAL. CEC sends `"[authorization_code]"` although it honours `refresh_token` too. */
  grant_types_supported?: string[];
  /** OPTIONAL. Absent from CEC's document; S256 is sent regardless (RFC 7636 §4.2). */
  code_challenge_methods_supported?: string[];
  /** OPTIONAL. */
  token_endpoint_auth_methods_supported?: string[];
  /** OPTIONAL. */
  scopes_supported?: string[];
  /** OPTIONAL. CEC points at its developer portal. */
  registration_endpoint?: string;
  /** Any other member, kept as sent (CEC adds `name`, `id_token_*`). */
  [member: string]: unknown;
}

/**
 * GET of the metadata document (the consent's `_links.scaOAuth.href`, or the profile's
 * `paths.metadata`). A failure to connect is a NetworkError.
 * @see RFC 8414 §3.1
 */
export function discoveryRequest(fetchFn: typeof fetch, url: string, options: { signal?: AbortSignal; timeoutMs?: number } = {}): Promise<Response> {
  return send(fetchFn, url, { method: 'GET', headers: { accept: 'application/json' }, ...options });
}

/**
 * Validates the metadata answer: 200 with JSON, the three endpoints as http(s) URLs, lists as
 * arrays or CEC's strings. Anything else is a ProtocolError naming the field.
 * @see RFC 8414 §3.2
 */
export async function processDiscoveryResponse(res: Response): Promise<AuthorizationServerMetadata> {
  const what = 'OAuth metadata';
  if (res.status !== 200) {
    await res.body?.cancel();
    throw new ProtocolError(`${what}: expected 200, got ${res.status}`);
  }
  return validate(metadataSchema, await readJson(res, what), what);
}
