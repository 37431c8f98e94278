/**
 * PSD2 API-AccountsC transaction reports of accounts, paged by `_links.next`.
 * @see digest §2.6, §5 (a report's follow-up pages are the same access); Berlin Group 1.3.12
 * getTransactionList, getTransactionDetails.
 */
import type { Balance, SkippedItem, Transaction } from '../../common/index.js';
import { ProtocolError, ValidationError } from '../errors.js';
import { readEach, readJson, throwIfBankError, validate } from '../http/bank-answer.js';
import { stringifyLossless } from '../http/json-number.js';
import { toBalances, toTransaction } from './ais-domain.js';
import { aisGet, apiUrl, readAnswerText, resolveBankHref, segment, withBalanceQuery } from './ais-request.js';
import { reportItemTexts, type ItemTexts } from './report-item-texts.js';
import { familyUrl, type AisAuth, type Psd2Context, type ReadMode } from './psd2-context.js';
import { fingerprintTransactions, type TransactionDraft } from './transaction-fingerprint.js';
import { readTransaction } from './wire/transaction-fast-path.js';
import { transaction, transactionDetailsAsReport, transactionDetailsStandard, transactionsResponse } from './wire/transactions.js';

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

/**
 * A first page, or the page behind a previous answer's `next`. The account is named with the
 * href: a `next` is followed only to that account's own report (see `nextPageUrl`).
 */
export type TransactionListRequest = TransactionListQuery | { accountResourceId: string; nextHref: string };

