/**
 * Wire types shared by ConsentC, AccountsC and PaymentsC answers, with the Berlin Group's field
 * names verbatim. Objects are loose (a bank may add fields) and liberal where the meaning is
 * unambiguous: `null` is absent (see `readJson`), ids may be JSON integers, booleans and integers
 * may be strings, dates may be date-times. Anything else wrong in a field we read is a
 * ProtocolError naming the field.
 * @see Berlin Group NextGenPSD2 1.3.12, components/schemas.
 */
import { z } from 'zod';
import { wireAmount, wireBoolean, wireId } from '../../http/bank-answer.js';

/** ISO 4217 code, e.g. "RON". @see BG `currencyCode`. */
export const CURRENCY_CODE = /^[A-Z]{3}$/;
export const currencyCode = z.string().regex(CURRENCY_CODE, 'must be an ISO 4217 currency code');

const DATE_OR_DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** What `isoDate` makes of a string: the day it names, or undefined when it refuses it. */
export const isoDay = (v: string): string | undefined => DATE_OR_DATE_TIME.exec(v.trim())?.[1];

/**
 * ISO 8601 calendar date, e.g. "2024-12-06". A date-time ("2024-12-06T10:15:00+02:00") is read
 * as its date, the day the bank wrote: some banks send `lastActionDate` or `bookingDate` so.
 * "06.12.2024" and other orders are refused.
 * @see BG `bookingDate`, `referenceDate`, `lastActionDate`.
 */
export const isoDate = z.string().transform((v, ctx) => {
  const date = isoDay(v);
  if (date === undefined) {
    ctx.addIssue({ code: 'custom', message: 'must be an ISO date (YYYY-MM-DD)' });
    return z.NEVER;
  }
  return date;
});

/**
 * An amount. CEC sends `amount` as a JSON number in account lists and transactions and as a
 * string in balances (digest §2.6); both arrive here as exact decimal text.
 * @see BG `amount`.
 */
export const amount = z
  .object({
    /** REQUIRED. ISO 4217 code. */
    currency: currencyCode,
    /** REQUIRED. Decimal text, '-' for negative; never a binary float. */
    amount: wireAmount,
  })
  .loose();
export type WireAmount = z.infer<typeof amount>;

/** A link; `href` may be relative (CEC: `/v1/accounts/…`) or absolute. @see BG `hrefType`. */
export const hrefType = z
  .object({
    /** REQUIRED. Relative or absolute URL. */
    href: z.string(),
  })
  .loose();

/**
 * Reference to an account. CEC sends `{"iban": ""}` or `{}` for a party it does not know
 * (digest §2.6), so every field is optional and may be empty; the mapping turns "" into absent.
 * @see BG `accountReference`.
 */
export const accountReference = z
  .object({
    iban: z.string().optional(),
    bban: z.string().optional(),
    pan: z.string().optional(),
    maskedPan: z.string().optional(),
    msisdn: z.string().optional(),
    currency: z.string().optional(),
    cashAccountType: z.string().optional(),
  })
  .loose();
export type AccountReference = z.infer<typeof accountReference>;

/** @see BG `balance`. */
export const balance = z
  .object({
    /** REQUIRED. */
    balanceAmount: amount,
    /** REQUIRED. closingBooked, expected, interimAvailable…; kept open, banks add their own. */
    balanceType: z.string().min(1),
    creditLimitIncluded: wireBoolean.optional(),
    lastChangeDateTime: z.string().optional(),
    referenceDate: isoDate.optional(),
    /** entryReference of the last committed transaction. */
    lastCommittedTransaction: wireId.optional(),
  })
  .loose();
export type WireBalance = z.infer<typeof balance>;

/** @see BG `balanceList`. */
export const balanceList = z.array(balance);

/**
 * The links of an account report: `next` is how a long report is paged.
 * @see BG `_linksAccountReport` (its REQUIRED `account` is absent in CEC's guide, so optional here).
 */
export const reportLinks = z
  .object({
    account: hrefType.optional(),
    cardAccount: hrefType.optional(),
    first: hrefType.optional(),
    next: hrefType.optional(),
    previous: hrefType.optional(),
    last: hrefType.optional(),
  })
  .loose();
