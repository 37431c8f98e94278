import { describe, expect, it } from 'vitest';
import { parseRetryAfter, retryAfterMs } from './retry-after.js';

describe('retryAfterMs', () => {
  const now = Date.parse('2027-01-14T10:00:00Z');

  it('reads delay-seconds', () => {
    expect(retryAfterMs('60', now)).toBe(60_000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
  });

  it('reads an HTTP date as the time until it, a past date as no wait', () => {
    expect(retryAfterMs('Thu, 14 Jan 2027 10:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Thu, 14 Jan 2027 09:59:00 GMT', now)).toBe(0);
    expect(retryAfterMs('Thursday, 14-Jan-27 10:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs('2027-01-14T10:00:05Z', now)).toBe(5_000);
  });

  it('is absent for no header and for junk', () => {
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs('', now)).toBeUndefined();
    expect(retryAfterMs('-5', now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfter('1.5')).toBeUndefined();
    expect(parseRetryAfter('2027')).toEqual({ kind: 'seconds', seconds: 2027 });
    expect(parseRetryAfter('Thu, 99 Foo 2027')).toBeUndefined();
  });
});