/** A page of a report: what could be read, what could not, the bank's `next` href, and any balances (`withBalance`). */
export interface TransactionReport {
  transactions: Transaction[];
  skipped: SkippedItem[];
  /** The bank's `_links.next` href as sent; core only, never for the renderer. */
  next?: string;
  balances?: Balance[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The URL behind a report's `next` href, or a ProtocolError before anything is sent. The next
 * call carries the PSU's bearer token, so the href must stay on the bank's origin and lead to
 * the transactions of the same account: `{family}/accounts/{id}/transactions` or
 * `…/card-accounts/{id}/transactions`, or CEC's `/v1/d/` twin of either, with any query. A crafted
 * `next` to `/sandbox/psus`, another account or another operation is refused.
 */
function nextPageUrl(ctx: Psd2Context, accountResourceId: string, href: string): string {
  const url = new URL(resolveBankHref(ctx, 'accounts', href));
  url.hash = '';
  const family = new URL(familyUrl(ctx, 'accounts', '')).pathname.replace(/\/+$/, '');
  const allowed = ['', '/d'].flatMap((twin) =>
    ['accounts', 'card-accounts'].map((kind) => new URL(`${family}${twin}/${kind}/${segment(accountResourceId)}/transactions`, url.origin).pathname),
  );
  if (!allowed.includes(url.pathname)) {
    throw new ProtocolError(`_links.next leads to ${url.pathname}, not to this account's transactions; not following it with the PSU's token`);
  }
  return url.toString();
}

/** The URL of a report page of `family`; a `nextHref` must lead to the same account's report. */
export function reportUrl(ctx: Psd2Context, family: 'accounts' | 'card-accounts', req: TransactionListRequest): string {
  if ('nextHref' in req) return nextPageUrl(ctx, req.accountResourceId, req.nextHref);
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
 * not counted again (digest §5). A `next` href anywhere but this account's report is a
 * ProtocolError and is never sent.
 * @see BG getTransactionList.
 */
export async function getTransactionListRequest(ctx: Psd2Context, auth: AisAuth, mode: ReadMode, req: TransactionListRequest): Promise<Response> {
  return aisGet(ctx, auth, mode, reportUrl(ctx, 'accounts', req));
}

/** A report's lists as the wire gives them, before their items are read. */
interface WireReport {
  booked?: unknown[];
  pending?: unknown[];
  _links?: { next?: { href: string } };
}

/**
 * A page of a report as read, before ids are given: the sync engine gathers every page of a
 * report and fingerprints them together, so an id-less twin on a later page counts on from the
 * earlier ones (see `fingerprintTransactions`).
 */
export interface ReportPage {
  booked: TransactionDraft[];
  pending: TransactionDraft[];
  skipped: SkippedItem[];
  next?: string;
  balances?: Balance[];
}

/**
 * Reads a report page item by item, booked then pending, each with its status: an unreadable
 * item is skipped and reported with its list and position. Each draft keeps its item as the bank
 * sent it (`bankItem`), for the store: the item's own text from `texts` (reportItemTexts), or,
 * where those do not line up with the list, the parsed item written out exactly.
 */
export function readReportPage(
  report: WireReport,
  balances: unknown[] | undefined,
  readItem: (item: unknown, what: string, status: Transaction['status']) => TransactionDraft,
  texts: ItemTexts = {},
): ReportPage {
  const keepingItem = (status: Transaction['status'], items: readonly unknown[]) => {
    const own = texts[status]?.length === items.length ? texts[status] : undefined;
    return (item: unknown, what: string, index: number): TransactionDraft => {
      const draft = readItem(item, what, status);
      draft.bankItem = own?.[index] ?? stringifyLossless(item);
      return draft;
    };
  };
  const bookedItems = report.booked ?? [];
  const pendingItems = report.pending ?? [];
  const booked = readEach(bookedItems, 'booked', keepingItem('booked', bookedItems));
  const pending = readEach(pendingItems, 'pending', keepingItem('pending', pendingItems));
  const read = balances === undefined ? undefined : toBalances(balances, 'balances');
  const next = report._links?.next?.href;
  return {
    booked: booked.read,
    pending: pending.read,
    skipped: [...booked.skipped, ...pending.skipped, ...(read?.skipped ?? [])],
    ...(next === undefined ? {} : { next }),
    ...(read === undefined ? {} : { balances: read.balances }),
  };
}

/**
 * One page on its own, its id-less items fingerprinted within the page: a live read of a single
 * page, as the domain's transactions (the bank's items stay with the sync, which stores them).
 */
export function pageAsReport({ booked, pending, ...rest }: ReportPage): TransactionReport {
  return { transactions: fingerprintTransactions([...booked, ...pending]).map(({ bankItem: _bankItem, ...t }) => t), ...rest };
}

/** One page of an account's report, before ids are given (see `ReportPage`). */
export async function processTransactionListPage(res: Response, scope: { accountId: string }): Promise<ReportPage> {
  const { body, text } = await readAnswerText(res, transactionsResponse, 'getTransactionList');
  return readReportPage(
    body.transactions, body.balances, (item, what, status) => toTransaction(readTransaction(item, what), status, scope.accountId),
    reportItemTexts(text, '"transactions"'),
  );
}

/**
 * One page of the report: booked, then pending, each with its status. `next` is the bank's
 * `_links.next` href as sent; pass it back as `{accountResourceId, nextHref}`.
 */
export async function processTransactionListResponse(res: Response, scope: { accountId: string }): Promise<TransactionReport> {
  return pageAsReport(await processTransactionListPage(res, scope));
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
  const one = (draft: TransactionDraft): Transaction => fingerprintTransactions([draft])[0] as Transaction;
  if (typeof body === 'object' && body !== null && !('transactions' in body)) {
    const standard = validate(transactionDetailsStandard, body, what);
    const t = standard.transactionsDetails ?? standard.transactionDetails;
    if (t === undefined) throw new ProtocolError(`${what}: neither transactions nor transactionsDetails in the answer`);
    return one(toTransaction(t, t.bookingDate === undefined ? 'pending' : 'booked', scope.accountId));
  }
  const { booked = [], pending = [] } = validate(transactionDetailsAsReport, body, what).transactions;
  const all = [
    ...booked.map((t): [unknown, Transaction['status'], string] => [t, 'booked', 'transactions.booked.0']),
    ...pending.map((t): [unknown, Transaction['status'], string] => [t, 'pending', 'transactions.pending.0']),
  ];
  const [only, ...rest] = all;
  if (only === undefined || rest.length > 0) throw new ProtocolError(`${what}: expected one transaction, got ${all.length}`);
  return one(toTransaction(validate(transaction, only[0], `${what}: ${only[2]}`), only[1], scope.accountId));
}
