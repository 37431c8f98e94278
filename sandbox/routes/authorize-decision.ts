import type { FastifyReply } from 'fastify';
import type { BankContext } from '../context.js';
import { addDays, bankDay } from '../dates.js';
import { formatMinor } from '../money.js';
import { renderBulkPage, renderConsentPage, renderPaymentPage } from '../pages/index.js';
import type { BulkPayment, Consent, Payment, PendingAuthorization } from '../state/records.js';
import type { Psu } from '../state/types.js';
import { sendPage } from './page-reply.js';
import { pageError, redirectWith } from './authorize.js';
import { digestSecret } from '../state/secrets.js';

/** The decision form: `decision` plus, on the consent page, the IBANs ticked per permission. */
export interface DecisionForm {
  authorization?: string | string[];
  decision?: string | string[];
  accounts?: string | string[];
  balances?: string | string[];
  transactions?: string | string[];
  debtorIban?: string | string[];
}

/** §5: the longest a consent may last, in days counted from the day it is authorised. */
export const CONSENT_MAX_DAYS = 180;
const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/** §5 payer select: the PSU's current accounts in the payment's currency. */
const payerOptions = (psu: Psu, currency: string): string[] =>
  psu.accounts.filter((a) => a.kind === 'current' && a.currency === currency).map((a) => a.iban);

interface Subject {
  consent?: Consent;
  payment?: Payment;
  bulk?: BulkPayment;
  items: Payment[];
}

function subjectOf(ctx: BankContext, pending: PendingAuthorization): Subject {
  const d = ctx.state.data;
  if (pending.kind === 'AIS') return { consent: d.consents.find((c) => c.consentId === pending.resourceId), items: [] };
  const bulk = d.bulks.find((b) => b.paymentIdBulk === pending.resourceId);
  if (bulk !== undefined) return { bulk, items: bulk.itemIds.map((id) => d.payments.find((p) => p.paymentId === id)).filter((p): p is Payment => p !== undefined) };
  return { payment: d.payments.find((p) => p.paymentId === pending.resourceId), items: [] };
}

export function renderDecisionPage(
  ctx: BankContext,
  reply: FastifyReply,
  pending: PendingAuthorization,
  action: string,
  error?: string,
  checked?: { accounts: string[]; balances: string[]; transactions: string[] },
): FastifyReply {
  const psu = ctx.state.psu(pending.psuId ?? '');
  const client = ctx.state.data.apps.find((a) => a.clientId === pending.clientId);
  if (psu === undefined || client === undefined) return pageError(reply, 400, 'Cerere invalida', 'Sesiune invalida.');
  const redirectOrigin = [new URL(pending.redirectUri).origin];
  const common = { action, hidden: { authorization: pending.id }, appName: client.appTitle, psuName: psu.displayName, error };
  const status = error === undefined ? 200 : 400;
  const subject = subjectOf(ctx, pending);
  if (subject.consent !== undefined) {
    const accounts = psu.accounts.map((a) => ({ iban: a.iban, currency: a.currency, product: a.product }));
    return sendPage(reply, status, (nonce) => renderConsentPage({ ...common, nonce, redirectUri: pending.redirectUri, accounts, checked }), redirectOrigin);
  }
  if (subject.payment !== undefined) {
    const p = subject.payment;
    const payment = {
      paymentId: p.paymentId,
      amount: formatMinor(p.instructedAmount.amountMinor, p.instructedAmount.currency),
      currency: p.instructedAmount.currency,
      debtorIban: p.debtorIban,
      creditorName: p.creditorName,
      creditorIban: p.creditorIban,
      remittance: p.remittance,
    };
    const debtorOptions = p.debtorIban === undefined ? payerOptions(psu, p.instructedAmount.currency) : undefined;
    return sendPage(reply, status, (nonce) => renderPaymentPage({ ...common, nonce, payment, debtorOptions }), redirectOrigin);
  }
  if (subject.bulk !== undefined) {
    const b = subject.bulk;
    const currency = subject.items[0]?.instructedAmount.currency ?? 'RON';
    const total = subject.items.reduce((sum, p) => sum + p.instructedAmount.amountMinor, 0);
    const bulk = {
      paymentId: b.paymentIdBulk,
      total: formatMinor(total, currency),
      currency,
      debtorIban: b.debtorIban,
      payments: subject.items.map((p) => ({
        amount: formatMinor(p.instructedAmount.amountMinor, p.instructedAmount.currency),
        currency: p.instructedAmount.currency,
        creditorName: p.creditorName,
        creditorIban: p.creditorIban,
        remittance: p.remittance,
      })),
    };
    const debtorOptions = b.debtorIban === undefined ? payerOptions(psu, currency) : undefined;
    return sendPage(reply, status, (nonce) => renderBulkPage({ ...common, nonce, bulk, debtorOptions }), redirectOrigin);
  }
  return pageError(reply, 400, 'Cerere invalida', 'Resursa autorizata nu mai exista.');
}

