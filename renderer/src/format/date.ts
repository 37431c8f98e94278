const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * An ISO date as the locale writes a day ("14.03.2025" in ro-RO, "14/03/2025" in en-GB). The day
 * is read from the text and formatted in UTC, so no time zone can move it.
 */
export function formatDate(isoDate: string | undefined, locale = 'ro-RO'): string {
  if (isoDate === undefined) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  if (match === null) return isoDate;
  let format = dayFormats.get(locale);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' });
    dayFormats.set(locale, format);
  }
  return format.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))));
}

/** "14:05", or "02.12 14:05" when not today: a moment near now, in the person's own time. */
export function formatClock(at: Date, now: Date, locale = 'ro-RO'): string {
  const time = at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  return at.toDateString() === now.toDateString() ? time : `${at.toLocaleDateString(locale, { day: '2-digit', month: '2-digit' })} ${time}`;
}

/** "20.11.2025, 12:05": a moment in full, in the person's own time. */
export const formatDateTime = (at: string, locale = 'ro-RO'): string =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(at));
