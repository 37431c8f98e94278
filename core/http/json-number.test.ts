import type * as losslessJson from 'lossless-json';
import { parse } from 'lossless-json';
import { describe, expect, it, vi } from 'vitest';
import { JsonNumber, parseJsonLossless, stringifyLossless } from './json-number.js';

// The real lossless-json, watched: the fast path must not need it for ordinary bank documents.
vi.mock('lossless-json', async (load) => {
  const real = await load<typeof losslessJson>();
  return { ...real, parse: vi.fn(real.parse) };
});
const losslessCalls = (): number => vi.mocked(parse).mock.calls.length;

const numberAt = (text: string, pick: (v: never) => unknown): string => {
  const n = pick(parseJsonLossless(text) as never);
  if (!(n instanceof JsonNumber)) throw new Error(`not a JsonNumber: ${String(n)}`);
  return n.text;
};

/**
 * The reference: lossless-json, the parser this one replaces, with the null-member drop that
 * readJson did after it. A repeated member keeps its last value, as JSON.parse does (lossless-json
 * would throw by default).
 */
const reference = (text: string, dropNulls: boolean): unknown => {
  const value = parse(text, null, { parseNumber: (digits: string) => new JsonNumber(digits), onDuplicateKey: ({ newValue }) => newValue });
  return dropNulls ? dropNullMembers(value) : value;
};
function dropNullMembers(value: unknown): unknown {
  if (Array.isArray(value)) value.forEach(dropNullMembers);
  else if (typeof value === 'object' && value !== null && !(value instanceof JsonNumber)) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (record[key] === null) delete record[key];
      else dropNullMembers(record[key]);
    }
  }
  return value;
}

/**
 * A tree as text that shows what toStrictEqual can hide: member order, own `__proto__` members,
 * prototypes, and each number's text.
 */
function shape(value: unknown): string {
  if (value instanceof JsonNumber) return `#${value.text}`;
  if (Array.isArray(value)) return `[${value.map(shape).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const proto = Object.getPrototypeOf(value) === Object.prototype ? '' : '!proto';
    return `${proto}{${Object.keys(value).map((k) => `${JSON.stringify(k)}:${shape((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** mulberry32: the same documents on every run. */
function rng(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * max);
  const pick = <T,>(items: readonly T[]): T => items[int(items.length)]!;
  const digits = (n: number) => Array.from({ length: n }, () => String(int(10))).join('');
  return { next, int, pick, digits };
}
type Rng = ReturnType<typeof rng>;

/** Numbers JavaScript prints back as themselves: JSON.parse alone keeps them. */
const canonicalNumber = (r: Rng): string => String(r.pick([0, 1, -54, -8.25, 26.46, 1500, 0.1, 1e-7, 1e21, 123456789012345, -0.5, 9007199254740991]));
/** Numbers a double does not print back as written: every form the mark must carry. */
const writtenNumber = (r: Rng): string => {
  const int = r.pick(['0', '-0', `${1 + r.int(9)}${r.digits(r.int(20))}`, `-${1 + r.int(9)}${r.digits(r.int(20))}`]);
  const fraction = r.pick(['', '', `.${r.digits(1 + r.int(6))}`, '.00', '.50', '.99']);
  const exponent = r.pick(['', '', '', `e${r.int(9)}`, `E-${r.int(12)}`, `e+${r.int(400)}`, `E${r.digits(2)}`]);
  return r.pick([`${int}${fraction}${exponent}`, '99999999999999.99', '12345678901234567890', '3.32E3', '1E-7', '1e5', '-0', '100.00', '1e400']);
};

const stringPart = (r: Rng): string =>
  r.pick([
    'abc', 'Plata card 4793', '12.50', '-0', '1e5', ':1.50,', '[1]', '{\\"a\\":1}', ' ', 'ăîșțâ', 'Ж', '€', '😀', '\\ud83d\\ude00',
    '\\"', '\\\\', '\\\\\\"', '\\/', '\\b', '\\f', '\\n', '\\r', '\\t', '\\u00e9', '\\u0022', '\\u005c', '\\u0031.50', '\u007f', '\\u0000',
  ]);
const stringText = (r: Rng): string => `"${Array.from({ length: r.int(4) }, () => stringPart(r)).join('')}"`;
const ws = (r: Rng): string => r.pick(['', '', '', ' ', '\n  ', '\t', '\r\n']);

interface Flavour {
  numbers: (r: Rng) => string;
  /** Keys JavaScript lists out of document order ("7"), and repeated keys. */
  disorder: boolean;
}
const plainKeys = ['"amount"', '"__proto__"', '"constructor"', '"a1"', '""', '" 1"', '"-1"'];
function documentText(r: Rng, flavour: Flavour, depth = 0): string {
  const kind = depth > 4 ? r.int(5) : r.int(8);
  switch (kind) {
    case 0: return flavour.numbers(r);
    case 1: return stringText(r);
    case 2: return r.pick(['true', 'false']);
    case 3: return 'null';
    case 4: return flavour.numbers(r);
    case 5:
    case 6: {
      const keys = new Set<string>();
      const members = Array.from({ length: r.int(6) }, () => {
        // A generated key may start with a digit ("12.50…") only where disorder is wanted.
        const generated = flavour.disorder ? stringText(r) : `"k${stringText(r).slice(1)}`;
        const key = r.pick([...plainKeys, ...(flavour.disorder ? ['"1"', '"0"', '"42"', '"1.50"'] : []), generated]);
        if (keys.has(key) && !flavour.disorder) return undefined;
        keys.add(key);
        return `${ws(r)}${key}${ws(r)}:${ws(r)}${documentText(r, flavour, depth + 1)}${ws(r)}`;
      }).filter((m) => m !== undefined);
      return `{${members.join(',')}${members.length === 0 ? ws(r) : ''}}`;
    }
    default:
      return `[${Array.from({ length: r.int(6) }, () => `${ws(r)}${documentText(r, flavour, depth + 1)}${ws(r)}`).join(',')}]`;
  }
}

