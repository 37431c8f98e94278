import { businessDayOnOrBefore, dayInMonth, monthStarts, type Day } from './calendar.js';
import type { Rng } from './prng.js';

/**
 * A transaction before the bank numbers it: histories are built per account as drafts, then sorted,
 * numbered (entryReference, transactionId) and balanced in one place.
 */
export interface Draft {
  day: Day;
  /** Defaults to `day`; only some transfers and interest settle later. */
  valueDay?: Day;
  amountMinor: number;
  remittanceInformationUnstructured: string;
  bankTransactionCode: string;
  creditorName?: string;
  creditorIban?: string;
  debtorName?: string;
  debtorIban?: string;
  maskedPan?: string;
  merchantCategoryCode?: string;
}

/** One account's generated history. */
export interface History {
  /** Booked, in any order (the finisher sorts them stably by day). */
  booked: Draft[];
  pending: Draft[];
  /** The balance the history was simulated from; absent = pick one that keeps it non-negative. */
  openingMinor?: number;
}

/** The history window and, for the scale knob, how many booked transactions an account should get. */
export interface Span {
  start: Day;
  today: Day;
  /** `GenerateOptions.transactionsPerAccount`; absent = a realistic default volume. */
  target?: number;
}

/** A random subset of at most `cap` items, in their original order. */
export function thin<T>(items: readonly T[], cap: number, rng: Rng): T[] {
  if (items.length <= cap) return [...items];
  const indices = items.map((_, i) => i);
  for (let i = 0; i < cap; i++) {
    const j = rng.int(i, indices.length - 1);
    [indices[i], indices[j]] = [indices[j] as number, indices[i] as number];
  }
  return indices
    .slice(0, Math.max(0, cap))
    .sort((a, b) => a - b)
    .map((i) => items[i] as T);
}

/** Under the scale knob, each stream that also books on another account gets at most this many. */
export const linkedCap = (span: Span): number => (span.target === undefined ? Infinity : Math.floor(span.target / 8));

/**
 * Fixed events (salary, bills) kept under the scale knob: at most half of what is left to fill, so
 * a small target still looks like everyday spending rather than only bills.
 */
export function keepFixed<T>(fixed: readonly T[], room: number | undefined, rng: Rng): T[] {
  return room === undefined ? [...fixed] : thin(fixed, Math.floor(Math.max(0, room) / 2), rng);
}

export interface FillerPlan {
  count: number;
  /**
   * Amounts shrink by this factor when the scale knob asks for far more transactions than a
   * person makes, so the money moved per month (and so the balances) stay realistic.
   */
  factor: number;
}

/** How many everyday (filler) transactions to draw: a default rate, or what the target leaves. */
export function fillerPlan(span: Span, perMonth: number, alreadyPlanned: number): FillerPlan {
  const months = (span.today - span.start) / 30.44;
  const natural = Math.round(perMonth * months);
  if (span.target === undefined) return { count: natural, factor: 1 };
  const count = Math.max(0, span.target - alreadyPlanned);
  return { count, factor: count <= natural ? 1 : natural / count };
}

export const randomDay = (rng: Rng, span: Span): Day => rng.int(span.start, span.today);

/** A random amount in [min, max], scaled, rounded to `step` and never below one step. */
export function amount(rng: Rng, minMinor: number, maxMinor: number, factor = 1, step = 1): number {
  const raw = rng.int(minMinor, maxMinor) * factor;
  return Math.max(step, Math.round(raw / step) * step);
}

/** Settlement lag for a transfer: most settle the same day, some one or two days later. */
export function valueLag(rng: Rng, day: Day, today: Day): Day {
  const lag = rng.chance(0.7) ? 0 : rng.int(1, 2);
  return Math.min(day + lag, today);
}

/** Each month's business day on or before `dayOfMonth` (clamped to the month), inside the span. */
export const monthly = (span: Span, dayOfMonth: number): Day[] =>
  monthStarts(span.start, span.today)
    .map((m) => businessDayOnOrBefore(dayInMonth(m, dayOfMonth)))
    .filter((day) => day >= span.start && day <= span.today);
