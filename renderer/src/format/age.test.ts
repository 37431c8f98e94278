import { describe, expect, it } from 'vitest';
import { formatAge } from './age.js';

const now = new Date('2026-03-14T12:00:00Z');
const before = (ms: number) => new Date(now.getTime() - ms).toISOString();

describe('formatAge', () => {
  it('says the largest whole unit ago, in the locale', () => {
    expect(formatAge(before(5 * 60_000 + 10_000), now, 'ro-RO')).toBe('acum 5 minute');
    expect(formatAge(before(5 * 60_000), now, 'en-GB')).toBe('5 minutes ago');
    expect(formatAge(before(3 * 3_600_000 + 59 * 60_000), now, 'en-GB')).toBe('3 hours ago');
    expect(formatAge(before(2 * 86_400_000), now, 'ro-RO')).toBe('alaltăieri');
  });

  it('reads under a minute, or a clock ahead of ours, as now', () => {
    expect(formatAge(before(20_000), now, 'en-GB')).toBe('now');
    expect(formatAge(new Date(now.getTime() + 60_000), now, 'ro-RO')).toBe('acum');
  });
});