const flavours: [string, Flavour][] = [
  ['numbers JavaScript prints back as written', { numbers: canonicalNumber, disorder: false }],
  ['numbers written in any form', { numbers: (r) => (r.int(2) === 0 ? writtenNumber(r) : canonicalNumber(r)), disorder: false }],
  ['integer keys and repeated keys, which JSON.parse lists out of document order', { numbers: writtenNumber, disorder: true }],
];

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
    ['a plain amount', '-8.25'],
    ['a small exponent JavaScript prints the same way', '1e-7'],
  ])('keeps %s as its source text', (_name, source) => {
    expect(numberAt(`{"amount":${source}}`, (v: { amount: unknown }) => v.amount)).toBe(source);
    expect(numberAt(`[${source}]`, (v: unknown[]) => v[0])).toBe(source);
    expect(numberAt(` ${source} `, (v) => v)).toBe(source);
  });

  it('turns every number into a JsonNumber, in arrays and nested objects too', () => {
    const value = parseJsonLossless('{"a":[1,{"b":2.50}],"c":"3","d":true,"e":null}') as { a: [JsonNumber, { b: JsonNumber }]; c: string; d: boolean; e: null };
    expect(value.a[0]).toBeInstanceOf(JsonNumber);
    expect(value.a[1].b.text).toBe('2.50');
    expect(value).toMatchObject({ c: '3', d: true, e: null });
  });

  it('leaves numbers inside strings, with escaped quotes before them, as strings', () => {
    expect(parseJsonLossless('{"a":"x\\"1.50\\\\","b":"\\\\\\":2.50","c":3.10}')).toStrictEqual({ a: 'x"1.50\\', b: '\\":2.50', c: new JsonNumber('3.10') });
  });

  it('keeps each number with its own text when integer keys are listed first', () => {
    expect(shape(parseJsonLossless('{"b":1.50,"7":2.0,"a":[3e0,{"1":4.00}]}'))).toBe('{"7":#2.0,"b":#1.50,"a":[#3e0,{"1":#4.00}]}');
  });

  it('keeps a __proto__ member as an own member, not as the prototype', () => {
    for (const text of ['{"__proto__":{"x":1}}', '{"__proto__":1.50}', '{"__proto__":1}']) {
      const value = parseJsonLossless(text) as Record<string, unknown>;
      expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
      expect(Object.keys(value)).toEqual(['__proto__']);
    }
  });

  it('keeps the last value of a repeated member, as JSON.parse does, with its own text', () => {
    expect(parseJsonLossless('{"a":1.50,"a":2}')).toStrictEqual({ a: new JsonNumber('2') });
    expect(shape(parseJsonLossless('{"a":{},"b":1.0,"a":1.00}'))).toBe('{"a":#1.00,"b":#1.0}');
  });

  it('drops null members at any depth on request and keeps null items of arrays', () => {
    const text = '{"a":null,"b":{"c":null,"d":[null,{"e":null,"f":1.50}]},"g":1}';
    expect(parseJsonLossless(text, { dropNullMembers: true })).toStrictEqual({ b: { d: [null, { f: new JsonNumber('1.50') }] }, g: new JsonNumber('1') });
    expect(parseJsonLossless(text)).toStrictEqual(reference(text, false));
  });

  it.each(flavours)('gives the same tree as lossless-json for generated documents with %s', (_name, flavour) => {
    const r = rng(0x5eed + flavours.findIndex(([, f]) => f === flavour));
    for (let n = 0; n < 1500; n++) {
      const text = `${ws(r)}${documentText(r, flavour)}${ws(r)}`;
      const dropNulls = n % 2 === 0;
      const before = losslessCalls();
      const value = parseJsonLossless(text, { dropNullMembers: dropNulls });
      if (!flavour.disorder) expect(losslessCalls(), `went the slow way: ${text}`).toBe(before);
      expect(shape(value), text).toBe(shape(reference(text, dropNulls)));
    }
  });

  it('throws a SyntaxError on text that is not JSON, as JSON.parse does', () => {
    for (const text of [
      '{"amount":12,50}', '{"a":', '', ' ', '012', '[01.5]', '[1.]', '[.5]', '[+1]', '[-]', '[1e]', '[1e+]', '[--1]', '[1.5.5]', '[1e5e5]', '[NaN]', '[Infinity]',
      '{1:2}', '{1.50:2}', '{-0:2}', '[1.50 2]', '[1.50,]', '{"a":1.50,}', '[1.50]]', '"abc', '["a\\"]', "['a']", '["\u0001"]', '["\\x"]', '[tru]', '{"a" 1.50}', '1.50 2',
      '["\u007f", 1.50 2]', '{"a":1, 1.50:2}',
    ]) {
      expect(() => parseJsonLossless(text), text).toThrow(SyntaxError);
    }
  });

  it('agrees with lossless-json on which damaged documents are JSON', () => {
    const r = rng(9);
    for (let n = 0; n < 1500; n++) {
      const flavour = flavours[n % flavours.length]![1];
      const valid = documentText(r, flavour);
      const at = r.int(valid.length + 1);
      const text = r.int(2) === 0 ? valid.slice(0, at) + valid.slice(at + 1) : valid.slice(0, at) + r.pick(['"', '\\', ',', ':', '1', '.', '-', 'e', '0', '}', ']', ' ']) + valid.slice(at);
      let expected: unknown;
      try {
        expected = reference(text, false);
      } catch (error) {
        expect(error, text).toBeInstanceOf(SyntaxError);
        expect(() => parseJsonLossless(text), text).toThrow(SyntaxError);
        continue;
      }
      expect(shape(parseJsonLossless(text)), text).toBe(shape(expected));
    }
  });
});

