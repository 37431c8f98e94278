import type { FastifyInstance, FastifyReply } from 'fastify';
import { PREFIX, type BankContext } from '../context.js';
import { renderLoginPage, renderMessagePage } from '../pages/index.js';
import type { PendingAuthorization } from '../state/records.js';
import { sendPage } from './page-reply.js';
import { renderDecisionPage, applyDecision, type DecisionForm } from './authorize-decision.js';
import { refreshConsentStatus } from '../checks.js';

/** How long a PSU may take between opening the bank's page and deciding. */
const PAGE_SESSION_MS = 10 * 60_000;
const challengePattern = /^[A-Za-z0-9_-]{43}$/;

type Query = Record<string, string | undefined>;

/**
 * The bank's authorization pages: `GET authorize` validates the request and shows the login;
 * `POST authorize/login` checks the PSU; `POST authorize/decision` takes the consent or payment
 * decision and redirects to the TPP with a code or `error=access_denied`.
 * @see RFC 6749 §4.1, RFC 7636, the digest's §2.2–2.4 and §3.2.
 */
export function authorizeRoutes(app: FastifyInstance, ctx: BankContext): void {
  for (const family of ['oauthcec', 'oauth']) {
    const base = `${PREFIX}/${family}/oauth2/authorize`;
    app.get(base, async (req, reply) => startAuthorization(ctx, reply, req.query as Query, base));
    app.post(`${base}/login`, async (req, reply) => login(ctx, reply, (req.body ?? {}) as Query, base));
    app.post(`${base}/decision`, async (req, reply) => decide(ctx, reply, (req.body ?? {}) as DecisionForm, base));
  }
}

export function pageError(reply: FastifyReply, status: number, title: string, message: string): FastifyReply {
  return sendPage(reply, status, (nonce) => renderMessagePage({ nonce, tone: 'error', title, message }));
}

function startAuthorization(ctx: BankContext, reply: FastifyReply, q: Query, base: string): FastifyReply {
  const client = ctx.state.data.apps.find((a) => a.clientId === q['client_id']);
  if (client === undefined) return pageError(reply, 400, 'Cerere invalida', 'Aplicatia (client_id) nu este inregistrata.');
  // RFC 6749 §4.1.2.1: with a bad redirect_uri the bank must not redirect; it tells the PSU.
  if (q['redirect_uri'] !== client.redirectUri) {
    return pageError(reply, 400, 'Cerere invalida', 'Adresa de redirect nu corespunde celei inregistrate pentru aplicatie.');
  }
  const fail = (error: string, description: string) => redirectWith(reply, client.redirectUri, { error, error_description: description, state: q['state'] });
  if (q['response_type'] !== 'code') return fail('unsupported_response_type', 'response_type must be code');
  if (q['code_challenge_method'] !== 'S256') return fail('invalid_request', 'code_challenge_method must be S256');
  if (q['code_challenge'] === undefined || !challengePattern.test(q['code_challenge'])) {
    return fail('invalid_request', 'code_challenge must be the base64url SHA-256 of the verifier (43 characters)');
  }
  const scope = /^(AIS|PIS):([A-Za-z0-9-]{1,64})$/.exec(q['scope'] ?? '');
  if (scope === null) return fail('invalid_scope', 'scope must be AIS:<consentId> or PIS:<paymentId>');
  const kind = scope[1] as 'AIS' | 'PIS';
  const resourceId = scope[2] as string;
  const problem = kind === 'AIS' ? consentProblem(ctx, client.clientId, resourceId) : paymentProblem(ctx, client.clientId, resourceId);
  if (problem !== undefined) return pageError(reply, 400, 'Cerere invalida', problem);

  const pending: PendingAuthorization = {
    id: ctx.random.token(24),
    clientId: client.clientId,
    redirectUri: client.redirectUri,
    state: q['state'],
    scope: `${kind}:${resourceId}`,
    kind,
    resourceId,
    codeChallenge: q['code_challenge'],
    expiresAt: ctx.now().getTime() + PAGE_SESSION_MS,
  };
  ctx.state.pending.set(pending.id, pending);
  return sendPage(reply, 200, (nonce) =>
    renderLoginPage({ nonce, action: `${base}/login`, hidden: { authorization: pending.id }, appName: client.appTitle }),
  );
}

