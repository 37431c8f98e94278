/**
 * PSD2 API-AccountsC: accounts, their details and balances, as request/process pairs named after
 * the Berlin Group operations. Transactions and card accounts live in their own files and are
 * re-exported here, so `accounts.js` is the one import for all of AccountsC.
 * @see digest §2.6; Berlin Group 1.3.12 getAccountList, readAccountDetails, getBalances.
 */
import type { AccountWithBalances, Balance } from '../../common/index.js';
import { BugIndicatingError } from '../errors.js';
import { readJson, throwIfBankError, validate } from '../http/bank-answer.js';
import { cecQuirks, type BankQuirks } from '../profiles/bank-profile.js';
import { readAccountItems, toAccount, toBalance, type AccountList, type AccountScope } from './ais-domain.js';
import { aisGet, apiUrl, readAnswer, segment, withBalanceQuery } from './ais-request.js';
import type { AisAuth, Psd2Context, ReadMode } from './psd2-context.js';
import { accountDetails, accountDetailsListWrapper, accountDetailsResponse, accountList, readAccountBalanceResponse } from './wire/accounts.js';

export * from './transactions.js';
export * from './card-accounts.js';
export { type AccountIdResolver, type AccountKey, type AccountList, type AccountScope } from './ais-domain.js';

/**
 * `GET /v1/accounts[?withBalance=true]`: the accounts the PSU ticked. Does not count as an
 * unattended access (digest §5).
 * @see BG getAccountList.
 */
export function getAccountListRequest(ctx: Psd2Context, auth: AisAuth, mode: ReadMode, opts: { withBalance?: boolean } = {}): Promise<Response> {
  return aisGet(ctx, auth, mode, apiUrl(ctx, 'accounts', '/accounts', withBalanceQuery(opts.withBalance)));
}

/**
 * The accounts, each with the balances the bank sent (none unless `withBalance` was asked and
 * the consent covers them). CEC sends the amounts here as JSON numbers. Each account is read on
 * its own: one that cannot be read (no currency, say) is skipped and reported, not fatal.
 */
export async function processAccountListResponse(res: Response, scope: AccountScope): Promise<AccountList> {
  const body = await readAnswer(res, accountList, 'getAccountList');
  return readAccountItems(body.accounts, 'accounts', (item, what) => toAccount(validate(accountDetails, item, what), scope, what));
}

/** `GET /v1/accounts/{account-id}[?withBalance=true]`. @see BG readAccountDetails. */
export function readAccountDetailsRequest(
  ctx: Psd2Context,
  auth: AisAuth,
  mode: ReadMode,
  opts: { accountResourceId: string; withBalance?: boolean },
): Promise<Response> {
  return aisGet(ctx, auth, mode, apiUrl(ctx, 'accounts', `/accounts/${segment(opts.accountResourceId)}`, withBalanceQuery(opts.withBalance)));
}

/**
 * One account. CEC answers `{"accounts":[one]}` instead of the standard `{"account":{}}`; either
 * is accepted, whatever the profile says, and `quirks.accountDetailWrapper` only picks the shape
 * an error names when the answer has neither.
 */
export async function processAccountDetailsResponse(
  res: Response,
  scope: AccountScope,
  quirks: Pick<BankQuirks, 'accountDetailWrapper'> = cecQuirks,
): Promise<AccountWithBalances> {
  const what = 'readAccountDetails';
  await throwIfBankError(res, what);
  const body = await readJson(res, what);
  const has = (key: string) => typeof body === 'object' && body !== null && key in body;
  const asList = has('accounts') || (!has('account') && quirks.accountDetailWrapper === 'accounts-list');
  const details = asList ? validate(accountDetailsListWrapper, body, what).accounts[0] : validate(accountDetailsResponse, body, what).account;
  if (details === undefined) throw new BugIndicatingError('readAccountDetails: a validated list of one is empty');
  // The one account asked for: an unreadable balance of it is left out, as in a list.
  return toAccount(details, scope, what).account;
}

/** `GET /v1/accounts/{account-id}/balances`: an unattended access unless the PSU is present. @see BG getBalances. */
export function getBalancesRequest(ctx: Psd2Context, auth: AisAuth, mode: ReadMode, opts: { accountResourceId: string }): Promise<Response> {
  return aisGet(ctx, auth, mode, apiUrl(ctx, 'accounts', `/accounts/${segment(opts.accountResourceId)}/balances`));
}

/** The balances; CEC sends the amounts here as strings ("26.46"). */
export async function processBalancesResponse(res: Response): Promise<Balance[]> {
  const body = await readAnswer(res, readAccountBalanceResponse, 'getBalances');
  return body.balances.map(toBalance);
}
