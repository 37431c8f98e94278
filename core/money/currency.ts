import { minorUnits } from '../../common/currency.js';
import { ValidationError } from '../errors.js';

const CODE = /^[A-Z]{3}$/;

/** Throws a ValidationError unless `currency` is three capital letters (ISO 4217 form). */
export function checkCurrency(currency: string): string {
  if (!CODE.test(currency)) throw new ValidationError(`not an ISO 4217 currency code: ${JSON.stringify(currency)}`, 'currency');
  return currency;
}

/**
 * Decimal places of a well-formed currency's minor unit, from the one ISO 4217 table in common/
 * (the renderer formats with the same). Unknown but well-formed codes get 2 rather than an error:
 * a bank may hold a currency newer than the table.
 */
export function currencyExponent(currency: string): number {
  return minorUnits(checkCurrency(currency));
}
