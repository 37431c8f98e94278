import { parse } from 'lossless-json';

/**
 * A JSON number kept as its source text. The bank sends money as JSON numbers in some answers
 * (26.46, -102.59); `JSON.parse` would turn them into binary floats. Parsing every number into
 * this keeps the exact digits, and the schemas decide per field what a number may become.
 */
export class JsonNumber {
  constructor(readonly text: string) {}
  toJSON(): number {
    return Number(this.text);
  }
}

/** JSON.parse without losing a digit: numbers become `JsonNumber`. Throws SyntaxError like JSON.parse. */
export function parseJsonLossless(text: string): unknown {
  return parse(text, null, (value: string) => new JsonNumber(value));
}
