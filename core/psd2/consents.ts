/**
 * PSD2 API-ConsentC: create, read, poll and revoke an AIS consent, as request/process pairs.
 * Reads work with or without a bearer: before the PSU authorises, the TPP has no token and the
 * client id with the certificate identify it.
 * @see digest §2.1; Berlin Group 1.3.12 createConsent, getConsentInformation, getConsentStatus,
 * deleteConsent.
 */
import type { ConsentStatus } from '../../common/index.js';
import { BugIndicatingError } from '../errors.js';
import { throwIfBankError } from '../http/bank-answer.js';
import { send } from '../http/send.js';
import { normaliseIban } from '../iban/iban.js';
import { text } from './ais-domain.js';
import { readAnswer, segment } from './ais-request.js';
import { familyUrl, type Psd2Context } from './psd2-context.js';
import { psd2Headers } from './psd2-headers.js';
import type { AccountReference } from './wire/common.js';
import {
  consentInformationResponse,
  consentsResponse201,
  consentStatusResponse,
  type ConsentInformationResponse,
  type ConsentRequestBody,
  type WireConsentStatus,
} from './wire/consents.js';

export type { ConsentRequestBody } from './wire/consents.js';

export interface CreateConsentInput {
  /** `TPP-Redirect-URI`: where the bank sends the PSU back with the code. */
  redirectUri: string;
  /** The PSU's address when the person started this (BG mandates it on POST consents). */
  psuIpAddress?: string;
  /** Sent only when the profile says `consentBody: 'berlin-group'`; CEC's consents carry none. */
  body?: ConsentRequestBody;
}

/** What a created consent gives the OAuth step. */
export interface CreatedConsent {
  consentId: string;
  consentStatus: ConsentStatus;
  /** CEC's `Location` header: a ready authorize URL to complete with PKCE (digest §2.1). */
  location?: string;
  /** `_links.scaOAuth.href`: the authorization server metadata. */
  scaOAuthHref?: string;
}

/** An account the consent names; CEC lists IBANs only. */
export interface ConsentAccountRef {
  iban?: string;
  maskedPan?: string;
  currency?: string;
}

/** What the PSU granted, as `GET /v1/consents/{consentId}` reports it. */
export interface ConsentInformation {
  consentStatus: ConsentStatus;
  access: { accounts: ConsentAccountRef[]; balances: ConsentAccountRef[]; transactions: ConsentAccountRef[] };
  recurringIndicator: boolean;
  /** Absent until the PSU has authorised a CEC consent. */
  validUntil?: string;
  frequencyPerDay: number;
  /** Absent when the bank leaves it out, as the Berlin Group's own example does. */
  lastActionDate?: string;
}

/**
 * `partiallyAuthorised` (multi-level SCA under way) is not usable yet, which is what the domain's
 * `received` means.
 */
const toConsentStatus = (s: WireConsentStatus): ConsentStatus => (s === 'partiallyAuthorised' ? 'received' : s);

/**
 * `POST /v1/consents` with `TPP-Redirect-URI`. CEC takes an empty body — the PSU ticks accounts,
 * balances and transactions on the bank's page (digest §2.1, §2.3); a Berlin Group bank takes
 * `body`.
 * @see BG createConsent.
 */
export async function createConsentRequest(ctx: Psd2Context, input: CreateConsentInput): Promise<Response> {
  const withBody = ctx.profile.quirks.consentBody === 'berlin-group';
  if (withBody && input.body === undefined) throw new BugIndicatingError(`createConsent: ${ctx.profile.id} needs a Berlin Group consent body`);
  const headers = psd2Headers(
    ctx,
    { 'TPP-Redirect-URI': input.redirectUri, 'Content-Type': withBody ? 'application/json' : undefined },
    { psuIpAddress: input.psuIpAddress },
  );
  const body = withBody ? JSON.stringify(input.body) : undefined;
  return send(ctx.fetch, familyUrl(ctx, 'consents', '/consents'), { method: 'POST', headers, body, timeoutMs: ctx.timeoutMs });
}

