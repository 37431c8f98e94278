import { minorUnits } from './currency.js';
import type { Money } from './money.js';

/** `negative`: a minus on debits only; `always`: a plus on credits too (a transaction list). */
export type SignDisplay = 'negative' | 'always';

export interface MoneyFormat {
  /** BCP 47 locale for the grouping and decimal marks; Romanian by default. */
  locale?: string;
  sign?: SignDisplay;
}

/** Canonical decimal text as `Money` promises it: optional '-', digits, optional fraction. */
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

interface Symbols {
  group: Intl.NumberFormat;
  decimal: string;
  minus: string;
  plus: string;
}
const symbolsByLocale = new Map<string, Symbols>();

function symbols(locale: string): Symbols {
  let s = symbolsByLocale.get(locale);
  if (s === undefined) {
    // Latin digits so the grouped integer and the hand-written fraction use one script.
    const group = new Intl.NumberFormat(locale, { numberingSystem: 'latn' });
    const signed = new Intl.NumberFormat(locale, { numberingSystem: 'latn', signDisplay: 'always' });
    // Only the symbols are read from these small numbers; no amount is ever formatted as a float.
    const part = (nf: Intl.NumberFormat, n: number, type: string) => nf.formatToParts(n).find((p) => p.type === type)?.value;
    s = { group, decimal: part(group, 1.5, 'decimal') ?? '.', minus: part(group, -1, 'minusSign') ?? '-', plus: part(signed, 1, 'plusSign') ?? '+' };
    symbolsByLocale.set(locale, s);
  }
  return s;
}

/**
 * The amount alone, as a person reads it ("-1.234,56" in ro-RO). Exact at any size: the integer
 * part is grouped by Intl on a BigInt (the locale's own rules) and the fraction is written out by
 * hand, padded to the currency's minor units and never cut (an amount with more decimals than
 * its currency shows them all). Zero carries no sign. Text that is not canonical decimal is
 * returned unchanged rather than guessed at.
 */
export function formatAmount(amount: string, currency: string, format: MoneyFormat = {}): string {
  const match = DECIMAL.exec(amount);
  if (match === null) return amount;
  const [, minus = '', integer = '0', rawFraction = ''] = match;
  const s = symbols(format.locale ?? 'ro-RO');
  const fraction = rawFraction.padEnd(minorUnits(currency), '0');
  const isZero = /^0*$/.test(integer + fraction);
  const sign = isZero ? '' : minus === '-' ? s.minus : format.sign === 'always' ? s.plus : '';
  return `${sign}${s.group.format(BigInt(integer))}${fraction === '' ? '' : s.decimal + fraction}`;
}

/** "1.234,56 RON": the amount as `formatAmount` writes it, then the ISO code. */
export function formatMoney(money: Money, format: MoneyFormat = {}): string {
  return `${formatAmount(money.amount, money.currency, format)} ${money.currency}`;
}

/** True when the amount leaves the account; read from the text, not from a float. */
export const isNegative = (money: Money): boolean => money.amount.startsWith('-') && !/^-0*(?:\.0*)?$/.test(money.amount);
