/**
 * Calendar days as integers (days since 1970-01-01, UTC midnight): cheap to compare and add, and
 * free of local-time and DST bugs. Only the conversion of "now" looks at a time zone.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

const bucharestParts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Bucharest',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

/** The bank's calendar day (Europe/Bucharest) that contains `instant`. */
export function bucharestDay(instant: Date): Day {
  if (Number.isNaN(instant.getTime())) throw new RangeError('today must be a valid Date');
  const parts = bucharestParts.formatToParts(instant);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return dayFromYmd(part('year'), part('month'), part('day'));
}

/** The day of a calendar date; `month` is 1-based. */
export function dayFromYmd(year: number, month: number, dayOfMonth: number): Day {
  return Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY;
}

const isoCache = new Map<Day, string>();

/** YYYY-MM-DD; cached because a big history asks for the same few hundred days many times. */
export function isoDate(day: Day): string {
  let text = isoCache.get(day);
  if (text === undefined) {
    text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
    isoCache.set(day, text);
  }
  return text;
}

export interface Ymd {
  year: number;
  /** 1-based. */
  month: number;
  dayOfMonth: number;
}

export function ymdOf(day: Day): Ymd {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, dayOfMonth: d.getUTCDate() };
}

const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The day of month `dayOfMonth` of the month containing `day`, clamped to that month's last day. */
export function dayInMonth(day: Day, dayOfMonth: number): Day {
  const { year, month } = ymdOf(day);
  return dayFromYmd(year, month, Math.min(dayOfMonth, daysInMonth(year, month)));
}

/** `months` calendar months from `day`, keeping the day of month where the target month has it. */
export function addMonths(day: Day, months: number): Day {
  const { year, month, dayOfMonth } = ymdOf(day);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return dayFromYmd(y, m, Math.min(dayOfMonth, daysInMonth(y, m)));
}

/** The first day of every month that overlaps [start, end]. */
export function monthStarts(start: Day, end: Day): Day[] {
  const starts: Day[] = [];
  for (let m = dayInMonth(start, 1); m <= end; m = addMonths(m, 1)) starts.push(m);
  return starts;
}

/** Banks move salaries and standing orders off weekends to the Friday before. */
export function businessDayOnOrBefore(day: Day): Day {
  const weekday = new Date(day * MS_PER_DAY).getUTCDay();
  if (weekday === 6) return day - 1;
  if (weekday === 0) return day - 2;
  return day;
}

/** dd.mm.yyyy, the form Romanian statements print periods in. */
export function roDate(day: Day): string {
  const [y, m, d] = isoDate(day).split('-');
  return `${d}.${m}.${y}`;
}

const monthNames = [
  'IANUARIE', 'FEBRUARIE', 'MARTIE', 'APRILIE', 'MAI', 'IUNIE',
  'IULIE', 'AUGUST', 'SEPTEMBRIE', 'OCTOMBRIE', 'NOIEMBRIE', 'DECEMBRIE',
] as const;

/** The Romanian month name, upper case as payroll texts write it; `month` is 1-based. */
export const roMonth = (month: number): string => monthNames[(month - 1) % 12] ?? '';
