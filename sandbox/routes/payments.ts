import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bearer, psd2Caller, requireHeader, type Psd2Caller } from '../checks.js';
import { baseUrl, PREFIX, type BankContext } from '../context.js';
import { dropAfterCommit } from '../drop-after-commit.js';
import { reject } from '../errors.js';
import { cecResourceId } from '../ids.js';
import { formatMinor } from '../money.js';
import type { BulkPayment, Payment } from '../state/records.js';
import { parseBulk, parseSingle, type Transfer } from './payment-body.js';
import { itemsOf } from './settlement.js';

const PRODUCTS = new Set(['sepa-credit-transfers']);
const KNOWN_PRODUCTS = new Set([
  'sepa-credit-transfers', 'instant-sepa-credit-transfers', 'target-2-payments', 'cross-border-credit-transfers',
  'pain.001-sepa-credit-transfers', 'pain.001-instant-sepa-credit-transfers', 'pain.001-target-2-payments', 'pain.001-cross-border-credit-transfers',
]);

type Params = { service: string; product: string; paymentId: string };

/**
 * PSD2 API-PaymentsC: initiate single and bulk credit transfers, read them and their status with
 * the PIS token, cancel before authorisation.
 * @see the digest's §3; Berlin Group 1.3.12 initiatePayment, getPaymentInformation,
 * getPaymentInitiationStatus, cancelPayment.
 */
export function paymentRoutes(app: FastifyInstance, ctx: BankContext): void {
  const base = `${PREFIX}/psd29p/v1`;

  const checkPath = (service: string, product: string): 'payments' | 'bulk-payments' => {
    if (service !== 'payments' && service !== 'bulk-payments') {
      return reject(service === 'periodic-payments' ? 405 : 404, 'SERVICE_INVALID', `Payment service ${service} is not offered`);
    }
    if (!KNOWN_PRODUCTS.has(product)) reject(404, 'PRODUCT_UNKNOWN', `Payment product ${product} is unknown`);
    if (!PRODUCTS.has(product)) reject(400, 'PRODUCT_INVALID', `Payment product ${product} is not offered by CEC Bank`);
    return service;
  };

  app.post(`${base}/:service/:product`, async (req, reply) => {
    const { service, product } = req.params as Params;
    const caller = psd2Caller(ctx, req, 'PSP_PI');
    const redirect = requireHeader(req, 'TPP-Redirect-URI');
    if (!URL.canParse(redirect)) reject(400, 'FORMAT_ERROR', 'TPP-Redirect-URI must be an absolute URL');
    return checkPath(service, product) === 'payments'
      ? initiateSingle(ctx, caller, reply, product, redirect, req.body)
      : initiateBulk(ctx, caller, reply, product, redirect, req.body);
  });

  for (const prefix of [base, `${base}/d`]) {
    app.get(`${prefix}/:service/:product/:paymentId`, async (req) => {
      const { service, product, paymentId } = req.params as Params;
      const found = authorisedRead(ctx, req, checkPath(service, product), product, paymentId);
      return found.kind === 'single' ? singleView(found.payment) : bulkView(ctx, found.bulk, true);
    });
    app.get(`${prefix}/:service/:product/:paymentId/status`, async (req) => {
      const { service, product, paymentId } = req.params as Params;
      const found = authorisedRead(ctx, req, checkPath(service, product), product, paymentId);
      return { transactionStatus: found.kind === 'single' ? found.payment.status : found.bulk.status };
    });
  }

  app.delete(`${base}/:service/:product/:paymentId`, async (req, reply) => {
    const { service, product, paymentId } = req.params as Params;
    // Before authorisation the TPP holds no PIS token: its client id and certificate identify it.
    const caller = psd2Caller(ctx, req, 'PSP_PI');
    const found = lookup(ctx, caller, checkPath(service, product), product, paymentId);
    const holder = found.kind === 'single' ? found.payment : found.bulk;
    if (found.kind === 'single' && found.payment.bulkId !== undefined) {
      reject(405, 'CANCELLATION_INVALID', `The payment belongs to bulk ${found.payment.bulkId}; cancel the bulk`);
    }
    if (holder.status !== 'RCVD') reject(405, 'CANCELLATION_INVALID', `The payment is ${holder.status}; it can no longer be cancelled`);
    holder.status = 'CANC';
    const at = ctx.now().toISOString();
    for (const p of found.kind === 'bulk' ? itemsOf(ctx, found.bulk) : [found.payment]) Object.assign(p, { status: 'CANC', finalAt: at });
    ctx.state.changed();
    return reply.code(204).send();
  });
}

type Found = { kind: 'single'; payment: Payment } | { kind: 'bulk'; bulk: BulkPayment };

function lookup(ctx: BankContext, caller: Psd2Caller, service: string, product: string, paymentId: string): Found {
  if (service === 'payments') {
    const payment = ctx.state.data.payments.find((p) => p.paymentId === paymentId && p.product === product);
    if (payment !== undefined && payment.clientId === caller.app.clientId) return { kind: 'single', payment };
  } else {
    const bulk = ctx.state.data.bulks.find((b) => b.paymentIdBulk === paymentId && b.product === product);
    if (bulk !== undefined && bulk.clientId === caller.app.clientId) return { kind: 'bulk', bulk };
  }
  return reject(404, 'RESOURCE_UNKNOWN', `No payment ${paymentId}`);
}

