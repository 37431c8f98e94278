import { describe, expect, it } from 'vitest';
import { formatDate } from './date.js';

describe('formatDate', () => {
  it('writes an ISO date day first, by string', () => {
    expect(formatDate('2025-03-14')).toBe('14.03.2025');
    expect(formatDate('2025-03-14T23:59:59+02:00')).toBe('14.03.2025');
  });

  it('returns empty text for no date and odd text unchanged', () => {
    expect(formatDate(undefined)).toBe('');
    expect(formatDate('ieri')).toBe('ieri');
  });
});
