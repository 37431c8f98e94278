import { bucharestDay, isoDate } from './data/calendar.js';

/** The bank's calendar day (Europe/Bucharest) of an instant, as YYYY-MM-DD. */
export const bankDay = (at: Date): string => isoDate(bucharestDay(at));

/** `days` after an ISO date, as an ISO date (UTC arithmetic: calendar days, no DST drift). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A real calendar date in YYYY-MM-DD form (rejects 2025-02-30). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

/** The instant a bank day ends (next midnight in Europe/Bucharest), whatever the DST offset. */
export function endOfBankDay(date: string): Date {
  const next = addDays(date, 1);
  for (const offset of ['+02:00', '+03:00']) {
    const candidate = new Date(`${next}T00:00:00${offset}`);
    if (bankDay(candidate) === next && bankDay(new Date(candidate.getTime() - 1)) === date) return candidate;
  }
  return new Date(`${next}T00:00:00+02:00`);
}