export async function processCreateConsentResponse(res: Response): Promise<CreatedConsent> {
  const location = res.headers.get('location') ?? undefined;
  const body = await readAnswer(res, consentsResponse201, 'createConsent');
  const scaOAuthHref = body._links?.scaOAuth?.href;
  return {
    consentId: body.consentId,
    consentStatus: toConsentStatus(body.consentStatus),
    ...(location === undefined ? {} : { location }),
    ...(scaOAuthHref === undefined ? {} : { scaOAuthHref }),
  };
}

/** Optional bearer of a consent call: none before the PSU has authorised. */
export interface ConsentCallAuth {
  accessToken?: string;
}

const consentHeaders = (ctx: Psd2Context, auth: ConsentCallAuth) =>
  psd2Headers(ctx, { Authorization: auth.accessToken === undefined ? undefined : `Bearer ${auth.accessToken}` });

const consentUrl = (ctx: Psd2Context, consentId: string, tail = '') => familyUrl(ctx, 'consents', `/consents/${segment(consentId)}${tail}`);

/** `GET /v1/consents/{consentId}`. @see BG getConsentInformation. */
export function getConsentRequest(ctx: Psd2Context, consentId: string, auth: ConsentCallAuth = {}): Promise<Response> {
  return send(ctx.fetch, consentUrl(ctx, consentId), { method: 'GET', headers: consentHeaders(ctx, auth), timeoutMs: ctx.timeoutMs });
}

const toRef = (r: AccountReference): ConsentAccountRef => {
  const iban = text(r.iban);
  const maskedPan = text(r.maskedPan);
  const currency = text(r.currency);
  return { ...(iban === undefined ? {} : { iban: normaliseIban(iban) }), ...(maskedPan === undefined ? {} : { maskedPan }), ...(currency === undefined ? {} : { currency }) };
};

function toConsentInformation(w: ConsentInformationResponse): ConsentInformation {
  return {
    consentStatus: toConsentStatus(w.consentStatus),
    access: {
      accounts: (w.access.accounts ?? []).map(toRef),
      balances: (w.access.balances ?? []).map(toRef),
      transactions: (w.access.transactions ?? []).map(toRef),
    },
    recurringIndicator: w.recurringIndicator,
    ...(w.validUntil === undefined ? {} : { validUntil: w.validUntil }),
    frequencyPerDay: w.frequencyPerDay,
    ...(w.lastActionDate === undefined ? {} : { lastActionDate: w.lastActionDate }),
  };
}

export async function processConsentResponse(res: Response): Promise<ConsentInformation> {
  return toConsentInformation(await readAnswer(res, consentInformationResponse, 'getConsentInformation'));
}

/** `GET /v1/consents/{consentId}/status`: what the TPP polls while the PSU is on the bank's pages. @see BG getConsentStatus. */
export function getConsentStatusRequest(ctx: Psd2Context, consentId: string, auth: ConsentCallAuth = {}): Promise<Response> {
  return send(ctx.fetch, consentUrl(ctx, consentId, '/status'), { method: 'GET', headers: consentHeaders(ctx, auth), timeoutMs: ctx.timeoutMs });
}

export async function processConsentStatusResponse(res: Response): Promise<ConsentStatus> {
  return toConsentStatus((await readAnswer(res, consentStatusResponse, 'getConsentStatus')).consentStatus);
}

/** `DELETE /v1/consents/{consentId}`: the TPP ends the consent (it becomes `terminatedByTpp`). @see BG deleteConsent. */
export function deleteConsentRequest(ctx: Psd2Context, consentId: string, auth: ConsentCallAuth = {}): Promise<Response> {
  return send(ctx.fetch, consentUrl(ctx, consentId), { method: 'DELETE', headers: consentHeaders(ctx, auth), timeoutMs: ctx.timeoutMs });
}

/** 204 No Content on success; any 2xx is taken as done, since the bank has no body to add. */
export async function processDeleteConsentResponse(res: Response): Promise<void> {
  await throwIfBankError(res, 'deleteConsent');
  // Drained so the connection can be reused.
  await res.body?.cancel();
}
