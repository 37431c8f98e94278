import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PREFIX, type BankContext } from '../context.js';
import { endOfBankDay } from '../dates.js';
import { OAuthRejection } from '../errors.js';
import { header } from '../checks.js';
import type { TokenRecord, TppApp } from '../state/records.js';
import { digestSecret, matchesDigest } from '../state/secrets.js';

/** §5: PIS refresh tokens live 90 days; AIS ones as long as their consent. */
const PIS_REFRESH_SECONDS = 90 * 86_400;
const verifierPattern = /^[A-Za-z0-9._~-]{43,128}$/;

type Form = Record<string, unknown>;
const field = (form: Form, name: string): string | undefined => {
  const v = form[name];
  return typeof v === 'string' && v !== '' ? v : undefined;
};
const required = (form: Form, name: string): string => {
  const v = field(form, name);
  if (v === undefined) throw new OAuthRejection(400, 'invalid_request', `${name} is required`);
  return v;
};

/**
 * The token endpoint: `authorization_code` (PKCE S256 checked, code burned on first use, even a
 * failed one) and `refresh_token`. Errors are RFC 6749 §5.2 bodies.
 * @see RFC 6749 §4.1.3, §6; RFC 7636 §4.6; the digest's §2.5.
 */
export function tokenRoutes(app: FastifyInstance, ctx: BankContext): void {
  for (const family of ['oauthcec', 'oauth']) {
    app.post(`${PREFIX}/${family}/oauth2/token`, async (req, reply) => {
      if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
        throw new OAuthRejection(400, 'invalid_request', 'the body must be application/x-www-form-urlencoded');
      }
      const form = (req.body ?? {}) as Form;
      const client = authenticate(ctx, req, form);
      const grant = required(form, 'grant_type');
      const body = grant === 'authorization_code' ? exchangeCode(ctx, client, form)
        : grant === 'refresh_token' ? refresh(ctx, client, form)
        : unsupported(grant);
      ctx.state.changed();
      return reply.header('Cache-Control', 'no-store').header('Pragma', 'no-cache').send(body);
    });
  }
}

function unsupported(grant: string): never {
  throw new OAuthRejection(400, 'unsupported_grant_type', `grant_type ${grant} is not supported`);
}

/** The client is named by `client_id` (and CEC's `x-ibm-client-id`); a secret, when sent, must match. */
function authenticate(ctx: BankContext, req: FastifyRequest, form: Form): TppApp {
  const fromBody = field(form, 'client_id');
  const fromHeader = header(req, 'x-ibm-client-id');
  if (fromBody !== undefined && fromHeader !== undefined && fromBody !== fromHeader) {
    throw new OAuthRejection(401, 'invalid_client', 'client_id and x-ibm-client-id differ');
  }
  const clientId = fromBody ?? fromHeader;
  if (clientId === undefined) throw new OAuthRejection(400, 'invalid_request', 'client_id is required');
  const client = ctx.state.data.apps.find((a) => a.clientId === clientId);
  if (client === undefined) throw new OAuthRejection(401, 'invalid_client', 'unknown client');
  const secret = field(form, 'client_secret') ?? header(req, 'x-ibm-client-secret') ?? basicSecret(header(req, 'authorization'), clientId);
  if (secret !== undefined && !matchesDigest(secret, client.clientSecretHash)) throw new OAuthRejection(401, 'invalid_client', 'client authentication failed');
  return client;
}

function basicSecret(authorization: string | undefined, clientId: string): string | undefined {
  const m = authorization === undefined ? null : /^Basic\s+(\S+)$/i.exec(authorization);
  if (m === null) return undefined;
  const [id, secret] = Buffer.from(m[1] as string, 'base64').toString('utf8').split(':');
  if (id !== clientId) throw new OAuthRejection(401, 'invalid_client', 'client_id and Basic credentials differ');
  return secret;
}

