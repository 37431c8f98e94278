/**
 * An amount of money as the UI sees it. The amount is exact decimal text ("-102.59"), never a
 * binary float: it is parsed from the bank's answer without passing through `number`.
 */
export interface Money {
  /** Canonical decimal text: optional '-', digits, optional '.' and digits; no exponent, no '+'. */
  amount: string;
  /** ISO 4217 code, e.g. "RON". */
  currency: string;
}
