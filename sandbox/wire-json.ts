/**
 * JSON text with numbers written as given. `JSON.stringify` can only write a double's shortest
 * form, so it can neither send `3.32E3` nor a 20-digit id; the loose dialect needs both, and an
 * exact decimal must never pass through a float on the way out.
 */
export class RawNumber {
  constructor(readonly text: string) {
    if (!/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(text)) throw new RangeError(`not a JSON number: ${text}`);
  }
}

/** Serializes like `JSON.stringify`, writing each `RawNumber` as its own text. */
export function writeJson(value: unknown): string {
  const raws: string[] = [];
  // A per-call marker cannot collide with a string in the data, which is written escaped anyway.
  const marker = `\u0000raw${Math.random().toString(36).slice(2)}:`;
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RawNumber) {
      raws.push(v.text);
      return `${marker}${raws.length - 1}`;
    }
    return v;
  });
  if (raws.length === 0) return text;
  const quoted = JSON.stringify(marker).slice(0, -1);
  return text.replace(new RegExp(`${escapeRegExp(quoted)}(\\d+)"`, 'g'), (_m, i: string) => raws[Number(i)] as string);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The exact value of a decimal text in normalised exponent form: "3320.00" → "3.32E3",
 * "-102.50" → "-1.025E2", "0.05" → "5E-2". Digits are moved, never computed.
 */
export function exponentForm(decimal: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal);
  if (m === null) throw new RangeError(`not a plain decimal: ${decimal}`);
  const [, sign = '', whole = '', fraction = ''] = m;
  const digits = `${whole}${fraction}`;
  const first = digits.search(/[1-9]/);
  if (first === -1) return '0';
  const exponent = whole.length - 1 - first;
  const significant = digits.slice(first).replace(/0+$/, '');
  const mantissa = significant.length === 1 ? significant : `${significant[0]}.${significant.slice(1)}`;
  return `${sign}${mantissa}E${exponent}`;
}