/** Reads need the PIS token of this payment (or of the bulk an item belongs to). */
function authorisedRead(ctx: BankContext, req: FastifyRequest, service: string, product: string, paymentId: string): Found {
  const caller = psd2Caller(ctx, req, 'PSP_PI');
  const token = bearer(ctx, req, caller, 'PIS');
  const found = lookup(ctx, caller, service, product, paymentId);
  const allowed = found.kind === 'single'
    ? [found.payment.paymentId, found.payment.bulkId]
    : [found.bulk.paymentIdBulk];
  if (!allowed.some((id) => id !== undefined && token.scope === `PIS:${id}`)) {
    reject(401, 'TOKEN_INVALID', 'The token was not issued for this payment');
  }
  return found;
}

function newPayment(ctx: BankContext, caller: Psd2Caller, product: string, t: Transfer, debtorIban: string | undefined, bulkId?: string): Payment {
  return {
    paymentId: cecResourceId(ctx.random),
    clientId: caller.app.clientId,
    product,
    status: 'RCVD',
    createdAt: ctx.now().toISOString(),
    debtorIban,
    instructedAmount: t.instructedAmount,
    creditorIban: t.creditorIban,
    creditorName: t.creditorName,
    remittance: t.remittance,
    endToEndIdentification: t.endToEndIdentification,
    bulkId,
    requestId: bulkId === undefined ? caller.requestId : ctx.random.uuid(),
  };
}

function authorizeLocation(ctx: BankContext, caller: Psd2Caller, redirect: string, paymentId: string): string {
  const url = new URL(`${baseUrl(ctx)}/oauthcec/oauth2/authorize`);
  url.search = new URLSearchParams({
    response_type: 'code',
    scope: `PIS:${paymentId}`,
    redirect_uri: redirect,
    client_id: caller.app.clientId,
    code_challenge: '',
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

function initiateSingle(ctx: BankContext, caller: Psd2Caller, reply: FastifyReply, product: string, redirect: string, body: unknown) {
  const { debtorIban, transfer } = parseSingle(body);
  const payment = newPayment(ctx, caller, product, transfer, debtorIban);
  ctx.state.data.payments.push(payment);
  ctx.state.changed();
  if (dropAfterCommit(ctx, reply)) return reply;
  const root = baseUrl(ctx);
  return reply.code(201).header('Location', authorizeLocation(ctx, caller, redirect, payment.paymentId)).header('ASPSP-SCA-Approach', 'REDIRECT').send({
    transactionStatus: payment.status,
    paymentId: payment.paymentId,
    _links: {
      scaOAuth: { href: `${root}/oauth/.well-known/oauthauthorization-server` },
      self: { href: `v1/payments/${product}/${payment.paymentId}` },
      status: { href: `v1/payments/${product}/${payment.paymentId}/status` },
    },
  });
}

function initiateBulk(ctx: BankContext, caller: Psd2Caller, reply: FastifyReply, product: string, redirect: string, body: unknown) {
  const { debtorIban, transfers } = parseBulk(body);
  const bulkId = cecResourceId(ctx.random);
  const items = transfers.map((t) => newPayment(ctx, caller, product, t, debtorIban, bulkId));
  const bulk: BulkPayment = {
    paymentIdBulk: bulkId,
    transactionId: String(ctx.state.data.nextTransactionId++),
    clientId: caller.app.clientId,
    product,
    status: 'RCVD',
    createdAt: ctx.now().toISOString(),
    debtorIban,
    itemIds: items.map((p) => p.paymentId),
  };
  ctx.state.data.payments.push(...items);
  ctx.state.data.bulks.push(bulk);
  ctx.state.changed();
  if (dropAfterCommit(ctx, reply)) return reply;
  return reply.code(201).header('Location', authorizeLocation(ctx, caller, redirect, bulkId)).header('ASPSP-SCA-Approach', 'REDIRECT').send(bulkView(ctx, bulk, false));
}

function singleView(p: Payment) {
  return {
    ...(p.debtorIban === undefined ? {} : { debtorAccount: { iban: p.debtorIban } }),
    instructedAmount: { currency: p.instructedAmount.currency, amount: formatMinor(p.instructedAmount.amountMinor, p.instructedAmount.currency) },
    creditorAccount: { iban: p.creditorIban },
    creditorName: p.creditorName,
    remittanceInformationUnstructured: p.remittance,
    ...(p.endToEndIdentification === undefined ? {} : { endToEndIdentification: p.endToEndIdentification }),
    transactionStatus: p.status,
  };
}

/** CEC's bulk shape; the `d/` read adds the debtor and each item's details. */
function bulkView(ctx: BankContext, b: BulkPayment, details: boolean) {
  return {
    transactionId: b.transactionId,
    paymentIdBulk: b.paymentIdBulk,
    transactionStatus: b.status,
    creationDateTime: b.createdAt,
    ...(details && b.debtorIban !== undefined ? { debtorAccount: { iban: b.debtorIban } } : {}),
    paymentsResponse: itemsOf(ctx, b).map((p) => ({
      requestId: p.requestId,
      response: {
        result: {
          transactionStatus: p.status,
          paymentId: p.paymentId,
          ...(details ? {
            creditorAccount: { iban: p.creditorIban },
            creditorName: p.creditorName,
            instructedAmount: { currency: p.instructedAmount.currency, amount: formatMinor(p.instructedAmount.amountMinor, p.instructedAmount.currency) },
            remittanceInformationUnstructured: p.remittance,
          } : {}),
        },
      },
    })),
  };
}
