/**
 * Funds check before a payment (PIIS): advice for the person, never a gate. The bank is asked
 * only when a valid AIS consent covers the debtor account's balances (CEC answers
 * `funds-confirmations` with the AIS token of such a consent); anything else is `unknown`, with why.
 * @see issue 11 §3.4; digest §3.5.
 */
import type { FundsAdvice } from '../../common/contract-funds.js';
import { isReadable, type Connection } from '../../common/domain.js';
import type { AppError, Money } from '../../common/index.js';
import type { ConnectionService } from '../connections/connection-service.js';
import { isUnexpected, toAppError, ValidationError } from '../errors.js';
import { normaliseIban } from '../iban/iban.js';
import { checkAvailabilityOfFundsRequest, processFundsConfirmationResponse } from '../psd2/funds.js';

export type { FundsAdvice } from '../../common/contract-funds.js';

/** The account to pay from, by the store's id or by its IBAN. */
export type FundsDebtor = { accountId: string } | { iban: string };

export interface FundsQuestion {
  debtor: FundsDebtor;
  /** The amount to pay: positive, with at most the currency's decimals. */
  amount: Money;
}

interface Grant {
  connection: Connection;
  accountId: string;
  iban: string;
  currency: string | undefined;
  /** The consent is readable now and covers this account's balances. */
  balances: boolean;
}

/** Every connection's grant of this account. */
function grantsOf(connections: readonly Connection[], debtor: FundsDebtor): Grant[] {
  const iban = 'iban' in debtor ? normaliseIban(debtor.iban) : undefined;
  return connections.flatMap((connection) =>
    connection.accounts
      .filter((a) => ('accountId' in debtor ? a.accountId === debtor.accountId : a.iban === iban))
      .map((a) => ({ connection, accountId: a.accountId, iban: a.iban, currency: a.currency, balances: a.balances && isReadable(connection.status) })));
}

/**
 * Asks the bank whether the debtor account holds the amount now. `available` or `insufficient`
 * is the bank's answer through the first connection whose consent covers the account's balances
 * (the next is tried when one fails); `unknown` says why there is no answer: no such consent,
 * the account is kept in another currency, or the bank could not answer (its error attached).
 * Bad input (zero, too many decimals) is a ValidationError: the form's mistake, not advice.
 * A bug of ours goes up as well, never hidden behind "unknown".
 */
export async function fundsAdvice(connections: ConnectionService, question: FundsQuestion): Promise<FundsAdvice> {
  const grants = grantsOf(connections.list(), question.debtor);
  const covering = grants.filter((g) => g.balances);
  const first = covering[0];
  if (first === undefined) {
    return { kind: 'unknown', reason: grants.length === 0 ? 'no-connection' : 'no-consent' };
  }
  const currency = covering.find((g) => g.currency !== undefined)?.currency;
  if (currency !== undefined && currency !== question.amount.currency) {
    return { kind: 'unknown', reason: 'currency-mismatch', accountCurrency: currency, accountId: first.accountId };
  }
  let last: AppError | undefined;
  for (const g of covering) {
    try {
      const available = await connections.withAis(g.connection.id, async (bank, auth) =>
        processFundsConfirmationResponse(await checkAvailabilityOfFundsRequest(bank.psd2, auth, { iban: g.iban, amount: question.amount })));
      return { kind: available ? 'available' : 'insufficient', accountId: g.accountId, connectionId: g.connection.id };
    } catch (error) {
      if (isUnexpected(error) || error instanceof ValidationError) throw error;
      last = toAppError(error);
    }
  }
  return {
    kind: 'unknown',
    reason: 'check-failed',
    accountId: first.accountId,
    ...(last === undefined ? {} : { error: last }),
  };
}
