import { describe, expect, it } from 'vitest';
import { formatAmount, formatMoney, groupThousands, isNegative } from './money.js';

describe('formatAmount', () => {
  it('groups fourteen integer digits exactly, without passing through a float', () => {
    expect(formatAmount('12345678901234.56')).toBe('12.345.678.901.234,56');
  });

  it('keeps digits a float would lose', () => {
    expect(formatAmount('9007199254740993.01')).toBe('9.007.199.254.740.993,01');
    expect(formatAmount('0.10000000000000001')).toBe('0,10000000000000001');
  });

  it('pads to the currency minor units and never cuts', () => {
    expect(formatAmount('5', 'RON')).toBe('5,00');
    expect(formatAmount('1234.5', 'EUR')).toBe('1.234,50');
    expect(formatAmount('1.234', 'RON')).toBe('1,234');
    expect(formatAmount('1500', 'JPY')).toBe('1.500');
    expect(formatAmount('1.5', 'KWD')).toBe('1,500');
  });

  it('writes the sign for debits, and for credits only when asked', () => {
    expect(formatAmount('-102.59', 'RON')).toBe('-102,59');
    expect(formatAmount('102.59', 'RON', 'always')).toBe('+102,59');
    expect(formatAmount('-0.00', 'RON', 'always')).toBe('0,00');
  });

  it('drops leading zeros of the integer part but keeps a lone zero', () => {
    expect(formatAmount('000123.40')).toBe('123,40');
    expect(formatAmount('0.07')).toBe('0,07');
  });

  it('returns text that is not canonical decimal unchanged', () => {
    expect(formatAmount('1e3')).toBe('1e3');
    expect(formatAmount('+5')).toBe('+5');
    expect(formatAmount('')).toBe('');
  });
});

describe('groupThousands', () => {
  it('groups from the right in threes', () => {
    expect(groupThousands('1')).toBe('1');
    expect(groupThousands('123')).toBe('123');
    expect(groupThousands('1234')).toBe('1.234');
    expect(groupThousands('123456')).toBe('123.456');
    expect(groupThousands('1234567')).toBe('1.234.567');
  });
});

describe('formatMoney', () => {
  it('writes the amount Romanian style followed by the ISO code', () => {
    expect(formatMoney({ amount: '1234.56', currency: 'RON' })).toBe('1.234,56 RON');
    expect(formatMoney({ amount: '-45', currency: 'EUR' }, 'always')).toBe('-45,00 EUR');
  });
});

describe('isNegative', () => {
  it('reads the sign from the text and treats minus zero as not negative', () => {
    expect(isNegative({ amount: '-0.01', currency: 'RON' })).toBe(true);
    expect(isNegative({ amount: '-0.00', currency: 'RON' })).toBe(false);
    expect(isNegative({ amount: '3', currency: 'RON' })).toBe(false);
  });
});
