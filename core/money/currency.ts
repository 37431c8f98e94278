import { ValidationError } from '../errors.js';

/**
 * ISO 4217 minor-unit exponents that differ from 2. The list is short on purpose: every other
 * active code uses 2, and a table of 180 codes would hide the few that matter.
 * @see ISO 4217, table A.1 (column "Minor unit").
 */
const EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0,
  RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

const CODE = /^[A-Z]{3}$/;

/** Throws a ValidationError unless `currency` is three capital letters (ISO 4217 form). */
export function checkCurrency(currency: string): string {
  if (!CODE.test(currency)) throw new ValidationError(`not an ISO 4217 currency code: ${JSON.stringify(currency)}`, 'currency');
  return currency;
}

/**
 * Decimal places of the currency's minor unit (RON, EUR, USD 2; JPY 0; BHD 3). Unknown but
 * well-formed codes get 2, the value of almost every currency, rather than an error: a bank may
 * hold a currency newer than this table.
 */
export function currencyExponent(currency: string): number {
  return EXPONENTS[checkCurrency(currency)] ?? 2;
}
