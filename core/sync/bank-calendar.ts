import { bankDay } from '../connections/connection-status.js';

export { bankDay };

const DAY_MS = 86_400_000;

/** `day` (ISO date) moved by `days`. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The first instant of the next bank day (Europe/Bucharest): when a spent daily budget is new
 * again. Found by stepping, since the offset is +2 or +3 hours depending on summer time.
 */
export function nextBankDayStart(at: Date): Date {
  const today = bankDay(at);
  // The next day starts between 21:00 and 22:00 UTC of this UTC date or the one after it.
  let t = Math.floor(at.getTime() / 3_600_000) * 3_600_000 + 3_600_000;
  while (bankDay(new Date(t)) === today) t += 3_600_000;
  // Bucharest's offsets are whole hours, so the first hour of the new day is its start.
  return new Date(t);
}
