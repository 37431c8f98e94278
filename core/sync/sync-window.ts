import type { AccountSyncState } from '../store/sync-state.js';
import { addDays } from './bank-calendar.js';

export interface WindowPolicy {
  /** How far back a first sync reaches (the bank gives what it has within it). */
  historyDays: number;
  /** Days read again on every later sync: bookings that arrive back-dated, corrections. */
  overlapDays: number;
}

export const DEFAULT_WINDOW: WindowPolicy = { historyDays: 730, overlapDays: 7 };

/**
 * The first day of an account's next report. A first sync (or one whose first run never
 * completed) reads the whole history; a later one reads from the last booked day, or from the
 * oldest pending item still stored when that is older, minus the overlap: the report's pending
 * list replaces the stored one, so every stored pending day must be inside the window. Whole days
 * only, so an id-less twin's occurrence count comes out the same on every read.
 */
export function reportStart(state: AccountSyncState, oldestPendingDay: string | undefined, today: string, policy: WindowPolicy = DEFAULT_WINDOW): string {
  const earliest = addDays(today, -policy.historyDays);
  if (state.syncedAt === undefined) return earliest;
  const anchors = [state.lastBookedDay ?? state.syncedAt.slice(0, 10), oldestPendingDay].filter((d): d is string => d !== undefined);
  const from = addDays(anchors.reduce((a, b) => (a < b ? a : b)), -policy.overlapDays);
  const floor = state.historyFrom !== undefined && state.historyFrom > earliest ? state.historyFrom : earliest;
  if (from < floor) return floor;
  return from > today ? today : from;
}
