import { reject } from './errors.js';

/** ISO 4217 minor units of the currencies the sandbox bank keeps accounts in or accepts. */
const minorUnits: Record<string, number> = { RON: 2, EUR: 2, USD: 2, GBP: 2, CHF: 2, HUF: 2, JPY: 0 };

export const isKnownCurrency = (code: string): boolean => code in minorUnits;

/** Berlin Group `Amount.amount` pattern. */
const amountPattern = /^-?[0-9]{1,14}(\.[0-9]{1,3})?$/;

/**
 * Parses a wire amount into integer minor units. §5: more decimals than the currency has are a
 * FORMAT_ERROR, never rounded. Accepts a JSON number too, by its decimal text.
 */
export function parseAmountMinor(amount: unknown, currency: string, field: string): number {
  const text = typeof amount === 'number' ? String(amount) : amount;
  if (typeof text !== 'string' || !amountPattern.test(text)) {
    return reject(400, 'FORMAT_ERROR', `${field}.amount must match -?[0-9]{1,14}(.[0-9]{1,3})?`);
  }
  const units = minorUnits[currency];
  if (units === undefined) return reject(400, 'FORMAT_ERROR', `${field}.currency ${currency} is not supported`);
  const [whole = '0', fraction = ''] = text.replace('-', '').split('.');
  if (fraction.length > units) {
    return reject(400, 'FORMAT_ERROR', `${field}.amount has more than ${units} decimals for ${currency}`);
  }
  const minor = Number(whole) * 10 ** units + Number(fraction.padEnd(units, '0') || '0');
  if (!Number.isSafeInteger(minor)) return reject(400, 'FORMAT_ERROR', `${field}.amount is too large`);
  return text.startsWith('-') ? -minor : minor;
}

/** Minor units as the decimal text CEC sends in strings ("26.46", "-102.59", "22.00"). */
export function formatMinor(minor: number, currency: string): string {
  const units = minorUnits[currency] ?? 2;
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  if (units === 0) return `${sign}${abs}`;
  const scale = 10 ** units;
  return `${sign}${Math.floor(abs / scale)}.${String(abs % scale).padStart(units, '0')}`;
}

/**
 * Minor units as the JSON number CEC sends in account lists and transactions (26.46, 22).
 * Parsing the exact decimal text gives the double whose shortest form is that same text.
 */
export const minorAsNumber = (minor: number, currency: string): number => Number(formatMinor(minor, currency));
