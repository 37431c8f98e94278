import { describe, expect, it } from 'vitest';
import { BugIndicatingError, ValidationError } from '../errors.js';
import {
  addMoney,
  compareMoney,
  currencyExponent,
  fromMinorUnits,
  negate,
  parseMoney,
  parseUserAmount,
  toMinorUnits,
  toWireAmount,
} from './money.js';

const ron = (amount: string) => ({ amount, currency: 'RON' });

describe('parseMoney', () => {
  it.each([
    ['22', '22'],
    ['-102.59', '-102.59'],
    ['0026.460', '26.46'],
    ['100.00', '100'],
    ['-0.00', '0'],
    ['0', '0'],
    ['-19.8', '-19.8'],
    ['12345678901234.56', '12345678901234.56'],
    ['123456789012345678901234567890.123456789', '123456789012345678901234567890.123456789'],
    ['-000.10', '-0.1'],
    ['-0', '0'],
    ['00', '0'],
    ['0.000', '0'],
    ['10', '10'],
    ['-10.0500', '-10.05'],
  ])('keeps %s as the canonical text %s', (text, canonical) => {
    expect(parseMoney(text, 'RON')).toEqual({ amount: canonical, currency: 'RON' });
  });

  it.each(['1e3', '+5', '1,5', ' 1', '', '.5', '5.', 'NaN', '0x10'])('refuses %j with a ValidationError', (text) => {
    expect(() => parseMoney(text, 'RON')).toThrow(ValidationError);
  });

  it('refuses a currency that is not three capitals', () => {
    expect(() => parseMoney('1', 'ron')).toThrow(ValidationError);
    expect(() => parseMoney('1', 'LEI1')).toThrow(ValidationError);
  });
});

describe('addMoney', () => {
  it('adds exactly: 0.1 + 0.2 = 0.3', () => {
    expect(addMoney(ron('0.1'), ron('0.2'))).toEqual(ron('0.3'));
  });

  it('adds beyond the range of a double without losing a digit', () => {
    expect(addMoney(ron('9007199254740993.01'), ron('0.02'))).toEqual(ron('9007199254740993.03'));
  });

  it('gives "0" for a sum of zero, never "-0"', () => {
    expect(addMoney(ron('-102.59'), ron('102.59'))).toEqual(ron('0'));
  });

  it('treats RON + EUR as a bug of the caller', () => {
    expect(() => addMoney(ron('1'), { amount: '1', currency: 'EUR' })).toThrow(BugIndicatingError);
  });
});

describe('negate', () => {
  it.each([
    ['-102.59', '102.59'],
    ['22', '-22'],
    ['0', '0'],
  ])('turns %s into %s', (a, b) => expect(negate(ron(a))).toEqual(ron(b)));
});

describe('compareMoney', () => {
  it('orders by value, not by text', () => {
    expect(compareMoney(ron('9.99'), ron('10'))).toBe(-1);
    expect(compareMoney(ron('10'), ron('10'))).toBe(0);
    expect(compareMoney(ron('-1'), ron('-2'))).toBe(1);
  });

  it('refuses to compare two currencies', () => {
    expect(() => compareMoney(ron('1'), { amount: '1', currency: 'EUR' })).toThrow(BugIndicatingError);
  });
});

describe('toMinorUnits / fromMinorUnits', () => {
  it.each([
    ['12.34', 'RON', 1234n],
    ['-0.05', 'RON', -5n],
    ['22', 'RON', 2200n],
    ['1234', 'JPY', 1234n],
    ['1.5', 'BHD', 1500n],
    ['12345678901234.56', 'EUR', 1234567890123456n],
  ])('%s %s is %s minor units, and back', (amount, currency, minor) => {
    expect(toMinorUnits({ amount, currency })).toBe(minor);
    expect(fromMinorUnits(minor, currency)).toEqual({ amount, currency });
  });

  it('gives "0" for zero minor units', () => {
    expect(fromMinorUnits(0n, 'RON')).toEqual(ron('0'));
  });

  it('refuses more decimals than the currency has instead of rounding', () => {
    expect(() => toMinorUnits(ron('0.125'))).toThrow(ValidationError);
    expect(() => toMinorUnits({ amount: '1.5', currency: 'JPY' })).toThrow(ValidationError);
  });
});

describe('toWireAmount', () => {
  it.each([
    ['3.5', 'RON', '3.50'],
    ['100', 'RON', '100.00'],
    ['-0.05', 'EUR', '-0.05'],
    ['5', 'JPY', '5'],
    ['1.5', 'BHD', '1.500'],
  ])('writes %s %s as %s', (amount, currency, wire) => {
    expect(toWireAmount({ amount, currency })).toBe(wire);
  });

  it('refuses more decimals than the currency has', () => {
    expect(() => toWireAmount(ron('3.505'))).toThrow(ValidationError);
  });
});

describe('currencyExponent', () => {
  it('knows ISO 4217 minor units and defaults to 2', () => {
    expect([currencyExponent('RON'), currencyExponent('EUR'), currencyExponent('USD')]).toEqual([2, 2, 2]);
    expect([currencyExponent('JPY'), currencyExponent('BHD'), currencyExponent('CLF')]).toEqual([0, 3, 4]);
    expect(currencyExponent('XYZ')).toBe(2);
  });
});

describe('parseUserAmount', () => {
  it.each([
    ['1.234,56', '1234.56'],
    ['1234.56', '1234.56'],
    ['1234,56', '1234.56'],
    ['1,234.56', '1234.56'],
    ['1 234,56', '1234.56'],
    ['1\u00a0234,5', '1234.5'],
    ['1.234.567', '1234567'],
    ['1.234.567,89', '1234567.89'],
    ['  3,50 ', '3.5'],
    ['007', '7'],
  ])('reads %j as %s RON', (typed, amount) => {
    expect(parseUserAmount(typed, 'RON')).toEqual(ron(amount));
  });

  it.each([
    ['12,500', 'a comma group read as decimals: too many for RON, refused, not rounded'],
    ['1.234', 'a lone dot is decimal: three decimals for RON'],
    ['3,505', 'more decimals than RON'],
    ['', 'empty'],
    ['abc', 'letters'],
    ['-5', 'a sign'],
    ['0', 'zero: nothing to pay'],
    ['1.2.3', 'groups not of three'],
    ['12 34', 'groups not of three'],
    ['1.234,56,7', 'two decimal marks'],
    ['5,', 'no digits after the mark'],
    [',5', 'no digits before the mark'],
    ['123456789012345', 'more than 14 integer digits'],
  ])('refuses %j (%s)', (typed) => {
    expect(() => parseUserAmount(typed, 'RON')).toThrow(ValidationError);
  });

  it('takes three decimals for BHD and none for JPY', () => {
    expect(parseUserAmount('1.234', 'BHD')).toEqual({ amount: '1.234', currency: 'BHD' });
    expect(() => parseUserAmount('100,5', 'JPY')).toThrow(ValidationError);
    expect(parseUserAmount('1.234.567', 'JPY')).toEqual({ amount: '1234567', currency: 'JPY' });
  });

  it('names the amount field in its error', () => {
    expect(() => parseUserAmount('3,505', 'RON')).toThrow(expect.objectContaining({ field: 'amount', code: 'VALIDATION_ERROR' }));
  });
});
