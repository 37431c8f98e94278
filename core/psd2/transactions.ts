/**
 * PSD2 API-AccountsC transaction reports of accounts, paged by `_links.next`.
 * @see digest §2.6, §5 (a report's follow-up pages are the same access); Berlin Group 1.3.12
 * getTransactionList, getTransactionDetails.
 */
import type { Balance, Transaction, TransactionPage } from '../../common/index.js';
import { ProtocolError, ValidationError } from '../errors.js';
import { readJson, throwIfBankError, validate } from '../http/bank-answer.js';
import { toBalance, toTransaction } from './ais-domain.js';
import { aisGet, apiUrl, readAnswer, resolveBankHref, segment, withBalanceQuery } from './ais-request.js';
import type { AisAuth, Psd2Context, ReadMode } from './psd2-context.js';
import { transactionDetailsAsReport, transactionDetailsStandard, transactionsResponse, type WireTransaction } from './wire/transactions.js';

/** The query of a first page. @see BG getTransactionList query parameters. */
export interface TransactionListQuery {
  accountResourceId: string;
  /** REQUIRED by the bank. CEC supports booked, pending and both. */
  bookingStatus: 'booked' | 'pending' | 'both';
  /** ISO date, inclusive; the bank needs it unless `entryReferenceFrom` or `deltaList` is used. */
  dateFrom?: string;
  /** ISO date, inclusive. */
  dateTo?: string;
  /** Delta access: the transactions after this entryReference. */
  entryReferenceFrom?: string;
  /** Delta access: the transactions since the last report of this account. */
  deltaList?: boolean;
  withBalance?: boolean;
}

/** A first page, or the page behind a previous answer's `next`. */
export type TransactionListRequest = TransactionListQuery | { nextHref: string };

/** A page of a report, with the balances the bank added (`withBalance`). */
export interface TransactionReport extends TransactionPage {
  balances?: Balance[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The URL of a report page of `family`; a `nextHref` must stay on the bank's origin. */
export function reportUrl(ctx: Psd2Context, family: 'accounts' | 'card-accounts', req: TransactionListRequest): string {
  if ('nextHref' in req) return resolveBankHref(ctx, 'accounts', req.nextHref);
  for (const field of ['dateFrom', 'dateTo'] as const) {
    const v = req[field];
    if (v !== undefined && !ISO_DATE.test(v)) throw new ValidationError(`${field} must be an ISO date (YYYY-MM-DD): ${v}`, field);
  }
  return apiUrl(ctx, 'accounts', `/${family}/${segment(req.accountResourceId)}/transactions`, {
    bookingStatus: req.bookingStatus,
    dateFrom: req.dateFrom,
    dateTo: req.dateTo,
    entryReferenceFrom: req.entryReferenceFrom,
    deltaList: req.deltaList === true ? 'true' : undefined,
    ...withBalanceQuery(req.withBalance),
  });
}

/**
 * `GET /v1/accounts/{account-id}/transactions?bookingStatus=…`, or the `next` page of an earlier
 * answer. A first page without the PSU present is an unattended access; its follow-up pages are
 * not counted again (digest §5). An href to another origin is a ProtocolError and is never sent.
 * @see BG getTransactionList.
 */
export async function getTransactionListRequest(ctx: Psd2Context, auth: AisAuth, mode: ReadMode, req: TransactionListRequest): Promise<Response> {
  return aisGet(ctx, auth, mode, reportUrl(ctx, 'accounts', req));
}

/**
 * One page of the report: booked, then pending, each with its status. `next` is the bank's
 * `_links.next` href as sent; pass it back as `{nextHref}`.
 */
export async function processTransactionListResponse(res: Response, scope: { accountId: string }): Promise<TransactionReport> {
  const body = await readAnswer(res, transactionsResponse, 'getTransactionList');
  const { booked = [], pending = [], _links } = body.transactions;
  return {
    transactions: [
      ...booked.map((t) => toTransaction(t, 'booked', scope.accountId)),
      ...pending.map((t) => toTransaction(t, 'pending', scope.accountId)),
    ],
    ...(_links?.next === undefined ? {} : { next: _links.next.href }),
    ...(body.balances === undefined ? {} : { balances: body.balances.map(toBalance) }),
  };
}

/** `GET /v1/accounts/{account-id}/transactions/{transactionId}`. @see BG getTransactionDetails. */
export async function getTransactionDetailsRequest(
  ctx: Psd2Context,
  auth: AisAuth,
  mode: ReadMode,
  opts: { accountResourceId: string; transactionId: string },
): Promise<Response> {
  const path = `/accounts/${segment(opts.accountResourceId)}/transactions/${segment(opts.transactionId)}`;
  return aisGet(ctx, auth, mode, apiUrl(ctx, 'accounts', path));
}

/**
 * One transaction. CEC answers a report holding it (`{"transactions":{"booked":[one]}}`, digest
 * §2.6), which also says booked or pending; the standard `{"transactionsDetails":{…}}` does not,
 * so there a `bookingDate` means booked.
 */
export async function processTransactionDetailsResponse(res: Response, scope: { accountId: string }): Promise<Transaction> {
  const what = 'getTransactionDetails';
  await throwIfBankError(res, what);
  const body = await readJson(res, what);
  if (typeof body === 'object' && body !== null && !('transactions' in body)) {
    const standard = validate(transactionDetailsStandard, body, what);
    const t = standard.transactionsDetails ?? standard.transactionDetails;
    if (t === undefined) throw new ProtocolError(`${what}: neither transactions nor transactionsDetails in the answer`);
    return toTransaction(t, t.bookingDate === undefined ? 'pending' : 'booked', scope.accountId);
  }
  const { booked = [], pending = [] } = validate(transactionDetailsAsReport, body, what).transactions;
  const all = [
    ...booked.map((t): [WireTransaction, Transaction['status']] => [t, 'booked']),
    ...pending.map((t): [WireTransaction, Transaction['status']] => [t, 'pending']),
  ];
  const [one, ...rest] = all;
  if (one === undefined || rest.length > 0) throw new ProtocolError(`${what}: expected one transaction, got ${all.length}`);
  return toTransaction(one[0], one[1], scope.accountId);
}
