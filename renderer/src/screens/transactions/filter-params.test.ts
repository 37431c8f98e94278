import { describe, expect, it } from 'vitest';
import { filterFromParams, hasFilter, parseAmount, withFilter, withoutFilters } from './filter-params.js';

describe('the Transactions screen’s filter in the address', () => {
  it('reads every field from its parameter', () => {
    const params = new URLSearchParams('q=bucuresti&from=2027-01-01&to=2027-01-31&min=-150&max=-10.5&dir=out&status=booked&account=RO49CECE1:RON&cat=groceries');
    expect(filterFromParams(params)).toEqual({
      text: 'bucuresti', dateFrom: '2027-01-01', dateTo: '2027-01-31', amountMin: '-150', amountMax: '-10.5', direction: 'out', status: 'booked', categoryIds: ['groceries'], accountIds: ['RO49CECE1:RON'],
    });
  });

  it('leaves out what the store would refuse, so a hand-edited address still lists', () => {
    expect(filterFromParams(new URLSearchParams('from=ieri&min=12,5&dir=sideways&status=maybe&q=%20%20&cat=Not%20a%20key'))).toEqual({});
  });

  it('writes a change and removes an emptied field, keeping the rest', () => {
    const next = withFilter(new URLSearchParams('q=kaufland&dir=out'), { text: '', status: 'pending' });
    expect(next.toString()).toBe('dir=out&status=pending');
    expect(hasFilter(next)).toBe(true);
    expect(hasFilter(withoutFilters(next))).toBe(false);
  });

  it('reads amounts as people type them', () => {
    expect(parseAmount('12,50')).toBe('12.50');
    expect(parseAmount(' -150 ')).toBe('-150');
    expect(parseAmount('1.234,56')).toBe('1234.56');
    expect(parseAmount('−7')).toBe('-7');
    expect(parseAmount('007')).toBe('7');
    expect(parseAmount('12,5,0')).toBeUndefined();
    expect(parseAmount('abc')).toBeUndefined();
    expect(parseAmount('')).toBeUndefined();
  });
});
