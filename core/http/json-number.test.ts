import { describe, expect, it } from 'vitest';
import { JsonNumber, parseJsonLossless } from './json-number.js';

const numberAt = (text: string, pick: (v: never) => unknown): string => {
  const n = pick(parseJsonLossless(text) as never);
  if (!(n instanceof JsonNumber)) throw new Error(`not a JsonNumber: ${String(n)}`);
  return n.text;
};

describe('parseJsonLossless', () => {
  it.each([
    ['an amount a float rounds', '99999999999999.99'],
    ['2^53 + 1', '9007199254740993'],
    ['a 20-digit id', '12345678901234567890'],
    ['an exponent', '3.32E3'],
    ['a negative exponent', '-2.5e-1'],
    ['trailing zeros', '100.00'],
    ['negative zero', '-0'],
    ['a value past the double range', '1e400'],
  ])('keeps %s as its source text', (_name, source) => {
    expect(numberAt(`{"amount":${source}}`, (v: { amount: unknown }) => v.amount)).toBe(source);
  });

  it('turns every number into a JsonNumber, in arrays and nested objects too', () => {
    const value = parseJsonLossless('{"a":[1,{"b":2.50}],"c":"3","d":true,"e":null}') as { a: [JsonNumber, { b: JsonNumber }]; c: string; d: boolean; e: null };
    expect(value.a[0]).toBeInstanceOf(JsonNumber);
    expect(value.a[1].b.text).toBe('2.50');
    expect(value).toMatchObject({ c: '3', d: true, e: null });
  });

  it('throws a SyntaxError on text that is not JSON, as JSON.parse does', () => {
    expect(() => parseJsonLossless('{"amount":12,50}')).toThrow(SyntaxError);
    expect(() => parseJsonLossless('{"a":')).toThrow(SyntaxError);
  });
});

describe('JsonNumber', () => {
  it('serialises back as a JSON number', () => {
    expect(JSON.stringify({ n: new JsonNumber('26.46') })).toBe('{"n":26.46}');
  });
});