function exchangeCode(ctx: BankContext, client: TppApp, form: Form) {
  const codeValue = required(form, 'code');
  const redirectUri = required(form, 'redirect_uri');
  const verifier = required(form, 'code_verifier');
  const now = ctx.now().getTime();
  const codeHash = digestSecret(codeValue);
  const code = ctx.state.data.codes.find((c) => c.codeHash === codeHash);
  if (code === undefined || code.clientId !== client.clientId) throw new OAuthRejection(400, 'invalid_grant', 'unknown authorization code');
  if (code.used) {
    // RFC 6749 §4.1.2: a replayed code may mean it leaked; revoke what it produced.
    ctx.state.data.tokens = ctx.state.data.tokens.filter((t) => !(t.scope === code.scope && t.clientId === code.clientId && t.psuId === code.psuId));
    throw new OAuthRejection(400, 'invalid_grant', 'authorization code already used');
  }
  code.used = true; // §5: burned by the first exchange, successful or not
  if (code.expiresAt <= now) throw new OAuthRejection(400, 'invalid_grant', 'authorization code expired');
  if (code.redirectUri !== redirectUri) throw new OAuthRejection(400, 'invalid_grant', 'redirect_uri does not match the authorization request');
  if (!verifierPattern.test(verifier)) throw new OAuthRejection(400, 'invalid_grant', 'code_verifier is malformed');
  const challenge = createHash('sha256').update(verifier, 'ascii').digest('base64url');
  if (challenge !== code.codeChallenge) throw new OAuthRejection(400, 'invalid_grant', 'PKCE verification failed');
  const scope = field(form, 'scope');
  if (scope !== undefined && scope !== code.scope) throw new OAuthRejection(400, 'invalid_scope', 'scope differs from the authorized one');

  const consentedOn = Math.floor(now / 1000);
  const refreshExpiresAt = refreshExpiry(ctx, code.scope, now);
  const access = issue(ctx, 'access', client.clientId, code.scope, code.psuId, now + ctx.options.tokenTtl * 1000, consentedOn);
  const refreshToken = issue(ctx, 'refresh', client.clientId, code.scope, code.psuId, refreshExpiresAt, consentedOn);
  return tokenResponse(ctx, access, refreshToken, now);
}

function refresh(ctx: BankContext, client: TppApp, form: Form) {
  const value = required(form, 'refresh_token');
  const now = ctx.now().getTime();
  const tokenHash = digestSecret(value);
  const record = ctx.state.data.tokens.find((t) => t.tokenHash === tokenHash && t.type === 'refresh');
  if (record === undefined || record.clientId !== client.clientId) throw new OAuthRejection(400, 'invalid_grant', 'unknown refresh token');
  if (record.expiresAt <= now) throw new OAuthRejection(400, 'invalid_grant', 'refresh token expired');
  if (record.scope.startsWith('AIS:')) {
    const consent = ctx.state.data.consents.find((c) => `AIS:${c.consentId}` === record.scope);
    if (consent === undefined || consent.status !== 'valid') throw new OAuthRejection(400, 'invalid_grant', `the consent is ${consent?.status ?? 'unknown'}`);
  }
  const access = issue(ctx, 'access', client.clientId, record.scope, record.psuId, now + ctx.options.tokenTtl * 1000, record.consentedOn);
  return tokenResponse(ctx, access, { value, record }, now);
}

function refreshExpiry(ctx: BankContext, scope: string, now: number): number {
  if (scope.startsWith('PIS:')) return now + PIS_REFRESH_SECONDS * 1000;
  const consent = ctx.state.data.consents.find((c) => `AIS:${c.consentId}` === scope);
  if (consent === undefined || consent.status !== 'valid') throw new OAuthRejection(400, 'invalid_grant', 'the consent is not valid');
  return endOfBankDay(consent.validUntil).getTime();
}

/** A token as handed out: its value goes to the TPP once, the bank keeps the record (with a digest). */
interface Issued {
  value: string;
  record: TokenRecord;
}

function issue(ctx: BankContext, type: TokenRecord['type'], clientId: string, scope: string, psuId: string, expiresAt: number, consentedOn: number): Issued {
  const value = ctx.random.token(type === 'access' ? 64 : 72);
  const record: TokenRecord = { tokenHash: digestSecret(value), type, clientId, scope, psuId, expiresAt, consentedOn };
  ctx.state.data.tokens.push(record);
  return { value, record };
}

function tokenResponse(ctx: BankContext, access: Issued, refreshToken: Issued, now: number) {
  return {
    token_type: 'bearer',
    access_token: access.value,
    // The other bank sends the lifetime as a string; RFC 6749 §5.1 shows a number.
    expires_in: ctx.options.dialect === 'loose' ? String(ctx.options.tokenTtl) : ctx.options.tokenTtl,
    consented_on: access.record.consentedOn,
    scope: access.record.scope,
    refresh_token: refreshToken.value,
    refresh_token_expires_in: Math.max(0, Math.floor((refreshToken.record.expiresAt - now) / 1000)),
  };
}