describe('JsonNumber', () => {
  it('serialises back as a JSON number', () => {
    expect(JSON.stringify({ n: new JsonNumber('26.46') })).toBe('{"n":26.46}');
  });
});

describe('stringifyLossless', () => {
  it('writes each number as its source text, strings escaped, in the tree’s member order', () => {
    const text = '{"amount":-2.640E1,"id":12345678901234567890,"list":[100.00,-0,1e400,[]],"text":"Plată \\"card\\"\\n\\u0000ș","ok":true,"none":null,"o":{}}';
    expect(stringifyLossless(parseJsonLossless(text))).toBe(text);
  });

  it('leaves out the members a null-dropping parse removed, and writes null items of arrays', () => {
    expect(stringifyLossless(parseJsonLossless('{"a":null,"b":[null,{"c":null,"d":1.50}]}', { dropNullMembers: true }))).toBe('{"b":[null,{"d":1.50}]}');
  });

  it.each(flavours.filter(([, f]) => !f.disorder))('gives text that parses back to the same tree, for generated documents with %s', (_name, flavour) => {
    const r = rng(0x7e57 + flavours.findIndex(([, f]) => f === flavour));
    for (let n = 0; n < 1500; n++) {
      const value = parseJsonLossless(`${ws(r)}${documentText(r, flavour)}${ws(r)}`);
      const written = stringifyLossless(value);
      expect(shape(parseJsonLossless(written)), written).toBe(shape(value));
    }
  });
});
