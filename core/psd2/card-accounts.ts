/**
 * PSD2 API-AccountsC card accounts: list, details, balances and transaction reports.
 * @see digest §2.6 (`/v1/card-accounts…`); Berlin Group 1.3.12 getCardAccountList,
 * readCardAccountDetails, getCardAccountBalances, getCardAccountTransactionList.
 */
import type { AccountWithBalances, Balance } from '../../common/index.js';
import { BugIndicatingError } from '../errors.js';
import { readJson, throwIfBankError, validate } from '../http/bank-answer.js';
import { toBalance, toCardAccount, toCardTransaction, type AccountScope } from './ais-domain.js';
import { aisGet, apiUrl, readAnswer, segment, withBalanceQuery } from './ais-request.js';
import type { AisAuth, Psd2Context, ReadMode } from './psd2-context.js';
import { reportUrl, type TransactionListRequest, type TransactionReport } from './transactions.js';
import { cardAccountDetailsListWrapper, cardAccountDetailsResponse, cardAccountList, readCardAccountBalanceResponse } from './wire/accounts.js';
import { cardAccountsTransactionsResponse } from './wire/transactions.js';

/** `GET /v1/card-accounts[?withBalance=true]`. @see BG getCardAccountList. */
export function getCardAccountListRequest(ctx: Psd2Context, auth: AisAuth, mode: ReadMode, opts: { withBalance?: boolean } = {}): Promise<Response> {
  return aisGet(ctx, auth, mode, apiUrl(ctx, 'accounts', '/card-accounts', withBalanceQuery(opts.withBalance)));
}

/** The card accounts (kind "card", identified by masked PAN), with any balances sent. */
export async function processCardAccountListResponse(res: Response, scope: AccountScope): Promise<AccountWithBalances[]> {
  const body = await readAnswer(res, cardAccountList, 'getCardAccountList');
  return body.cardAccounts.map((a) => toCardAccount(a, scope));
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
  return toCardAccount(details, scope);
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

/** One page of a card report, as `processTransactionListResponse` does for accounts. */
export async function processCardAccountTransactionListResponse(res: Response, scope: { accountId: string }): Promise<TransactionReport> {
  const body = await readAnswer(res, cardAccountsTransactionsResponse, 'getCardAccountTransactionList');
  const { booked = [], pending = [], _links } = body.cardTransactions;
  return {
    transactions: [
      ...booked.map((t) => toCardTransaction(t, 'booked', scope.accountId)),
      ...pending.map((t) => toCardTransaction(t, 'pending', scope.accountId)),
    ],
    ...(_links?.next === undefined ? {} : { next: _links.next.href }),
    ...(body.balances === undefined ? {} : { balances: body.balances.map(toBalance) }),
  };
}
