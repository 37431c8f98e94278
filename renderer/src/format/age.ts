const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * How long ago a moment was, in the locale's words ("acum 5 minute", "5 minutes ago"): the
 * largest whole unit, down to "now" under a minute. A moment in the future reads as now.
 */
export function formatAge(at: string | Date, now: Date, locale = 'ro-RO'): string {
  const elapsed = Math.max(0, now.getTime() - new Date(at).getTime());
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, ms] of UNITS) {
    if (elapsed >= ms) return format.format(-Math.floor(elapsed / ms), unit);
  }
  return format.format(0, 'second');
}
