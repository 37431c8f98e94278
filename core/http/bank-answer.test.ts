import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ProtocolError } from '../errors.js';
import { readEach, readJson, validate, wireAmount, wireBoolean, wireId, wireInteger } from './bank-answer.js';
import { parseJsonLossless } from './json-number.js';

const json = (text: string) => new Response(text, { headers: { 'content-type': 'application/json' } });
/** A scalar as the wire brings it: through the lossless parse, so numbers are JsonNumbers. */
const wire = <T extends z.ZodType>(schema: T, source: string) => schema.safeParse((parseJsonLossless(`{"v":${source}}`) as { v: unknown }).v);

describe('readJson', () => {
  it('drops members whose value is null, at any depth, and keeps nulls inside arrays', async () => {
    expect(await readJson(json('{"a":null,"b":{"c":null,"d":1},"e":[null,{"f":null}]}'), 't')).toEqual({ b: { d: expect.anything() }, e: [null, {}] });
  });
});

describe('wireAmount', () => {
  it.each([
    ['26.46', '26.46'], ['"26.46"', '26.46'], ['3.32E3', '3320'], ['"3.32E3"', '3320'], ['-2.5e-1', '-0.25'],
    ['1E+2', '100'], ['99999999999999.99', '99999999999999.99'], ['"0026.460"', '26.46'], ['-0', '0'],
  ])('reads %s exactly as %s', (source, text) => {
    expect(wire(wireAmount, source)).toMatchObject({ success: true, data: text });
  });

  it.each(['"12,50"', '"+5"', '" "', '"1e"', 'true', '1e999999', '"1.5e40"', '0.000001', '1234567890123456789'])('refuses %s', (source) => {
    expect(wire(wireAmount, source).success).toBe(false);
  });
});

describe('wireInteger', () => {
  it.each([['3595', 3595], ['"3595"', 3595], ['" 4 "', 4]])('reads %s as %d', (source, n) => {
    expect(wire(wireInteger, source)).toMatchObject({ success: true, data: n });
  });
  it.each(['3595.5', '"3595.5"', '"four"', '9007199254740993', 'true'])('refuses %s', (source) => {
    expect(wire(wireInteger, source).success).toBe(false);
  });
});

describe('wireBoolean', () => {
  it.each([['true', true], ['false', false], ['"true"', true], ['"FALSE"', false]])('reads %s as %s', (source, b) => {
    expect(wire(wireBoolean, source)).toMatchObject({ success: true, data: b });
  });
  it.each(['"yes"', '1', '"1"', '""'])('refuses %s', (source) => {
    expect(wire(wireBoolean, source).success).toBe(false);
  });
});

describe('wireId', () => {
  it.each([['"abc-1"', 'abc-1'], ['1566614557', '1566614557'], ['12345678901234567890', '12345678901234567890']])('reads %s as %s', (source, id) => {
    expect(wire(wireId, source)).toMatchObject({ success: true, data: id });
  });
  it.each(['1.5', '-3', '1e3', 'false'])('refuses %s', (source) => {
    expect(wire(wireId, source).success).toBe(false);
  });
});

describe('readEach', () => {
  const item = z.object({ n: z.string() });
  it('reads what it can and reports the rest with list, position and reason', () => {
    const result = readEach([{ n: 'a' }, { n: 1 }, 'x'], 'booked', (v, what) => validate(item, v, what).n);
    expect(result.read).toEqual(['a']);
    expect(result.skipped).toEqual([
      { list: 'booked', index: 1, reason: expect.stringMatching(/^booked\[1\]: n /) },
      { list: 'booked', index: 2, reason: expect.stringMatching(/^booked\[2\]: answer /) },
    ]);
  });

  it('lets anything but a protocol or validation error through: those are bugs', () => {
    expect(() => readEach([1], 'l', () => { throw new TypeError('bug'); })).toThrow(TypeError);
    expect(readEach([1], 'l', () => { throw new ProtocolError('bad'); }).skipped).toHaveLength(1);
  });
});
