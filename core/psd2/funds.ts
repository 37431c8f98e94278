/**
 * Confirmation of funds (PIIS): does the account hold this amount now? CEC answers it with the
 * AIS token, whose consent must cover the account's balances.
 * @see digest §3.5; Berlin Group 1.3.12 checkAvailabilityOfFunds.
 */
import type { Money } from '../../common/index.js';
import { ValidationError } from '../errors.js';
import { send } from '../http/send.js';
import { parseIban } from '../iban/iban.js';
import { toWireAmount } from '../money/money.js';
import { readAnswer } from './ais-request.js';
import { familyUrl, type AisAuth, type Psd2Context } from './psd2-context.js';
import { psd2Headers } from './psd2-headers.js';
import { fundsConfirmationResponse, type ConfirmationOfFunds } from './wire/funds.js';

export interface FundsCheck {
  /** The PSU's account; normalised, and refused before sending when it is not a valid IBAN. */
  iban: string;
  /** Positive, with at most the currency's decimals (digest §5: more are refused, never rounded). */
  amount: Money;
  /** Max 35 characters. */
  cardNumber?: string;
  /** The merchant, max 70 characters. */
  payee?: string;
}

function fundsBody(input: FundsCheck): ConfirmationOfFunds {
  if (input.amount.amount.startsWith('-') || input.amount.amount === '0') {
    throw new ValidationError(`the amount to check must be positive: ${input.amount.amount}`, 'amount');
  }
  if (input.cardNumber !== undefined && input.cardNumber.length > 35) throw new ValidationError('cardNumber is longer than 35 characters', 'cardNumber');
  if (input.payee !== undefined && input.payee.length > 70) throw new ValidationError('payee is longer than 70 characters', 'payee');
  return {
    ...(input.cardNumber === undefined ? {} : { cardNumber: input.cardNumber }),
    account: { iban: parseIban(input.iban) },
    ...(input.payee === undefined ? {} : { payee: input.payee }),
    instructedAmount: { currency: input.amount.currency, amount: toWireAmount(input.amount) },
  };
}

/**
 * `POST /v1/funds-confirmations` (PaymentsC family) with the AIS bearer and its `Consent-ID`.
 * Bad input is a ValidationError before anything is sent.
 */
export async function checkAvailabilityOfFundsRequest(ctx: Psd2Context, auth: AisAuth, input: FundsCheck): Promise<Response> {
  const body = JSON.stringify(fundsBody(input));
  const headers = psd2Headers(ctx, { Authorization: `Bearer ${auth.accessToken}`, 'Consent-ID': auth.consentId, 'Content-Type': 'application/json' });
  return send(ctx.fetch, familyUrl(ctx, 'payments', '/funds-confirmations'), { method: 'POST', headers, body, timeoutMs: ctx.timeoutMs });
}

/** True when the funds are there. A 401 (token of the wrong scope) or 403 (account outside the consent) is a BankError. */
export async function processFundsConfirmationResponse(res: Response): Promise<boolean> {
  return (await readAnswer(res, fundsConfirmationResponse, 'checkAvailabilityOfFunds')).fundsAvailable;
}
