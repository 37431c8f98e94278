import type { Money } from '../../../common/money.js';

/** Canonical decimal text as common/money.ts promises it: optional '-', digits, optional fraction. */
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Minor units for the few currencies a Romanian customer meets that do not use two; ISO 4217.
 * Only used to pad ("5" RON → "5,00"), never to cut: the bank's digits are shown as they are.
 */
const MINOR_UNITS: Record<string, number> = { JPY: 0, KRW: 0, HUF: 2, BHD: 3, KWD: 3, TND: 3 };

export type SignDisplay = 'negative' | 'always';

/**
 * Formats an exact decimal string Romanian style ("-1234.5" → "-1.234,50") with string
 * operations only: amounts never pass through `number`, so 14 integer digits stay exact.
 * Text that is not canonical decimal is returned unchanged rather than guessed at.
 */
export function formatAmount(amount: string, currency?: string, sign: SignDisplay = 'negative'): string {
  const match = DECIMAL.exec(amount);
  if (match === null) return amount;
  const [, minus = '', rawInteger = '0', rawFraction = ''] = match;
  const integer = rawInteger.replace(/^0+(?=\d)/, '');
  const minor = currency === undefined ? 2 : (MINOR_UNITS[currency] ?? 2);
  const fraction = rawFraction.padEnd(minor, '0');
  const isZero = /^0*$/.test(integer + fraction);
  const prefix = minus === '-' && !isZero ? '-' : sign === 'always' && !isZero ? '+' : '';
  return `${prefix}${groupThousands(integer)}${fraction === '' ? '' : `,${fraction}`}`;
}

/** "1234567" → "1.234.567". */
export function groupThousands(digits: string): string {
  const head = digits.length % 3;
  const groups = head === 0 ? [] : [digits.slice(0, head)];
  for (let i = head; i < digits.length; i += 3) groups.push(digits.slice(i, i + 3));
  return groups.join('.');
}

/** "1.234,56 RON": the amount as `formatAmount` writes it, then the ISO code. */
export function formatMoney(money: Money, sign: SignDisplay = 'negative'): string {
  return `${formatAmount(money.amount, money.currency, sign)} ${money.currency}`;
}

/** True when the amount leaves the account; read from the text, not from a float. */
export const isNegative = (money: Money): boolean => money.amount.startsWith('-') && !/^-0*(?:\.0*)?$/.test(money.amount);
