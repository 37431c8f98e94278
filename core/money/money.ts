import Big from 'big.js';
import type { Money } from '../../common/index.js';
import { describeAmountProblem, parseAmount } from '../../common/parse-amount.js';
import { BugIndicatingError, ValidationError } from '../errors.js';
import { checkCurrency, currencyExponent } from './currency.js';

export { currencyExponent } from './currency.js';

/**
 * A big.js constructor of our own in strict mode: it throws on a JS `number`, so a binary float
 * can never become money, and the global `Big` other code may configure stays untouched.
 */
const Decimal = Big();
Decimal.strict = true;

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/**
 * The canonical text of a value: big.js's plain notation, which drops leading zeros and trailing
 * fractional zeros ("0026.460" → "26.46", "100.00" → "100"), and "0" for any zero. One value has
 * one text, so two amounts are equal exactly when their texts are; the currency's decimals are
 * added back only for display (`formatMoney`) and on the wire (`toWireAmount`).
 */
const canonical = (value: Big): string => (value.eq('0') ? '0' : value.toFixed());

const PLAIN_PARTS = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * The same canonical text of plain decimal text ("-0026.460" → "-26.46"), by trimming zeros
 * instead of through big.js: every amount of every report passes here, twice, and big.js's
 * parse and print were a tenth of reading a report (bench: sync.cpu_ms_per_10k).
 */
function canonicalPlain(text: string): string | undefined {
  const m = PLAIN_PARTS.exec(text);
  if (m === null) return undefined;
  const int = (m[2] as string).replace(/^0+(?=\d)/, '');
  const frac = (m[3] ?? '').replace(/0+$/, '');
  if (int === '0' && frac === '') return '0';
  return `${m[1] as string}${int}${frac === '' ? '' : `.${frac}`}`;
}

const sameCurrency = (a: Money, b: Money, op: string): void => {
  // Mixing currencies is a mistake in our own code, never something the person or bank did.
  if (a.currency !== b.currency) throw new BugIndicatingError(`${op}: ${a.currency} and ${b.currency} do not mix`);
};

/**
 * Money from exact decimal text such as the bank sends ("22", "-102.59", "0026.460"), in
 * canonical form. Exponents, '+', spaces and separators are refused: those are user input, for
 * `parseUserAmount`.
 */
export function parseMoney(amountText: string, currency: string): Money {
  if (!DECIMAL_TEXT.test(amountText)) throw new ValidationError(`not a decimal amount: ${JSON.stringify(amountText)}`, 'amount');
  return { amount: canonicalPlain(amountText) as string, currency: checkCurrency(currency) };
}

/** A JSON number's text, exponent and all ("3.32E3", "-1.5e-2", "0026.460"). */
const JSON_NUMBER_TEXT = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * The exact plain decimal of a JSON number's text, in canonical form ("3.32E3" → "3320",
 * "1.5e-2" → "0.015"), or undefined when the text is no JSON number ("12,50", "+5", "1e").
 * Decimal arithmetic throughout: the value never passes through a binary float.
 */
export function exactDecimal(text: string): string | undefined {
  return canonicalPlain(text) ?? (JSON_NUMBER_TEXT.test(text) ? canonical(new Decimal(text)) : undefined);
}

const decimal = (m: Money): Big => new Decimal(m.amount);

/** a + b, exact ("0.1" + "0.2" = "0.3"). Both must be in one currency. */
export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b, 'addMoney');
  return { amount: canonical(decimal(a).plus(decimal(b))), currency: a.currency };
}

/** −m; zero stays "0". */
export function negate(m: Money): Money {
  return { amount: canonical(decimal(m).neg()), currency: m.currency };
}

/** −1, 0 or 1 as a is less than, equal to or greater than b (same currency). */
export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b, 'compareMoney');
  return decimal(a).cmp(decimal(b));
}

/** Splits canonical text into sign, integer digits and fraction digits. */
function parts(m: Money): { negative: boolean; int: string; frac: string } {
  const negative = m.amount.startsWith('-');
  const [int = '0', frac = ''] = (negative ? m.amount.slice(1) : m.amount).split('.');
  return { negative, int, frac };
}

/**
 * The amount in the currency's minor units (RON 12.34 → 1234n). More decimals than the currency
 * has is a ValidationError: dropping them would be rounding, which money never gets silently.
 */
export function toMinorUnits(m: Money): bigint {
  const exp = currencyExponent(m.currency);
  const { negative, int, frac } = parts(m);
  if (frac.length > exp) throw new ValidationError(`${m.amount} has more decimals than ${m.currency} allows (${exp})`, 'amount');
  const minor = BigInt(int + frac.padEnd(exp, '0'));
  return negative ? -minor : minor;
}

/** Money from minor units (1234n RON → "12.34"). */
export function fromMinorUnits(minor: bigint, currency: string): Money {
  const exp = currencyExponent(currency);
  const digits = (minor < 0n ? -minor : minor).toString().padStart(exp + 1, '0');
  const text = exp === 0 ? digits : `${digits.slice(0, -exp)}.${digits.slice(-exp)}`;
  return parseMoney(minor < 0n ? `-${text}` : text, currency);
}

/**
 * The Berlin Group `amountValue` for a request: the currency's decimals written out ("3.50"), as
 * the bank's guide shows them. More decimals than the currency has → ValidationError, since the
 * bank refuses them and rounding is not ours to do (digest §5).
 */
export function toWireAmount(m: Money): string {
  const exp = currencyExponent(m.currency);
  const { negative, int, frac } = parts(m);
  if (frac.length > exp) throw new ValidationError(`${m.amount} has more decimals than ${m.currency} allows (${exp})`, 'amount');
  return `${negative ? '-' : ''}${int}${exp === 0 ? '' : `.${frac.padEnd(exp, '0')}`}`;
}

/**
 * An amount a person typed to pay, in either habit ("1.234,56", "1234.56", "1,234.56"), as Money;
 * the rules are common/parse-amount.ts's, shared with the payment form and the bulk CSV. A
 * problem becomes a ValidationError on the `amount` field that says what is wrong.
 */
export function parseUserAmount(text: string, currency: string): Money {
  checkCurrency(currency);
  const parsed = parseAmount(text, currency);
  if (!parsed.ok) throw new ValidationError(describeAmountProblem(text, currency, parsed.problem), 'amount');
  return parseMoney(parsed.amount, currency);
}
