/**
 * PSD2 API-PaymentsC for PIS, as request/process pairs: initiate a single or bulk credit
 * transfer, read its status (and a bulk's items), cancel before authorisation.
 * @see digest §3.1, §3.4, §3.6, §5 (cancel); Berlin Group 1.3.12 initiatePayment,
 * getPaymentInitiationStatus, getPaymentInformation, cancelPayment.
 */
import { z } from 'zod';
import { ProtocolError } from '../errors.js';
import { throwIfBankError, wireId } from '../http/bank-answer.js';
import { send } from '../http/send.js';
import { readAnswer, segment } from '../psd2/ais-request.js';
import { familyUrl, type Psd2Context } from '../psd2/psd2-context.js';
import { psd2Headers } from '../psd2/psd2-headers.js';

export type PaymentService = 'payments' | 'bulk-payments';
const PRODUCT = 'sepa-credit-transfers';

/** One credit transfer on the wire (BG `paymentInitiation_json`), amounts as exact text. */
export interface WireTransfer {
  instructedAmount: { currency: string; amount: string };
  creditorAccount: { iban: string };
  creditorName: string;
  remittanceInformationUnstructured?: string;
  endToEndIdentification: string;
}

export interface InitiationInput {
  /** `X-Request-ID`: the same on every attempt of one intent, as a bank may deduplicate on it. */
  requestId: string;
  redirectUri: string;
  psuIpAddress?: string;
  debtorIban?: string;
  transfers: WireTransfer[];
}

const status = z.string().trim().min(1);
const initiated = z.object({ transactionStatus: status, paymentId: wireId.optional(), paymentIdBulk: wireId.optional() }).loose();
const bulkItem = z
  .object({ requestId: z.string().optional(), response: z.object({ result: z.object({ transactionStatus: status.optional(), paymentId: wireId.optional() }).loose() }).loose().optional() })
  .loose();
const bulkRead = z.object({ transactionStatus: status, paymentsResponse: z.array(bulkItem).optional() }).loose();
const statusAnswer = z.object({ transactionStatus: status }).loose();

export interface Initiated {
  paymentId: string;
  status: string;
  /** CEC's ready authorize URL, to complete with PKCE and state. */
  location?: string;
  /** A bulk's items, in the order sent: each one's own id and status, when the bank lists them. */
  items: { paymentId: string | null; status: string | null }[];
}

const paymentsUrl = (ctx: Psd2Context, path: string) => familyUrl(ctx, 'payments', path);

/** `POST /v1/{payments|bulk-payments}/sepa-credit-transfers`; nothing here retries (the caller decides, with the same request id). */
export function initiatePaymentRequest(ctx: Psd2Context, service: PaymentService, input: InitiationInput): Promise<Response> {
  const debtor = input.debtorIban === undefined ? {} : { debtorAccount: { iban: input.debtorIban } };
  const body = service === 'payments' ? { ...debtor, ...(input.transfers[0] as WireTransfer) } : { ...debtor, payments: input.transfers };
  const headers = psd2Headers(
    ctx,
    { 'X-Request-ID': input.requestId, 'TPP-Redirect-URI': input.redirectUri, 'Content-Type': 'application/json' },
    { psuIpAddress: input.psuIpAddress },
  );
  return send(ctx.fetch, paymentsUrl(ctx, `/${service}/${PRODUCT}`), { method: 'POST', headers, body: JSON.stringify(body), timeoutMs: ctx.timeoutMs });
}

export async function processInitiationResponse(res: Response, service: PaymentService): Promise<Initiated> {
  const location = res.headers.get('location') ?? undefined;
  const body = await readAnswer(res, service === 'payments' ? initiated : initiated.extend({ paymentsResponse: z.array(bulkItem).optional() }), 'initiatePayment');
  const paymentId = service === 'payments' ? body.paymentId : (body.paymentIdBulk ?? body.paymentId);
  if (paymentId === undefined) throw new ProtocolError(`initiatePayment: the answer has no ${service === 'payments' ? 'paymentId' : 'paymentIdBulk'}`);
  const listed = 'paymentsResponse' in body ? (body.paymentsResponse as z.infer<typeof bulkItem>[] | undefined) : undefined;
  return { paymentId, status: body.transactionStatus, ...(location === undefined ? {} : { location }), items: itemsOf(listed) };
}

const itemsOf = (listed: z.infer<typeof bulkItem>[] | undefined) =>
  (listed ?? []).map((i) => ({ paymentId: i.response?.result.paymentId ?? null, status: i.response?.result.transactionStatus ?? null }));


const pisHeaders = (ctx: Psd2Context, accessToken: string | undefined) =>
  psd2Headers(ctx, { Authorization: accessToken === undefined ? undefined : `Bearer ${accessToken}` });

/** `GET /v1/{service}/sepa-credit-transfers/{paymentId}/status` with the payment's PIS token. */
export function getPaymentStatusRequest(ctx: Psd2Context, service: PaymentService, paymentId: string, accessToken: string): Promise<Response> {
  return send(ctx.fetch, paymentsUrl(ctx, `/${service}/${PRODUCT}/${segment(paymentId)}/status`), { method: 'GET', headers: pisHeaders(ctx, accessToken), timeoutMs: ctx.timeoutMs });
}

export async function processPaymentStatusResponse(res: Response): Promise<string> {
  return (await readAnswer(res, statusAnswer, 'getPaymentInitiationStatus')).transactionStatus;
}

/** `GET /v1/d/bulk-payments/sepa-credit-transfers/{paymentId}`: the guide's read of a bulk with each item's result. */
export function getBulkRequest(ctx: Psd2Context, paymentId: string, accessToken: string): Promise<Response> {
  return send(ctx.fetch, paymentsUrl(ctx, `/d/bulk-payments/${PRODUCT}/${segment(paymentId)}`), { method: 'GET', headers: pisHeaders(ctx, accessToken), timeoutMs: ctx.timeoutMs });
}

export async function processBulkResponse(res: Response): Promise<{ status: string; items: { paymentId: string | null; status: string | null }[] }> {
  const body = await readAnswer(res, bulkRead, 'getPaymentInformation');
  return { status: body.transactionStatus, items: itemsOf(body.paymentsResponse) };
}

/** `DELETE /v1/{service}/sepa-credit-transfers/{paymentId}`: before authorisation the client id and certificate identify us. */
export function cancelPaymentRequest(ctx: Psd2Context, service: PaymentService, paymentId: string): Promise<Response> {
  return send(ctx.fetch, paymentsUrl(ctx, `/${service}/${PRODUCT}/${segment(paymentId)}`), { method: 'DELETE', headers: psd2Headers(ctx), timeoutMs: ctx.timeoutMs });
}

/** 204 (or 202 where a bank wants a cancellation authorisation, which CEC does not) is done; 405 CANCELLATION_INVALID is the caller's. */
export async function processCancelResponse(res: Response): Promise<void> {
  await throwIfBankError(res, 'cancelPayment');
  await res.body?.cancel();
}