export function applyDecision(ctx: BankContext, reply: FastifyReply, pending: PendingAuthorization, form: DecisionForm, action: string): FastifyReply {
  const psu = ctx.state.psu(pending.psuId ?? '') as Psu;
  const decision = one(form.decision);
  const subject = subjectOf(ctx, pending);
  const finish = (params: Record<string, string | undefined>) => {
    ctx.state.pending.delete(pending.id);
    ctx.state.changed();
    return redirectWith(reply, pending.redirectUri, { ...params, state: pending.state });
  };
  const deny = decision === 'deny' || decision === 'refuse';
  const allow = decision === 'allow' || decision === 'confirm';
  if (!deny && !allow) return renderDecisionPage(ctx, reply, pending, action, 'Alegeti una dintre optiuni.');

  if (subject.consent !== undefined) {
    const consent = subject.consent;
    if (consent.status !== 'received') return pageError(reply, 400, 'Cerere invalida', 'Acordul a fost deja procesat.');
    if (deny) {
      consent.status = 'rejected';
      return finish({ error: 'access_denied' });
    }
    const own = new Set(psu.accounts.map((a) => a.iban));
    const ticked = { accounts: list(form.accounts), balances: list(form.balances), transactions: list(form.transactions) };
    if ([...ticked.accounts, ...ticked.balances, ...ticked.transactions].some((iban) => !own.has(iban))) {
      return renderDecisionPage(ctx, reply, pending, action, 'Contul selectat nu va apartine.', ticked);
    }
    // Balances or transactions of an account imply seeing the account (Berlin Group §6.3.1).
    const accounts = [...new Set([...ticked.accounts, ...ticked.balances, ...ticked.transactions])];
    if (accounts.length === 0) return renderDecisionPage(ctx, reply, pending, action, 'Selectati cel putin un cont.', ticked);
    const today = bankDay(ctx.now());
    const longest = addDays(today, CONSENT_MAX_DAYS - 1);
    consent.access = { accounts, balances: [...new Set(ticked.balances)], transactions: [...new Set(ticked.transactions)] };
    consent.validUntil = consent.validUntil !== '' && consent.validUntil < longest ? consent.validUntil : longest;
    consent.status = 'valid';
    consent.psuId = psu.userId;
    consent.lastActionDate = today;
    return finish({ code: issueCode(ctx, pending) });
  }

  const items = subject.payment !== undefined ? [subject.payment] : subject.items;
  const holder = subject.bulk ?? subject.payment;
  if (holder === undefined || holder.status !== 'RCVD') return pageError(reply, 400, 'Cerere invalida', 'Plata a fost deja procesata.');
  if (deny) {
    const at = ctx.now().toISOString();
    for (const p of items) Object.assign(p, { status: 'RJCT', finalAt: at });
    holder.status = 'RJCT';
    return finish({ error: 'access_denied' });
  }
  const currency = items[0]?.instructedAmount.currency ?? 'RON';
  const debtorIban = holder.debtorIban ?? one(form.debtorIban);
  const options = payerOptions(psu, currency);
  if (debtorIban === undefined || !options.includes(debtorIban)) {
    const message = holder.debtorIban !== undefined
      ? 'Contul platitor nu apartine utilizatorului autentificat sau nu poate efectua plati in aceasta moneda.'
      : 'Selectati contul platitor.';
    return renderDecisionPage(ctx, reply, pending, action, message);
  }
  const at = ctx.now().getTime();
  holder.debtorIban = debtorIban;
  holder.psuId = psu.userId;
  holder.authorisedAt = at;
  holder.status = 'ACCP';
  for (const p of items) Object.assign(p, { debtorIban, psuId: psu.userId, authorisedAt: at, status: 'ACCP' });
  return finish({ code: issueCode(ctx, pending) });
}

function issueCode(ctx: BankContext, pending: PendingAuthorization): string {
  const code = ctx.random.token(48);
  ctx.state.data.codes.push({
    codeHash: digestSecret(code),
    clientId: pending.clientId,
    redirectUri: pending.redirectUri,
    scope: pending.scope,
    codeChallenge: pending.codeChallenge,
    psuId: pending.psuId as string,
    expiresAt: ctx.now().getTime() + ctx.options.codeTtl * 1000,
    used: false,
  });
  return code;
}
