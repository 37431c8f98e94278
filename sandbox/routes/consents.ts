import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { bearer, header, ownConsent, psd2Caller, requireHeader, type Psd2Caller } from '../checks.js';
import { baseUrl, PREFIX, type BankContext } from '../context.js';
import { addDays, bankDay, isIsoDate } from '../dates.js';
import { CONSENT_MAX_DAYS } from './authorize-decision.js';
import { reject } from '../errors.js';
import { cecResourceId } from '../ids.js';
import type { Consent } from '../state/records.js';
import { parseBody } from '../validate.js';

const accountReference = z.object({ iban: z.string().optional(), currency: z.string().optional() }).loose();
/** Berlin Group `consents` body; CEC's own clients send none (the PSU picks on the bank's page). */
const consentBody = z.object({
  access: z.object({
    accounts: z.array(accountReference).optional(),
    balances: z.array(accountReference).optional(),
    transactions: z.array(accountReference).optional(),
    availableAccounts: z.enum(['allAccounts', 'allAccountsWithOwnerName']).optional(),
    allPsd2: z.enum(['allAccounts', 'allAccountsWithOwnerName']).optional(),
  }).loose(),
  recurringIndicator: z.boolean(),
  validUntil: z.string().refine(isIsoDate, 'must be an ISO date'),
  frequencyPerDay: z.number().int().min(1),
  combinedServiceIndicator: z.boolean(),
});

/** PSD2 RTS art. 36: four unattended accesses a day unless agreed otherwise. */
const MAX_FREQUENCY = 4;

/**
 * PSD2 API-ConsentC: create (CEC's empty body or a Berlin Group body), read, status, revoke.
 * @see Berlin Group 1.3.12 createConsent / getConsentInformation / getConsentStatus / deleteConsent.
 */
export function consentRoutes(app: FastifyInstance, ctx: BankContext): void {
  const base = `${PREFIX}/psd29c/v1`;

  app.post(`${base}/consents`, async (req, reply) => {
    const caller = psd2Caller(ctx, req, 'PSP_AI');
    const redirect = requireHeader(req, 'TPP-Redirect-URI');
    if (!URL.canParse(redirect)) reject(400, 'FORMAT_ERROR', 'TPP-Redirect-URI must be an absolute URL');
    const empty = req.body === undefined || req.body === null || (typeof req.body === 'object' && Object.keys(req.body).length === 0);
    const body = empty ? undefined : parseBody(consentBody, req.body, 'body');
    const today = bankDay(ctx.now());
    if (body !== undefined && body.validUntil < today) reject(400, 'PERIOD_INVALID', 'validUntil lies in the past');
    const consent: Consent = {
      consentId: cecResourceId(ctx.random),
      clientId: caller.app.clientId,
      status: 'received',
      createdAt: ctx.now().toISOString(),
      // Fixed when the PSU authorises: then it becomes at most 180 days from that day.
      validUntil: body?.validUntil ?? '',
      recurringIndicator: body?.recurringIndicator ?? true,
      frequencyPerDay: Math.min(body?.frequencyPerDay ?? MAX_FREQUENCY, MAX_FREQUENCY),
      requestedAccess: body?.access,
      access: { accounts: [], balances: [], transactions: [] },
      lastActionDate: today,
      tppRedirectUri: redirect,
    };
    ctx.state.data.consents.push(consent);
    ctx.state.changed();
    const root = baseUrl(ctx);
    const authorize = new URL(`${root}/oauthcec/oauth2/authorize`);
    authorize.search = new URLSearchParams({
      response_type: 'code',
      scope: `AIS:${consent.consentId}`,
      redirect_uri: redirect,
      client_id: caller.app.clientId,
      code_challenge: '',
      code_challenge_method: 'S256',
    }).toString();
    return reply.code(201).header('Location', authorize.toString()).header('ASPSP-SCA-Approach', 'REDIRECT').send({
      consentStatus: consent.status,
      consentId: consent.consentId,
      _links: {
        scaOAuth: { href: `${root}/oauth/.well-known/oauthauthorization-server` },
        self: { href: `${root}/psd29c/v1/consents/${consent.consentId}` },
        status: { href: `${root}/psd29c/v1/consents/${consent.consentId}/status` },
      },
    });
  });

  for (const prefix of [base, `${base}/d`]) {
    app.get(`${prefix}/consents/:consentId`, async (req) => {
      const consent = readableConsent(ctx, req);
      return consentInformation(ctx, consent, bankDay(ctx.now()));
    });
    app.get(`${prefix}/consents/:consentId/status`, async (req) => {
      const consent = readableConsent(ctx, req);
      return { consentStatus: consent.status };
    });
  }

  app.delete(`${base}/consents/:consentId`, async (req, reply) => {
    const consent = readableConsent(ctx, req);
    if (consent.status !== 'received' && consent.status !== 'valid') {
      // CEC answers 409; the other bank 400, both with STATUS_INVALID.
      reject(ctx.options.dialect === 'loose' ? 400 : 409, 'STATUS_INVALID', `The consent is already ${consent.status}`);
    }
    consent.status = 'terminatedByTpp';
    consent.lastActionDate = bankDay(ctx.now());
    ctx.state.changed();
    return reply.code(204).send();
  });
}

/**
 * Consent reads need no token before the PSU has authorised (the TPP polls the status), so the
 * client id and certificate identify the TPP; a bearer, when sent, must be this consent's.
 */
function readableConsent(ctx: BankContext, req: FastifyRequest): Consent {
  const caller: Psd2Caller = psd2Caller(ctx, req, 'PSP_AI');
  const { consentId } = req.params as { consentId: string };
  if (header(req, 'authorization') !== undefined) {
    const token = bearer(ctx, req, caller, 'AIS');
    if (token.scope !== `AIS:${consentId}`) reject(401, 'CONSENT_INVALID', 'The token was not issued for this consent');
  }
  return ownConsent(ctx, caller, consentId);
}

function consentInformation(ctx: BankContext, consent: Consent, today: string) {
  const loose = ctx.options.dialect === 'loose';
  // Berlin Group account references: a card account is named by its masked PAN, not an IBAN
  // (the other bank names it by its IBAN, as it lists it).
  const refs = (ibans: string[]) =>
    ibans.map((iban) => {
      const account = ctx.state.accountByIban(iban)?.account;
      return account?.kind === 'card' && account.maskedPan !== undefined && !loose ? { maskedPan: account.maskedPan } : { iban };
    });
  const info = {
    access: { accounts: refs(consent.access.accounts), balances: refs(consent.access.balances), transactions: refs(consent.access.transactions) },
    recurringIndicator: consent.recurringIndicator,
    // Berlin Group requires validUntil; before authorisation it is what authorising today would give.
    validUntil: consent.validUntil === '' ? addDays(today, CONSENT_MAX_DAYS - 1) : consent.validUntil,
    frequencyPerDay: consent.frequencyPerDay,
    lastActionDate: consent.lastActionDate,
    consentStatus: consent.status,
    _links: { account: { href: '/v1/accounts' } },
  };
  if (!loose) return info;
  // The other bank's typing: scalars as strings, lastActionDate as a date-time.
  return {
    ...info,
    recurringIndicator: String(info.recurringIndicator),
    frequencyPerDay: String(info.frequencyPerDay),
    lastActionDate: `${info.lastActionDate}T00:00:00Z`,
  };
}

