import { z } from 'zod';
import type { SkippedItem } from '../../common/index.js';
import { BankError, ProtocolError, ValidationError, type TppMessage } from '../errors.js';
import { exactDecimal } from '../money/money.js';
import { JsonNumber, parseJsonLossless } from './json-number.js';
import { parseRetryAfter } from './retry-after.js';

const tppMessages = z.object({
  tppMessages: z.array(z.object({ category: z.string(), code: z.string(), text: z.string().optional(), path: z.string().optional() }).loose()).min(1),
});

/**
 * Reads a bank answer as JSON (numbers kept exact); anything else is a ProtocolError. A member
 * whose value is `null` is dropped: banks write `null` for "not given" in optional fields
 * (`"creditorAccount": null`, `"balances": null`), which is what an absent field means. A `null`
 * inside an array stays, so the item is reported as unreadable rather than silently lost.
 */
export async function readJson(res: Response, what: string): Promise<unknown> {
  return (await readJsonText(res, what)).value;
}

/** `readJson`, with the answer's text as it came: for reading parts of it as the bank wrote them. */
export async function readJsonText(res: Response, what: string): Promise<{ value: unknown; text: string }> {
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  if (!/\bjson\b/i.test(type) && !/^\s*[[{]/.test(text)) {
    throw new ProtocolError(`${what}: expected JSON, got ${type || 'no content type'} (${res.status})`);
  }
  try {
    return { value: parseJsonLossless(text, { dropNullMembers: true }), text };
  } catch (cause) {
    throw new ProtocolError(`${what}: the answer is not valid JSON`, { cause });
  }
}

/**
 * Turns a non-2xx answer into a BankError (its tppMessages), or a ProtocolError when the body is
 * not the Berlin Group error model (an HTML page from a gateway, say). Returns on 2xx.
 */
export async function throwIfBankError(res: Response, what: string): Promise<void> {
  if (res.ok) return;
  const { requestId, retryAfter } = answerReference(res);
  const text = await res.text();
  let messages: TppMessage[] = [];
  try {
    const parsed = tppMessages.safeParse(JSON.parse(text));
    if (parsed.success) messages = parsed.data.tppMessages;
  } catch {
    // Not JSON: gateways answer HTML or plain text for 502/503/504; keep the status only.
  }
  if (messages.length === 0 && res.status < 500 && res.status !== 429) {
    const looksHtml = /^\s*</.test(text);
    throw new BankError(res.status, [], requestId, retryAfter, {
      cause: new ProtocolError(`${what}: ${res.status} without a tppMessages body${looksHtml ? ' (an HTML page)' : ''}`),
    });
  }
  throw new BankError(res.status, messages, requestId, retryAfter);
}

/**
 * What an error answer tells the person and the bank's support: its `X-Request-ID`, and its
 * `Retry-After` as seconds or, when the bank sent an HTTP date, as an ISO instant.
 * @see RFC 9110 §10.2.3
 */
export function answerReference(res: Response): { requestId?: string; retryAfter?: number | string } {
  const requestId = res.headers.get('x-request-id') ?? undefined;
  const parsed = parseRetryAfter(res.headers.get('retry-after'));
  const retryAfter = parsed === undefined ? undefined : parsed.kind === 'seconds' ? parsed.seconds : parsed.at.toISOString();
  return { ...(requestId !== undefined && { requestId }), ...(retryAfter !== undefined && { retryAfter }) };
}

/** Validates a parsed answer against its wire schema; the first issue names the field. */
export function validate<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ProtocolError(`${what}: ${issue?.path.join('.') || 'answer'} ${issue?.message ?? 'is invalid'}`, { cause: result.error });
}

/**
 * Reads each item of a list of the bank's answer on its own. An item that cannot be read (its
 * schema fails, or its mapping refuses a value) is left out and reported with its position and
 * the reason, so one bad transaction never takes its page, account list or connect down with it.
 * Anything else thrown is a bug and propagates.
 */
export function readEach<T>(items: readonly unknown[], list: string, read: (item: unknown, what: string, index: number) => T): { read: T[]; skipped: SkippedItem[] } {
  const out: T[] = [];
  const skipped: SkippedItem[] = [];
  items.forEach((item, index) => {
    try {
      out.push(read(item, `${list}[${index}]`, index));
    } catch (error) {
      if (!(error instanceof ProtocolError || error instanceof ValidationError)) throw error;
      skipped.push({ list, index, reason: error.message });
    }
  });
  return { read: out, skipped };
}

/** A list whose items are read one by one with `readEach`; only the list itself must be an array. */
export const wireItems = z.array(z.unknown());

/** Widest exponent accepted in an amount: enough for any real amount, small enough that "1e999999" cannot make a megabyte of digits. */
const MAX_EXPONENT = 30;
const JSON_NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * A wire amount, as exact plain decimal text. CEC sends a JSON number in lists and a string in
 * balances; other banks write exponents (`3.32E3`). Any JSON number form is read exactly, never
 * through a binary float ("3.32E3" → "3320"); a comma ("12,50"), a '+' or a space is refused.
 * At most 18 integer and 5 fraction digits (BG: 14 significant figures), so no amount is cut.
 */
export const wireAmount = z.union([z.string(), z.instanceof(JsonNumber)]).transform((v, ctx) => {
  const plain = wireAmountText(v);
  if (plain === undefined) {
    ctx.addIssue({ code: 'custom', message: `is not a decimal amount: ${JSON.stringify(typeof v === 'string' ? v.trim() : v.text)}` });
    return z.NEVER;
  }
  return plain;
});

const AMOUNT_DIGITS = /^-?\d{1,18}(\.\d{1,5})?$/;

/** What `wireAmount` makes of a string or JSON number: its exact plain decimal, or undefined when it refuses it. */
export function wireAmountText(v: string | JsonNumber): string | undefined {
  const source = typeof v === 'string' ? v.trim() : v.text;
  const exponent = /[eE]([+-]?\d+)$/.exec(source)?.[1];
  const plain = JSON_NUMBER.test(source) && Math.abs(Number(exponent ?? 0)) <= MAX_EXPONENT ? exactDecimal(source) : undefined;
  return plain !== undefined && AMOUNT_DIGITS.test(plain) ? plain : undefined;
}

/**
 * An integer field (expires_in, frequencyPerDay, consented_on): a JSON integer, or the same
 * digits in a string ("3595", "4"), which some banks send and which cannot mean anything else.
 */
export const wireInteger = z.union([z.instanceof(JsonNumber), z.string()]).transform((v, ctx) => {
  const source = typeof v === 'string' ? v.trim() : v.text;
  const n = /^-?\d+$/.test(source) ? Number(source) : Number.NaN;
  if (!Number.isSafeInteger(n)) {
    ctx.addIssue({ code: 'custom', message: `is not an integer: ${JSON.stringify(source)}` });
    return z.NEVER;
  }
  return n;
});

/**
 * A boolean field: `true`/`false`, or the strings "true"/"false" (the Berlin Group's own
 * examples write `"recurringIndicator": "true"`). Anything else ("yes", 1) is refused.
 */
export const wireBoolean = z.union([z.boolean(), z.string()]).transform((v, ctx) => {
  if (typeof v === 'boolean') return v;
  const t = v.trim().toLowerCase();
  if (t === 'true' || t === 'false') return t === 'true';
  ctx.addIssue({ code: 'custom', message: `is not a boolean: ${JSON.stringify(v)}` });
  return z.NEVER;
});

/**
 * An identifier (resourceId, transactionId, entryReference…): a string, or a JSON integer some
 * banks send instead, kept as its exact digits — a 20-digit id must not lose any to a float.
 */
export const wireId = z.union([z.string(), z.instanceof(JsonNumber)]).transform((v, ctx) => {
  const id = wireIdText(v);
  if (id === undefined) {
    ctx.addIssue({ code: 'custom', message: `is not an identifier: ${typeof v === 'string' ? v : v.text}` });
    return z.NEVER;
  }
  return id;
});

/** What `wireId` makes of a string or JSON number, or undefined when it refuses it (a fraction, a sign). */
export const wireIdText = (v: string | JsonNumber): string | undefined => (typeof v === 'string' ? v : /^\d+$/.test(v.text) ? v.text : undefined);
