/**
 * An exact decimal amount as an integer of millionths, for SQL to sort and sum without a float:
 * SQLite's INTEGER is 64 bits and its SUM of integers is exact (it fails on overflow rather
 * than round). Six places cover every ISO 4217 currency (at most 4) with room for the odd bank
 * that sends more; an amount with more non-zero places, or beyond ±9.2 × 10¹² units, cannot be
 * stored exactly and is refused, so the item is skipped and reported instead of rounded.
 */
const SCALE = 6;
const MAX = 2n ** 63n - 1n;
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
/** Whole digits whose millionths are below Number.MAX_SAFE_INTEGER (10^15 < 2^53). */
const SAFE_WHOLE_DIGITS = 9;

/** The millionths of canonical (or any plain) decimal text, or undefined when not exact in range. */
export function toMicros(amount: string): bigint | undefined {
  const m = DECIMAL.exec(amount);
  if (m === null) return undefined;
  const [, sign, whole, fraction = ''] = m as unknown as [string, string, string, string | undefined];
  const kept = fraction.slice(0, SCALE);
  if (/[1-9]/.test(fraction.slice(SCALE))) return undefined;
  // Below 10^9 units the millionths stay under 2^53, where a double's integers are exact: one
  // BigInt instead of three (every amount of every sync passes here).
  const magnitude = whole.length <= SAFE_WHOLE_DIGITS
    ? BigInt(Number(whole) * 10 ** SCALE + Number(kept.padEnd(SCALE, '0')))
    : BigInt(whole) * 10n ** BigInt(SCALE) + BigInt(kept.padEnd(SCALE, '0'));
  if (magnitude > MAX) return undefined;
  return sign === '-' ? -magnitude : magnitude;
}

/** Canonical decimal text of millionths: no trailing zeros, "0" for zero (as `parseMoney` gives). */
export function fromMicros(micros: bigint): string {
  const negative = micros < 0n;
  const digits = (negative ? -micros : micros).toString().padStart(SCALE + 1, '0');
  const whole = digits.slice(0, -SCALE);
  const fraction = digits.slice(-SCALE).replace(/0+$/, '');
  const text = fraction === '' ? whole : `${whole}.${fraction}`;
  return negative && text !== '0' ? `-${text}` : text;
}
