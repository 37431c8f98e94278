/**
 * Confirmation of funds (PIIS) wire types.
 * @see digest §3.5; Berlin Group 1.3.12 checkAvailabilityOfFunds.
 */
import { z } from 'zod';
import { wireBoolean } from '../../http/bank-answer.js';

/** @see BG `confirmationOfFunds`; CEC's guide §2.3 sends `cardNumber`, `account`, `instructedAmount`. */
export interface ConfirmationOfFunds {
  /** Card number of the card issued by the PIISP; max 35. */
  cardNumber?: string;
  /** REQUIRED. The PSU's account. */
  account: { iban: string };
  /** Merchant name, shown to the PSU; max 70. */
  payee?: string;
  /** REQUIRED. `amount` as text with the currency's decimals ("123.50"). */
  instructedAmount: { currency: string; amount: string };
}

/**
 * @see BG `OK_200_ConfirmationOfFunds`. BG's own example writes
 * `"fundsAvailable": "true"` (a string); the schema says boolean, and a string is refused:
 * guessing a yes from text is not something to do with money.
 */
export const fundsConfirmationResponse = z
  .object({
    /** REQUIRED. True when the funds are available at the time of the request. */
    fundsAvailable: wireBoolean,
  })
  .loose();
