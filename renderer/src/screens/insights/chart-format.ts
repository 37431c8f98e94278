/** "ian. 2026" in ro-RO, "Jan 2026" in en-GB: a `YYYY-MM` month as an axis and a table name it. */
export function monthLabel(month: string, locale: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/**
 * An axis mark ("1,2 mii"): the scale's own round numbers, compact. Only marks of the scale are
 * written this way; an amount the person reads is always its exact decimal text.
 */
export const axisTick = (value: number, locale: string): string =>
  new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
