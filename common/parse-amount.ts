import { minorUnits } from './currency.js';

/** The largest integer part the Berlin Group `amountValue` allows (14 digits). */
export const MAX_AMOUNT_INT_DIGITS = 14;

/** Why a typed amount cannot be paid; the UI and the CSV import word each in their own language. */
export type AmountProblem =
  | { reason: 'empty' }
  /** Letters or other characters than digits, '.', ',' and spaces. */
  | { reason: 'not-a-number' }
  /** A sign: a person types what to pay, never a signed amount. */
  | { reason: 'signed' }
  | { reason: 'zero' }
  /** No digits on one side of the decimal mark, the mark twice, or thousands groups not of three. */
  | { reason: 'misplaced-separator' }
  | { reason: 'too-many-decimals'; allowed: number }
  /** A lone mark before three digits ("1.234", "12,500"): thousands or decimals; both readings given. */
  | { reason: 'ambiguous'; readings: [grouped: string, decimal: string] }
  | { reason: 'too-large'; maxIntegerDigits: number };

export type AmountParse = { ok: true; amount: string } | { ok: false; problem: AmountProblem };

/** Characters people put between thousands: space, no-break spaces, apostrophe (Swiss). */
const SPACES = /[\s\u00a0\u202f']/g;

const fail = (problem: AmountProblem): AmountParse => ({ ok: false, problem });

/** Plain digits and an optional fraction, without leading zeros of the integer or trailing ones of the fraction. */
function canonical(int: string, frac: string): string {
  const i = int.replace(/^0+(?=\d)/, '');
  const f = frac.replace(/0+$/, '');
  return f === '' ? i : `${i}.${f}`;
}

/**
 * An amount to pay as a person types it, in either habit, to exact canonical decimal text
 * ("1.234,56" → "1234.56"), never through a binary float. The rules:
 * - both '.' and ',' present: the last one is the decimal mark ("1.234,56", "1,234.56");
 * - one mark, repeated: thousands ("1.234.567"); spaces and apostrophes group too ("1 234,56");
 * - one mark, once: the decimal mark ("1234,56", "1234.5", "0,500"), except before exactly three
 *   digits after a group of one to three ("1.234", "12,500"). Romanians write 1.234 for a thousand
 *   two hundred thirty-four, others 1,234; a plain reader means 1.234. When the currency has
 *   fewer than three decimals that text is refused as ambiguous, never guessed: paying 12 500
 *   for 12,50 is the mistake this form must not make. With three decimals (BHD) it is decimal;
 * - thousands groups sit in threes; at most the currency's decimals; greater than zero; no sign;
 *   at most 14 integer digits (Berlin Group `amountValue`).
 */
export function parseAmount(text: string, currency: string): AmountParse {
  const exp = minorUnits(currency);
  const raw = text.trim();
  if (raw === '') return fail({ reason: 'empty' });
  if (/^[+-]/.test(raw) && /^[+-][\d.,\s\u00a0\u202f']+$/.test(raw)) return fail({ reason: 'signed' });
  if (!/^[\d.,\s\u00a0\u202f']+$/.test(raw)) return fail({ reason: 'not-a-number' });

  const lastDot = raw.lastIndexOf('.');
  const lastComma = raw.lastIndexOf(',');
  const marks = (raw.match(/[.,]/g) ?? []).length;
  let decimalAt = -1;
  if (lastDot >= 0 && lastComma >= 0) decimalAt = Math.max(lastDot, lastComma);
  else if (marks === 1) decimalAt = Math.max(lastDot, lastComma);

  const intText = decimalAt < 0 ? raw : raw.slice(0, decimalAt);
  const fracText = decimalAt < 0 ? '' : raw.slice(decimalAt + 1);
  if (decimalAt >= 0 && !/^\d+$/.test(fracText)) return fail({ reason: 'misplaced-separator' });
  if (decimalAt >= 0 && intText.includes(raw[decimalAt] as string)) return fail({ reason: 'misplaced-separator' });
  const groups = intText.replace(SPACES, ' ').split(/[ .,]/);
  if (groups.some((g) => !/^\d+$/.test(g))) return fail({ reason: 'misplaced-separator' });
  if (groups.length > 1 && (!/^\d{1,3}$/.test(groups[0] as string) || groups.slice(1).some((g) => g.length !== 3))) {
    return fail({ reason: 'misplaced-separator' });
  }
  const int = groups.join('');

  const lone = marks === 1 && groups.length === 1 && fracText.length === 3 && /^[1-9]\d{0,2}$/.test(int);
  if (lone && exp < 3) return fail({ reason: 'ambiguous', readings: [canonical(int + fracText, ''), canonical(int, fracText)] });
  if (int.replace(/^0+(?=\d)/, '').length > MAX_AMOUNT_INT_DIGITS) return fail({ reason: 'too-large', maxIntegerDigits: MAX_AMOUNT_INT_DIGITS });
  if (fracText.length > exp) return fail({ reason: 'too-many-decimals', allowed: exp });
  const amount = canonical(int, fracText);
  if (/^[0.]+$/.test(amount)) return fail({ reason: 'zero' });
  return { ok: true, amount };
}

/** The problem as an English sentence about `text`, for the CLI, the log and the CSV report. */
export function describeAmountProblem(text: string, currency: string, problem: AmountProblem): string {
  const quoted = JSON.stringify(text.trim());
  switch (problem.reason) {
    case 'empty':
      return 'is empty: type an amount';
    case 'not-a-number':
      return `${quoted} is not an amount: use digits and one decimal mark`;
    case 'signed':
      return `${quoted} has a sign: type the amount to pay without one`;
    case 'zero':
      return `${quoted} is zero: the amount must be greater than zero`;
    case 'misplaced-separator':
      return `${quoted} has a separator in the wrong place`;
    case 'too-many-decimals':
      return `${quoted} has more decimals than ${currency} allows (${problem.allowed})`;
    case 'ambiguous': {
      const [grouped, decimal] = problem.readings;
      const exp = minorUnits(currency);
      return `${quoted} is ambiguous, ${grouped} or ${decimal}: write ${grouped} without a separator, or the amount with ${exp} decimals`;
    }
    case 'too-large':
      return `${quoted} is too large (at most ${problem.maxIntegerDigits} digits before the decimal mark)`;
  }
}
