import { describe, expect, it } from 'vitest';
import { formatClock, formatDate } from './date.js';

describe('formatDate', () => {
  it('writes an ISO date as the locale does, by the day in the text', () => {
    expect(formatDate('2025-03-14')).toBe('14.03.2025');
    expect(formatDate('2025-03-14T23:59:59+02:00')).toBe('14.03.2025');
    expect(formatDate('2025-03-04', 'en-GB')).toBe('04/03/2025');
    expect(formatDate('2025-03-04', 'en-US')).toBe('03/04/2025');
  });

  it('returns empty text for no date and odd text unchanged', () => {
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('ieri')).toBe('ieri');
  });
});

describe('formatClock', () => {
  it('gives the time alone today and the day with it otherwise', () => {
    const now = new Date(2025, 10, 20, 15, 0);
    expect(formatClock(new Date(2025, 10, 20, 14, 5), now)).toBe('14:05');
    expect(formatClock(new Date(2025, 11, 2, 14, 5), now)).toBe('02.12 14:05');
  });
});
