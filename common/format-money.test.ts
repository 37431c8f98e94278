import { describe, expect, it } from 'vitest';
import { minorUnits } from './currency.js';
import { formatAmount, formatMoney, isNegative } from './format-money.js';

const ron = (amount: string) => ({ amount, currency: 'RON' });

describe('minorUnits', () => {
  it('knows the ISO 4217 minor units that are not 2, and gives 2 to every other code', () => {
    expect(['RON', 'EUR', 'USD', 'HUF', 'XYZ'].map(minorUnits)).toEqual([2, 2, 2, 2, 2]);
    expect(['ISK', 'JPY', 'KRW', 'CLP'].map(minorUnits)).toEqual([0, 0, 0, 0]);
    expect(['OMR', 'BHD', 'KWD', 'JOD', 'TND', 'LYD', 'IQD'].map(minorUnits)).toEqual([3, 3, 3, 3, 3, 3, 3]);
    expect(['CLF', 'UYW'].map(minorUnits)).toEqual([4, 4]);
  });

  it('does not read inherited properties as currencies', () => {
    expect(minorUnits('constructor')).toBe(2);
    expect(minorUnits('__proto__')).toBe(2);
  });
});

describe('formatMoney', () => {
  it.each([
    ['1234.56', 'RON', '1.234,56 RON'],
    ['-102.59', 'RON', '-102,59 RON'],
    ['22', 'RON', '22,00 RON'],
    ['-19.8', 'RON', '-19,80 RON'],
    ['-0.5', 'RON', '-0,50 RON'],
    ['0', 'RON', '0,00 RON'],
    ['1234567.5', 'EUR', '1.234.567,50 EUR'],
    ['1234', 'JPY', '1.234 JPY'],
    ['1500', 'ISK', '1.500 ISK'],
    ['1.5', 'BHD', '1,500 BHD'],
    ['1.5', 'KWD', '1,500 KWD'],
    ['1.5', 'OMR', '1,500 OMR'],
    ['-2.25', 'OMR', '-2,250 OMR'],
    ['1.5', 'CLF', '1,5000 CLF'],
    ['37000.1234', 'CLF', '37.000,1234 CLF'],
  ])('shows %s %s as %s in ro-RO, with the currency’s ISO 4217 minor units', (amount, currency, shown) => {
    expect(formatMoney({ amount, currency })).toBe(shown);
  });

  it('stays exact past 15 significant digits', () => {
    expect(formatMoney(ron('12345678901234567890.12'))).toBe('12.345.678.901.234.567.890,12 RON');
    expect(formatMoney({ amount: '9007199254740993.01', currency: 'EUR' })).toBe('9.007.199.254.740.993,01 EUR');
    expect(formatMoney({ amount: '99999999999999.99', currency: 'RON' })).toBe('99.999.999.999.999,99 RON');
  });

  it('shows every decimal an amount has beyond the currency, never rounding', () => {
    expect(formatMoney(ron('0.125'))).toBe('0,125 RON');
    expect(formatMoney(ron('0.10000000000000001'))).toBe('0,10000000000000001 RON');
    expect(formatMoney({ amount: '1.5', currency: 'JPY' })).toBe('1,5 JPY');
  });

  it('follows the locale given', () => {
    expect(formatMoney(ron('1234.56'), { locale: 'en-US' })).toBe('1,234.56 RON');
    expect(formatMoney(ron('-1234.5'), { locale: 'de-CH' })).toMatch(/^-1.234\.50 RON$/);
  });

  it('puts a plus on credits when asked, and never a sign on zero', () => {
    expect(formatMoney(ron('102.59'), { sign: 'always' })).toBe('+102,59 RON');
    expect(formatMoney({ amount: '-45', currency: 'EUR' }, { sign: 'always' })).toBe('-45,00 EUR');
    expect(formatMoney(ron('0'), { sign: 'always' })).toBe('0,00 RON');
    expect(formatMoney(ron('-0.00'), { sign: 'always' })).toBe('0,00 RON');
  });
});

describe('formatAmount', () => {
  it('drops leading zeros and keeps small amounts', () => {
    expect(formatAmount('000123.40', 'RON')).toBe('123,40');
    expect(formatAmount('0.07', 'RON')).toBe('0,07');
  });

  it('returns text that is not canonical decimal unchanged', () => {
    expect(formatAmount('1e3', 'RON')).toBe('1e3');
    expect(formatAmount('+5', 'RON')).toBe('+5');
    expect(formatAmount('', 'RON')).toBe('');
  });
});

describe('isNegative', () => {
  it('reads the sign from the text; minus zero is not negative', () => {
    expect(isNegative(ron('-0.01'))).toBe(true);
    expect(isNegative(ron('-0.00'))).toBe(false);
    expect(isNegative(ron('3'))).toBe(false);
  });
});