function consentProblem(ctx: BankContext, clientId: string, consentId: string): string | undefined {
  const consent = ctx.state.data.consents.find((c) => c.consentId === consentId && c.clientId === clientId);
  if (consent === undefined) return 'Acordul solicitat nu exista.';
  refreshConsentStatus(ctx, consent);
  // §5: a consent is authorised once; the TPP creates a new one instead.
  if (consent.status !== 'received') return `Acordul a fost deja procesat (stare: ${consent.status}). Solicitati un acord nou.`;
  return undefined;
}

function paymentProblem(ctx: BankContext, clientId: string, paymentId: string): string | undefined {
  const single = ctx.state.data.payments.find((p) => p.paymentId === paymentId && p.clientId === clientId && p.bulkId === undefined);
  const bulk = ctx.state.data.bulks.find((b) => b.paymentIdBulk === paymentId && b.clientId === clientId);
  const status = single?.status ?? bulk?.status;
  if (status === undefined) return 'Plata solicitata nu exista.';
  if (status !== 'RCVD') return `Plata a fost deja procesata (stare: ${status}).`;
  return undefined;
}

/** Finds the live page session a form refers to. */
function pendingOf(ctx: BankContext, id: string | undefined): PendingAuthorization | undefined {
  const pending = id === undefined ? undefined : ctx.state.pending.get(id);
  if (pending === undefined) return undefined;
  if (pending.expiresAt <= ctx.now().getTime()) {
    ctx.state.pending.delete(pending.id);
    return undefined;
  }
  return pending;
}

function login(ctx: BankContext, reply: FastifyReply, form: Query, base: string): FastifyReply {
  const pending = pendingOf(ctx, form['authorization']);
  if (pending === undefined) return pageError(reply, 400, 'Sesiune expirata', 'Sesiunea de autorizare a expirat. Reluati operatiunea din aplicatie.');
  const client = ctx.state.data.apps.find((a) => a.clientId === pending.clientId);
  const username = (form['username'] ?? '').trim();
  const psu = ctx.state.psu(username);
  // The access code is a one-time code from the token device: any 6 digits in the sandbox.
  if (psu === undefined || !/^\d{6}$/.test(form['accessCode'] ?? '')) {
    return sendPage(reply, 401, (nonce) =>
      renderLoginPage({
        nonce,
        action: `${base}/login`,
        hidden: { authorization: pending.id },
        appName: client?.appTitle ?? '',
        username,
        error: 'Numele de utilizator sau codul de acces sunt incorecte.',
      }),
    );
  }
  pending.psuId = psu.userId;
  return renderDecisionPage(ctx, reply, pending, `${base}/decision`);
}

function decide(ctx: BankContext, reply: FastifyReply, form: DecisionForm, base: string): FastifyReply {
  const pending = pendingOf(ctx, typeof form.authorization === 'string' ? form.authorization : undefined);
  if (pending === undefined || pending.psuId === undefined) {
    return pageError(reply, 400, 'Sesiune expirata', 'Sesiunea de autorizare a expirat. Reluati operatiunea din aplicatie.');
  }
  return applyDecision(ctx, reply, pending, form, `${base}/decision`);
}

/** Sends the PSU back to the TPP; `form-action` of the page allows this origin. */
export function redirectWith(reply: FastifyReply, redirectUri: string, params: Record<string, string | undefined>): FastifyReply {
  const url = new URL(redirectUri);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return reply.code(302).header('Location', url.toString()).header('Cache-Control', 'no-store').send();
}
