import Big from 'big.js';
import type { Money } from '../../common/index.js';
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

/** Characters people put between thousands: space, no-break spaces, apostrophe (Swiss). */
const SPACES = /[\s\u00a0\u202f']/g;
/** The largest integer part the Berlin Group `amountValue` allows (14 digits). */
const MAX_INT_DIGITS = 14;

/**
 * An amount a person typed, in either habit: "1.234,56" (Romanian), "1234.56", "1234,56",
 * "1,234.56", "1 234,56". Rule: when both '.' and ',' appear, the last one is the decimal mark;
 * a single mark alone is decimal; a mark repeated is grouping. Grouping must sit in threes, so
 * "12,500" is never read as twelve thousand five hundred — it is 12.500, which for RON has too many
 * decimals and is refused rather than rounded. No sign: a person types what to pay.
 */
export function parseUserAmount(text: string, currency: string): Money {
  const exp = currencyExponent(currency);
  const bad = (why: string): never => {
    throw new ValidationError(`${JSON.stringify(text)} ${why}`, 'amount');
  };
  const raw = text.trim();
  if (raw === '') return bad('is empty: type an amount');
  if (!/^[\d.,\s\u00a0\u202f']+$/.test(raw)) return bad('is not an amount: use digits and one decimal mark');
  const lastDot = raw.lastIndexOf('.');
  const lastComma = raw.lastIndexOf(',');
  const marks = (raw.match(/[.,]/g) ?? []).length;
  let decimalAt = -1;
  if (lastDot >= 0 && lastComma >= 0) decimalAt = Math.max(lastDot, lastComma);
  else if (marks === 1) decimalAt = Math.max(lastDot, lastComma);
  const intText = decimalAt < 0 ? raw : raw.slice(0, decimalAt);
  const fracText = decimalAt < 0 ? '' : raw.slice(decimalAt + 1);
  if (decimalAt >= 0 && !/^\d+$/.test(fracText)) return bad('needs digits after the decimal mark');
  const groupMark = decimalAt < 0 ? undefined : raw[decimalAt] === '.' ? ',' : '.';
  if (groupMark !== undefined && intText.includes(raw[decimalAt] as string)) return bad('has the decimal mark twice');
  const groups = intText.replace(SPACES, ' ').split(/[ .,]/);
  const grouped = groups.length > 1;
  if (groups.some((g) => !/^\d+$/.test(g))) return bad('has a separator in the wrong place');
  if (grouped && (!/^\d{1,3}$/.test(groups[0] as string) || groups.slice(1).some((g) => g.length !== 3))) {
    return bad('has thousands groups that are not of three digits');
  }
  const int = groups.join('');
  if (int.replace(/^0+(?=\d)/, '').length > MAX_INT_DIGITS) return bad(`is too large (at most ${MAX_INT_DIGITS} digits before the decimal mark)`);
  if (fracText.length > exp) return bad(`has more decimals than ${currency} allows (${exp})`);
  return parseMoney(fracText === '' ? int : `${int}.${fracText}`, currency);
}
