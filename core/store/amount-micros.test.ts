import { describe, expect, it } from 'vitest';
import { fromMicros, toMicros } from './amount-micros.js';

describe('amount micros', () => {
  it('carries amounts a float cannot: 90071992547.409921 and 9,007,199,254,740.993', () => {
    expect(toMicros('90071992547.409921')).toBe(90071992547409921n);
    expect(fromMicros(toMicros('9007199254740.993') as bigint)).toBe('9007199254740.993');
    expect(fromMicros(toMicros('-0.000001') as bigint)).toBe('-0.000001');
  });

  it('is exact on both sides of the short path for amounts below 10^9 units', () => {
    expect(toMicros('999999999.999999')).toBe(999_999_999_999_999n);
    expect(toMicros('-999999999.999999')).toBe(-999_999_999_999_999n);
    expect(toMicros('1000000000.000001')).toBe(1_000_000_000_000_001n);
    expect(toMicros('9007199254.740993')).toBe(9_007_199_254_740_993n);
    expect(toMicros('000000000123.4')).toBe(123_400_000n);
    expect(toMicros('0.000001')).toBe(1n);
  });

  it('sums exactly where floats drift: 0.1 + 0.2 is 0.3', () => {
    expect(fromMicros((toMicros('0.1') as bigint) + (toMicros('0.2') as bigint))).toBe('0.3');
  });

  it('gives canonical text back: no trailing zeros, a bare zero for zero', () => {
    expect(fromMicros(toMicros('100.00') as bigint)).toBe('100');
    expect(fromMicros(toMicros('-0') as bigint)).toBe('0');
    expect(fromMicros(toMicros('26.460') as bigint)).toBe('26.46');
  });

  it('refuses what it cannot store exactly, instead of rounding', () => {
    expect(toMicros('1.0000001')).toBeUndefined();
    expect(toMicros('1.1000000')).toBe(1_100_000n);
    expect(toMicros('9223372036854.775808')).toBeUndefined();
    expect(toMicros('9223372036854.775807')).toBe(2n ** 63n - 1n);
    expect(toMicros('1e3')).toBeUndefined();
    expect(toMicros('12,50')).toBeUndefined();
  });
});
