/**
 * A `Retry-After` value: delay-seconds, or an HTTP date. Anything else (junk, a negative
 * number, a fraction) is no `Retry-After` at all.
 * @see RFC 9110 §10.2.3
 */
export type RetryAfter = { kind: 'seconds'; seconds: number } | { kind: 'date'; at: Date };

export function parseRetryAfter(value: string | null | undefined): RetryAfter | undefined {
  const header = value?.trim();
  if (header === undefined || header === '') return undefined;
  if (/^\d+$/.test(header)) return { kind: 'seconds', seconds: Number(header) };
  // Date.parse reads "-5" or "1.5" as years: only the HTTP-date forms (all open with the day's
  // name) and, liberally, an ISO 8601 instant count as dates.
  if (!/^(mon|tue|wed|thu|fri|sat|sun)/i.test(header) && !/^\d{4}-\d{2}-\d{2}T/.test(header)) return undefined;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : { kind: 'date', at: new Date(at) };
}

/** How long from `nowMs` the answer asks us to wait, in milliseconds (a date in the past: 0). */
export function retryAfterMs(value: string | null | undefined, nowMs: number): number | undefined {
  const parsed = parseRetryAfter(value);
  if (parsed === undefined) return undefined;
  return parsed.kind === 'seconds' ? parsed.seconds * 1000 : Math.max(0, parsed.at.getTime() - nowMs);
}
