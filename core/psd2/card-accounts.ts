/**
 * PSD2 API-AccountsC card accounts: list, details, balances and transaction reports.
 * @see digest §2.6 (`/v1/card-accounts…`); Berlin Group 1.3.12 getCardAccountList,
 * readCardAccountDetails, getCardAccountBalances, getCardAccountTransactionList.
 */
import type { AccountWithBalances, Balance } from '../../common/index.js';
import { BankError, BugIndicatingError } from '../errors.js';
import { readJson, throwIfBankError, validate } from '../http/bank-answer.js';
import { readAccountItems, toBalance, toCardAccount, toCardTransaction, toTransaction, type AccountList, type AccountScope } from './ais-domain.js';
import { aisGet, apiUrl, readAnswer, readAnswerText, segment, withBalanceQuery } from './ais-request.js';
import { reportItemTexts } from './report-item-texts.js';
import type { AisAuth, Psd2Context, ReadMode } from './psd2-context.js';
import { pageAsReport, readReportPage, reportUrl, type ReportPage, type TransactionListRequest, type TransactionReport } from './transactions.js';
import {
  cardAccountDetails, cardAccountDetailsListWrapper, cardAccountDetailsResponse, cardAccountList, readCardAccountBalanceResponse,
} from './wire/accounts.js';
import { readCardTransaction, readTransaction } from './wire/transaction-fast-path.js';
import { cardAccountsTransactionsResponse } from './wire/transactions.js';

/** `GET /v1/card-accounts[?withBalance=true]`. @see BG getCardAccountList. */
export function getCardAccountListRequest(ctx: Psd2Context, auth: AisAuth, mode: ReadMode, opts: { withBalance?: boolean } = {}): Promise<Response> {
  return aisGet(ctx, auth, mode, apiUrl(ctx, 'accounts', '/card-accounts', withBalanceQuery(opts.withBalance)));
}

/**
 * The card accounts (kind "card", identified by masked PAN, or by IBAN in the plain-account
 * shape), with any balances sent; each read on its own, an unreadable one skipped and reported.
 */
export async function processCardAccountListResponse(res: Response, scope: AccountScope): Promise<AccountList> {
  const what = 'getCardAccountList';
  try {
    await throwIfBankError(res, what);
  } catch (error) {
    // A bank that offers no card accounts answers 405 SERVICE_INVALID, or 404 where the path is
    // not there at all: the consent then simply has no cards, which must not fail a connect.
    if (error instanceof BankError && (error.status === 405 || error.status === 404)) return { accounts: [], skipped: [] };
    throw error;
  }
  const body = validate(cardAccountList, await readJson(res, what), what);
  const [list, items] = body.cardAccounts !== undefined ? ['cardAccounts', body.cardAccounts] : ['accounts', body.accounts ?? []];
  return readAccountItems(items, list, (item, what) => toCardAccount(validate(cardAccountDetails, item, what), scope, what));
}

/** `GET /v1/card-accounts/{account-id}[?withBalance=true]`. @see BG readCardAccountDetails. */
export function readCardAccountDetailsRequest(
  ctx: Psd2Context,
  auth: AisAuth,
  mode: ReadMode,
  opts: { accountResourceId: string; withBalance?: boolean },
): Promise<Response> {
  return aisGet(ctx, auth, mode, apiUrl(ctx, 'accounts', `/card-accounts/${segment(opts.accountResourceId)}`, withBalanceQuery(opts.withBalance)));
}

/** One card account: the standard `{"cardAccount":{}}`, or the list wrapper CEC uses for accounts. */
export async function processCardAccountDetailsResponse(res: Response, scope: AccountScope): Promise<AccountWithBalances> {
  const what = 'readCardAccountDetails';
  await throwIfBankError(res, what);
  const body = await readJson(res, what);
  const asList = typeof body === 'object' && body !== null && 'cardAccounts' in body;
  const details = asList ? validate(cardAccountDetailsListWrapper, body, what).cardAccounts[0] : validate(cardAccountDetailsResponse, body, what).cardAccount;
  if (details === undefined) throw new BugIndicatingError(`${what}: a validated list of one is empty`);
  return toCardAccount(details, scope, what).account;
}

/** `GET /v1/card-accounts/{account-id}/balances`. @see BG getCardAccountBalances. */
export function getCardAccountBalancesRequest(ctx: Psd2Context, auth: AisAuth, mode: ReadMode, opts: { accountResourceId: string }): Promise<Response> {
  return aisGet(ctx, auth, mode, apiUrl(ctx, 'accounts', `/card-accounts/${segment(opts.accountResourceId)}/balances`));
}

export async function processCardAccountBalancesResponse(res: Response): Promise<Balance[]> {
  const body = await readAnswer(res, readCardAccountBalanceResponse, 'getCardAccountBalances');
  return body.balances.map(toBalance);
}

/**
 * `GET /v1/card-accounts/{account-id}/transactions?bookingStatus=…`, or a `next` page.
 * @see BG getCardAccountTransactionList.
 */
export async function getCardAccountTransactionListRequest(
  ctx: Psd2Context,
  auth: AisAuth,
  mode: ReadMode,
  req: TransactionListRequest,
): Promise<Response> {
  return aisGet(ctx, auth, mode, reportUrl(ctx, 'card-accounts', req));
}

/**
 * One page of a card report, as `processTransactionListResponse` does for accounts. The report
 * may come as `cardTransactions` (BG) or as `transactions` (plain-account shape); each item is
 * read as a card transaction when it says so (`cardTransactionId`), else as an account one.
 */
export async function processCardAccountTransactionListResponse(res: Response, scope: { accountId: string }): Promise<TransactionReport> {
  return pageAsReport(await processCardAccountTransactionListPage(res, scope));
}

/** One page of a card report, before ids are given (see `ReportPage`). */
export async function processCardAccountTransactionListPage(res: Response, scope: { accountId: string }): Promise<ReportPage> {
  const { body, text } = await readAnswerText(res, cardAccountsTransactionsResponse, 'getCardAccountTransactionList');
  const report = body.cardTransactions ?? body.transactions;
  if (report === undefined) throw new BugIndicatingError('getCardAccountTransactionList: the schema let a report without transactions through');
  const cardShaped = (item: unknown) => body.cardTransactions !== undefined || (typeof item === 'object' && item !== null && 'cardTransactionId' in item);
  return readReportPage(report, body.balances, (item, what, status) =>
    cardShaped(item)
      ? toCardTransaction(readCardTransaction(item, what), status, scope.accountId)
      : toTransaction(readTransaction(item, what), status, scope.accountId),
    reportItemTexts(text, body.cardTransactions === undefined ? '"transactions"' : '"cardTransactions"'));
}
