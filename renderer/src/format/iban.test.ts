import { describe, expect, it } from 'vitest';
import { formatIban } from './iban.js';

describe('formatIban', () => {
  it('writes a Romanian IBAN in groups of four', () => {
    expect(formatIban('RO49AAAA1B31007593840000')).toBe('RO49 AAAA 1B31 0075 9384 0000');
  });

  it('normalises spacing and case before grouping', () => {
    expect(formatIban(' ro49 aaaa1b31 0075 93840000 ')).toBe('RO49 AAAA 1B31 0075 9384 0000');
  });

  it('leaves a short last group without a trailing space', () => {
    expect(formatIban('DE89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00');
  });
});

