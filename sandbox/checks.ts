import type { FastifyRequest } from 'fastify';
import { parseTppCertificate, requireRole, type PspRole, type TppCertificate } from './certificate.js';
import type { BankContext } from './context.js';
import { bankDay } from './dates.js';
import { reject } from './errors.js';
import type { Consent, TokenRecord, TppApp } from './state/records.js';
import { digestSecret, matchesDigest } from './state/secrets.js';

export interface Psd2Caller {
  app: TppApp;
  cert: TppCertificate;
  requestId: string;
  /** The PSU is present when the TPP forwards their IP address (Berlin Group `_conditionalForAis`). */
  psuPresent: boolean;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function header(req: FastifyRequest, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function requireHeader(req: FastifyRequest, name: string): string {
  const value = header(req, name)?.trim();
  if (value === undefined || value === '') return reject(400, 'FORMAT_ERROR', `Header ${name} is missing`);
  return value;
}

/** Finds the TPP app by `x-ibm-client-id`; an optional `x-ibm-client-secret` must match. */
function clientApp(ctx: BankContext, req: FastifyRequest): TppApp {
  const clientId = header(req, 'x-ibm-client-id');
  if (clientId === undefined || clientId === '') return reject(401, 'CLIENT_INVALID', 'x-ibm-client-id is missing');
  const app = ctx.state.data.apps.find((a) => a.clientId === clientId);
  if (app === undefined) return reject(401, 'CLIENT_INVALID', 'Unknown client id');
  const secret = header(req, 'x-ibm-client-secret');
  if (secret !== undefined && !matchesDigest(secret, app.clientSecretHash)) return reject(401, 'CLIENT_INVALID', 'Client secret does not match');
  return app;
}

/**
 * The first checks of every ConsentC, AccountsC and PaymentsC call, in the order of the digest's
 * §5: certificate, then client id, then the mandatory `X-Request-ID`.
 */
export function psd2Caller(ctx: BankContext, req: FastifyRequest, role: PspRole | undefined): Psd2Caller {
  const cert = parseTppCertificate(header(req, 'tpp-signature-certificate'), ctx.now());
  if (role !== undefined) requireRole(cert, role);
  const app = clientApp(ctx, req);
  const requestId = requireHeader(req, 'X-Request-ID');
  if (!uuid.test(requestId)) reject(400, 'FORMAT_ERROR', 'X-Request-ID must be a UUID');
  const ip = header(req, 'psu-ip-address');
  return { app, cert, requestId, psuPresent: ip !== undefined && ip.trim() !== '' };
}

/** The bearer token of a call: known, of this client, not expired, of the expected kind. */
export function bearer(ctx: BankContext, req: FastifyRequest, caller: Psd2Caller, kind: 'AIS' | 'PIS'): TokenRecord {
  const auth = header(req, 'authorization');
  const match = auth === undefined ? null : /^Bearer\s+(\S+)$/i.exec(auth.trim());
  if (match === null) return reject(401, 'TOKEN_INVALID', 'Authorization: Bearer <access_token> is required');
  const hash = digestSecret(match[1] as string);
  const token = ctx.state.data.tokens.find((t) => t.tokenHash === hash && t.type === 'access');
  if (token === undefined || token.clientId !== caller.app.clientId) return reject(401, 'TOKEN_INVALID', 'Unknown access token');
  if (token.expiresAt <= ctx.now().getTime()) return reject(401, 'TOKEN_EXPIRED', 'The access token has expired');
  if (!token.scope.startsWith(`${kind}:`)) return reject(401, 'TOKEN_INVALID', `This call needs a token of scope ${kind}:<id>`);
  return token;
}

/** Moves a consent past its `validUntil` to `expired`; the bank does it lazily when it is touched. */
export function refreshConsentStatus(ctx: BankContext, consent: Consent): Consent {
  if (consent.status === 'valid' && bankDay(ctx.now()) > consent.validUntil) {
    consent.status = 'expired';
    ctx.state.changed();
  }
  return consent;
}

/** Finds a consent of this client, or 403 CONSENT_UNKNOWN. */
export function ownConsent(ctx: BankContext, caller: Psd2Caller, consentId: string): Consent {
  const consent = ctx.state.data.consents.find((c) => c.consentId === consentId);
  if (consent === undefined || consent.clientId !== caller.app.clientId) return reject(403, 'CONSENT_UNKNOWN', 'Unknown consent');
  return refreshConsentStatus(ctx, consent);
}

/** The consent an AIS token speaks for: it must be the `Consent-ID` of the call and be valid. */
export function aisConsent(ctx: BankContext, caller: Psd2Caller, token: TokenRecord, consentId: string): Consent {
  if (token.scope !== `AIS:${consentId}`) return reject(401, 'CONSENT_INVALID', 'The token was not issued for this Consent-ID');
  const consent = ownConsent(ctx, caller, consentId);
  if (consent.status === 'expired') return reject(401, 'CONSENT_EXPIRED', `The consent expired on ${consent.validUntil}`);
  if (consent.status !== 'valid') return reject(401, 'CONSENT_INVALID', `The consent is ${consent.status}`);
  return consent;
}
