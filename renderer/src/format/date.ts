/** "2025-03-14" → "14.03.2025"; by string so no time zone can move the day. */
export function formatDate(isoDate: string | undefined): string {
  if (isoDate === undefined) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  return match === null ? isoDate : `${match[3]}.${match[2]}.${match[1]}`;
}
