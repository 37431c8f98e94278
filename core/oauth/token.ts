import { z } from 'zod';
import { answerReference, readJson, validate, wireInteger } from '../http/bank-answer.js';
import { parseJsonLossless } from '../http/json-number.js';
import { send } from '../http/send.js';
import { BankError, OAuthError, ProtocolError } from '../errors.js';

/** How a token call reaches the bank; `clientSecret` is sent only when given. */
export interface TokenClient {
  /** The token endpoint (see `resolveEndpoint('token')`). */
  tokenUrl: string;
  clientId: string;
  clientSecret?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface AuthorizationCodeGrant extends TokenClient {
  code: string;
  /** Exactly the `redirect_uri` of the authorization request. */
  redirectUri: string;
  codeVerifier: string;
  /** `AIS:<consentId>` or `PIS:<paymentId>`; CEC's examples send it. */
  scope: string;
}

export interface RefreshTokenGrant extends TokenClient {
  refreshToken: string;
}

/**
 * The token endpoint's success answer as CEC sends it.
 * @see RFC 6749 §5.1; the digest's §2.5
 */
export interface TokenEndpointResponse {
  /** REQUIRED. The bearer token for ConsentC/AccountsC/PaymentsC calls. */
  access_token: string;
  /** REQUIRED. CEC sends `bearer`; compared case-insensitively (RFC 6749 §5.1). */
  token_type: string;
  /** REQUIRED here (RECOMMENDED in RFC 6749): seconds, a JSON integer (or its digits as a string); CEC sends 3595. */
  expires_in: number;
  /** OPTIONAL in RFC 6749, always sent by CEC: `AIS:<consentId>` / `PIS:<paymentId>`. */
  scope?: string;
  /** OPTIONAL. Lives as long as the consent (AIS) or 90 days (PIS). */
  refresh_token?: string;
  /** OPTIONAL. CEC extension: seconds until `refresh_token` expires. */
  refresh_token_expires_in?: number;
  /** OPTIONAL. CEC extension: Unix seconds when the PSU consented. */
  consented_on?: number;
}

/** The token answer in our terms: absolute instants, computed once from the clock we were given. */
export interface TokenSet {
  accessToken: string;
  tokenType: 'bearer';
  expiresAt: Date;
  scope: string;
  /** Absent from a refresh answer that keeps the old refresh token: keep using the stored one. */
  refreshToken?: string;
  refreshTokenExpiresAt?: Date;
  consentedOn?: Date;
}

const nonNegative = wireInteger.pipe(z.number().min(0, 'must not be negative'));

const tokenSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().refine((t) => t.toLowerCase() === 'bearer', 'is not bearer'),
  expires_in: wireInteger.pipe(z.number().positive('must be positive')),
  scope: z.string().min(1).optional(),
  refresh_token: z.string().min(1).optional(),
  refresh_token_expires_in: nonNegative.optional(),
  consented_on: nonNegative.optional(),
}).loose();

const errorSchema = z.object({ error: z.string().min(1), error_description: z.string().optional() }).loose();

/**
 * POST of an authorization code with its PKCE verifier, in CEC's form field order.
 * @see RFC 6749 §4.1.3; RFC 7636 §4.5; the digest's §2.5
 */
export function authorizationCodeGrantRequest(fetchFn: typeof fetch, grant: AuthorizationCodeGrant): Promise<Response> {
  return tokenRequest(fetchFn, grant, [
    ['grant_type', 'authorization_code'],
    ['client_id', grant.clientId],
    ['code', grant.code],
    ['redirect_uri', grant.redirectUri],
    ['scope', grant.scope],
    ['code_verifier', grant.codeVerifier],
  ]);
}

/**
 * POST of a refresh token for a new access token.
 * @see RFC 6749 §6; the digest's §2.5 "Refresh"
 */
export function refreshTokenGrantRequest(fetchFn: typeof fetch, grant: RefreshTokenGrant): Promise<Response> {
  return tokenRequest(fetchFn, grant, [
    ['grant_type', 'refresh_token'],
    ['client_id', grant.clientId],
    ['refresh_token', grant.refreshToken],
  ]);
}

function tokenRequest(fetchFn: typeof fetch, client: TokenClient, fields: [string, string][]): Promise<Response> {
  const body = new URLSearchParams(fields);
  if (client.clientSecret !== undefined) body.set('client_secret', client.clientSecret);
  return send(fetchFn, client.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'x-ibm-client-id': client.clientId },
    body: body.toString(),
    signal: client.signal,
    timeoutMs: client.timeoutMs,
  });
}

/**
 * Validates a token answer of either grant. Non-2xx with an RFC 6749 error body → OAuthError
 * (`invalid_grant` means the code or refresh token is dead); a 5xx or 429 without one →
 * BankError (the bank is down or limiting: retryable); any other non-2xx, non-JSON or a
 * field of the wrong type (`"expires_in":"soon"`) → ProtocolError; `"expires_in":"3595"` is read
 * as 3595 and `null` as absent (`wireInteger`, `readJson`). `expectedScope`, when given,
 * fills a missing `scope` and must equal a present one: a token for another consent must not be
 * filed under this one.
 * @see RFC 6749 §5.1, §5.2
 */
export async function processTokenResponse(res: Response, now: Date, options: { expectedScope?: string } = {}): Promise<TokenSet> {
  const what = 'token answer';
  if (!res.ok) throw await tokenError(res);
  const wire: TokenEndpointResponse = validate(tokenSchema, await readJson(res, what), what);
  const scope = wire.scope ?? options.expectedScope;
  if (scope === undefined) throw new ProtocolError(`${what}: scope is missing`);
  if (options.expectedScope !== undefined && scope !== options.expectedScope) {
    throw new ProtocolError(`${what}: scope ${scope} differs from the requested ${options.expectedScope}`);
  }
  const after = (seconds: number) => new Date(now.getTime() + seconds * 1000);
  return {
    accessToken: wire.access_token,
    tokenType: 'bearer',
    expiresAt: after(wire.expires_in),
    scope,
    ...(wire.refresh_token !== undefined && { refreshToken: wire.refresh_token }),
    ...(wire.refresh_token_expires_in !== undefined && { refreshTokenExpiresAt: after(wire.refresh_token_expires_in) }),
    ...(wire.consented_on !== undefined && { consentedOn: new Date(wire.consented_on * 1000) }),
  };
}

async function tokenError(res: Response): Promise<Error> {
  const reference = answerReference(res);
  const text = await res.text();
  let body: unknown;
  try {
    body = parseJsonLossless(text);
  } catch {
    // A gateway's HTML or plain-text page: not the RFC 6749 error model.
  }
  const parsed = errorSchema.safeParse(body);
  if (parsed.success) return new OAuthError(parsed.data.error, parsed.data.error_description, res.status, reference);
  // The bank is down or limiting calls, whatever page its gateway shows: the person retries later.
  if (res.status >= 500 || res.status === 429) return new BankError(res.status, [], reference.requestId, reference.retryAfter);
  const kind = /^\s*</.test(text) ? 'an HTML page' : body === undefined ? 'a non-JSON body' : 'no RFC 6749 error';
  return new ProtocolError(`token endpoint answered ${res.status} with ${kind}`);
}
