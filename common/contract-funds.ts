import { z } from 'zod';
import { returns } from './contract-schemas.js';
import type { AppError } from './result.js';


/**
 * The bank's advice on a payment's funds. `unknown` says why there is none, as a code each front
 * end puts into words: no connection covers the account (`no-connection`), none with a valid AIS
 * consent over its balances (`no-consent`), the account is kept in `accountCurrency`
 * (`currency-mismatch`), or the bank could not answer (`check-failed`, its error attached).
 * Advice only: a payment goes ahead whatever it says.
 */
export type FundsAdvice =
  | { kind: 'available' | 'insufficient'; accountId: string; connectionId: string }
  | { kind: 'unknown'; reason: 'no-connection' | 'no-consent' }
  | { kind: 'unknown'; reason: 'currency-mismatch'; accountCurrency: string; accountId: string }
  | { kind: 'unknown'; reason: 'check-failed'; accountId: string; error?: AppError };

/** Plain decimal text as the form normalised it ("1234.56"); core checks > 0 and the currency's decimals. */
const amount = z.string().trim().regex(/^\d{1,14}(\.\d{1,5})?$/, 'must be a plain decimal such as 1234.56');
const currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as RON');
/** The account to pay from: the store's `debtorAccountId` or its `debtorIban` (as typed), exactly one. */
const checkFunds = z
  .object({ debtorAccountId: z.string().min(1).max(200).optional(), debtorIban: z.string().trim().min(5).max(50).optional(), amount, currency })
  .strict()
  .refine((i) => (i.debtorAccountId === undefined) !== (i.debtorIban === undefined), { message: 'name the account by debtorAccountId or debtorIban, one of them', path: ['debtorIban'] });

/** The funds check before a payment (PIIS, issue 11 §3.4). */
export const fundsMethods = {
  /**
   * Asks the bank whether the account to pay from holds the amount now, through a valid AIS
   * consent that covers its balances; the answer is advice for the review screen, never a gate.
   */
  'payments:check-funds': { input: checkFunds, output: returns<FundsAdvice>() },
} as const;
