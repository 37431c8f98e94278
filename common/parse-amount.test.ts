import { describe, expect, it } from 'vitest';
import { describeAmountProblem, parseAmount, type AmountProblem } from './parse-amount.js';

const read = (text: string, currency = 'RON') => parseAmount(text, currency);

describe('parseAmount: what it reads', () => {
  it.each([
    ['1.234,56', '1234.56', 'Romanian: dot groups, comma decimal'],
    ['1234,56', '1234.56', 'Romanian without grouping'],
    ['1234.56', '1234.56', 'plain'],
    ['1,234.56', '1234.56', 'plain with comma groups: both marks, the last is decimal'],
    ['1 234,56', '1234.56', 'space groups'],
    ['1\u00a0234,5', '1234.5', 'no-break space groups'],
    ['1\u202f234.56', '1234.56', 'narrow no-break space groups'],
    ["1'234.56", '1234.56', 'apostrophe groups'],
    ['1.234.567', '1234567', 'a repeated mark is grouping'],
    ['1,234,567', '1234567', 'a repeated comma is grouping'],
    ['1.234.567,89', '1234567.89', 'groups and decimals'],
    ['12.345.678,9', '12345678.9', 'two-digit first group'],
    ['  3,50 ', '3.5', 'surrounding spaces'],
    ['3.50', '3.5', 'trailing zero dropped in the canonical text'],
    ['007', '7', 'leading zeros'],
    ['0,01', '0.01', 'the smallest RON amount'],
    ['1234,56', '1234.56', 'four integer digits'],
    ['12', '12', 'no mark'],
    ['99999999999999,99', '99999999999999.99', 'fourteen integer digits'],
  ])('reads %j as %s RON (%s)', (typed, amount) => {
    expect(read(typed)).toEqual({ ok: true, amount });
  });

  it('takes three decimals for BHD, where a lone mark before three digits is decimal', () => {
    expect(read('1.234', 'BHD')).toEqual({ ok: true, amount: '1.234' });
    expect(read('1,234', 'BHD')).toEqual({ ok: true, amount: '1.234' });
    expect(read('1.234,567', 'BHD')).toEqual({ ok: true, amount: '1234.567' });
  });

  it('takes no decimals for JPY', () => {
    expect(read('1.234.567', 'JPY')).toEqual({ ok: true, amount: '1234567' });
    expect(read('100,5', 'JPY')).toEqual({ ok: false, problem: { reason: 'too-many-decimals', allowed: 0 } });
  });

  it('gives one canonical text for one value, whichever habit typed it', () => {
    const texts = ['1.234,50', '1234,5', '1234.50', '1,234.5', '1 234,50'];
    expect(new Set(texts.map((t) => JSON.stringify(read(t))))).toEqual(new Set([JSON.stringify({ ok: true, amount: '1234.5' })]));
  });
});

describe('parseAmount: what it refuses, and why', () => {
  it.each<[string, AmountProblem, string]>([
    ['', { reason: 'empty' }, 'nothing'],
    ['   ', { reason: 'empty' }, 'only spaces'],
    ['abc', { reason: 'not-a-number' }, 'letters'],
    ['12 lei', { reason: 'not-a-number' }, 'a unit'],
    ['1e3', { reason: 'not-a-number' }, 'an exponent'],
    ['-5', { reason: 'signed' }, 'a minus'],
    ['+5', { reason: 'signed' }, 'a plus'],
    ['0', { reason: 'zero' }, 'zero'],
    ['0,00', { reason: 'zero' }, 'zero with decimals'],
    ['000.0', { reason: 'zero' }, 'zeros'],
    ['3,505', { reason: 'ambiguous', readings: ['3505', '3.505'] }, 'thousands or three decimals'],
    ['1.234', { reason: 'ambiguous', readings: ['1234', '1.234'] }, 'Romanian thousands or plain decimals'],
    ['12,500', { reason: 'ambiguous', readings: ['12500', '12.5'] }, 'English thousands or Romanian decimals'],
    ['999.000', { reason: 'ambiguous', readings: ['999000', '999'] }, 'a three-digit group'],
    ['1234,567', { reason: 'too-many-decimals', allowed: 2 }, 'four integer digits: grouping impossible, so decimals'],
    ['0,505', { reason: 'too-many-decimals', allowed: 2 }, 'a zero integer: grouping impossible'],
    ['0,500', { reason: 'too-many-decimals', allowed: 2 }, 'decimals beyond the currency, even zeros: as typed'],
    ['3,5055', { reason: 'too-many-decimals', allowed: 2 }, 'four decimals'],
    ['1.2.3', { reason: 'misplaced-separator' }, 'groups not of three'],
    ['12 34', { reason: 'misplaced-separator' }, 'space groups not of three'],
    ['1234.567.890', { reason: 'misplaced-separator' }, 'a first group of four'],
    ['1.234,56,7', { reason: 'misplaced-separator' }, 'the decimal mark twice'],
    ['1,234.56.7', { reason: 'misplaced-separator' }, 'the decimal dot twice'],
    ['1.234.56', { reason: 'misplaced-separator' }, 'a dot repeated before two digits'],
    ['5,', { reason: 'misplaced-separator' }, 'no digits after the mark'],
    [',5', { reason: 'misplaced-separator' }, 'no digits before the mark'],
    ['1,,5', { reason: 'misplaced-separator' }, 'a doubled mark'],
    ['123456789012345', { reason: 'too-large', maxIntegerDigits: 14 }, 'fifteen integer digits'],
  ])('refuses %j: %j (%s)', (typed, problem) => {
    expect(read(typed)).toEqual({ ok: false, problem });
  });

  it('never rounds: one bani more than RON holds is refused, not cut', () => {
    expect(read('1234,001')).toEqual({ ok: false, problem: { reason: 'too-many-decimals', allowed: 2 } });
    expect(read('1.234,001', 'EUR')).toEqual({ ok: false, problem: { reason: 'too-many-decimals', allowed: 2 } });
    expect(read('10,001')).toEqual({ ok: false, problem: { reason: 'ambiguous', readings: ['10001', '10.001'] } });
  });
});

describe('describeAmountProblem', () => {
  it('words each problem for a person, naming the text and the currency', () => {
    const say = (text: string, currency = 'RON') => {
      const parsed = parseAmount(text, currency);
      if (parsed.ok) throw new Error(`${text} was read`);
      return describeAmountProblem(text, currency, parsed.problem);
    };
    expect(say('')).toBe('is empty: type an amount');
    expect(say('3,505')).toBe('"3,505" is ambiguous, 3505 or 3.505: write 3505 without a separator, or the amount with 2 decimals');
    expect(say('3,5055')).toBe('"3,5055" has more decimals than RON allows (2)');
    expect(say('-5')).toBe('"-5" has a sign: type the amount to pay without one');
    expect(say('0')).toBe('"0" is zero: the amount must be greater than zero');
    expect(say('abc')).toBe('"abc" is not an amount: use digits and one decimal mark');
    expect(say('5,')).toBe('"5," has a separator in the wrong place');
    expect(say('123456789012345')).toBe('"123456789012345" is too large (at most 14 digits before the decimal mark)');
  });
});
