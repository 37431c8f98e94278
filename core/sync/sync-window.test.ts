import { describe, expect, it } from 'vitest';
import { nextBankDayStart } from './bank-calendar.js';
import { reportStart } from './sync-window.js';

describe('reportStart', () => {
  const today = '2027-03-10';
  it('reads two years on a first sync, and again when the first never completed', () => {
    expect(reportStart({ accountId: 'a' }, undefined, today)).toBe('2025-03-10');
    expect(reportStart({ accountId: 'a', lastBookedDay: '2027-03-01' }, undefined, today)).toBe('2025-03-10');
  });
  it('reads from the last booked day minus the overlap afterwards', () => {
    expect(reportStart({ accountId: 'a', syncedAt: '2027-03-09T10:00:00Z', historyFrom: '2025-03-09', lastBookedDay: '2027-03-08' }, undefined, today)).toBe('2027-03-01');
  });
  it('reaches back to the oldest stored pending item, so replacing the pending list cannot drop one', () => {
    expect(reportStart({ accountId: 'a', syncedAt: '2027-03-09T10:00:00Z', historyFrom: '2025-03-09', lastBookedDay: '2027-03-08' }, '2027-02-20', today)).toBe('2027-02-13');
  });
  it('never reads before the history the first sync fetched', () => {
    expect(reportStart({ accountId: 'a', syncedAt: '2027-03-09T10:00:00Z', historyFrom: '2027-03-05' }, undefined, today)).toBe('2027-03-05');
  });
});

describe('nextBankDayStart', () => {
  it('is Bucharest midnight: 22:00 UTC in winter, 21:00 UTC in summer', () => {
    expect(nextBankDayStart(new Date('2027-01-15T10:00:00Z')).toISOString()).toBe('2027-01-15T22:00:00.000Z');
    expect(nextBankDayStart(new Date('2027-07-15T10:00:00Z')).toISOString()).toBe('2027-07-15T21:00:00.000Z');
    expect(nextBankDayStart(new Date('2027-01-15T22:30:00Z')).toISOString()).toBe('2027-01-16T22:00:00.000Z');
  });
});
