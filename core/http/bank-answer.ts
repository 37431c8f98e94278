import { z } from 'zod';
import { BankError, ProtocolError, type TppMessage } from '../errors.js';
import { JsonNumber, parseJsonLossless } from './json-number.js';

const tppMessages = z.object({
  tppMessages: z.array(z.object({ category: z.string(), code: z.string(), text: z.string().optional(), path: z.string().optional() }).loose()).min(1),
});

/** Reads a bank answer as JSON (numbers kept exact); anything else is a ProtocolError. */
export async function readJson(res: Response, what: string): Promise<unknown> {
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  if (!/\bjson\b/i.test(type) && !/^\s*[[{]/.test(text)) {
    throw new ProtocolError(`${what}: expected JSON, got ${type || 'no content type'} (${res.status})`);
  }
  try {
    return parseJsonLossless(text);
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
  const requestId = res.headers.get('x-request-id') ?? undefined;
  const retryAfterHeader = res.headers.get('retry-after');
  const retryAfter = retryAfterHeader !== null && /^\d+$/.test(retryAfterHeader) ? Number(retryAfterHeader) : undefined;
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

/** Validates a parsed answer against its wire schema; the first issue names the field. */
export function validate<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ProtocolError(`${what}: ${issue?.path.join('.') || 'answer'} ${issue?.message ?? 'is invalid'}`, { cause: result.error });
}

/** A wire amount: CEC sends a JSON number in lists and a string in balances; both become exact text. */
export const wireAmount = z.union([z.string(), z.instanceof(JsonNumber)]).transform((v, ctx) => {
  const text = typeof v === 'string' ? v.trim() : v.text;
  if (!/^-?\d{1,18}(\.\d{1,5})?$/.test(text)) {
    ctx.addIssue({ code: 'custom', message: `is not a decimal amount: ${JSON.stringify(text)}` });
    return z.NEVER;
  }
  return text;
});

/** A JSON number field that must be a safe integer (expires_in, consented_on). */
export const wireInteger = z.instanceof(JsonNumber).transform((v, ctx) => {
  const n = Number(v.text);
  if (!Number.isSafeInteger(n)) {
    ctx.addIssue({ code: 'custom', message: `is not an integer: ${v.text}` });
    return z.NEVER;
  }
  return n;
});

export const wireBoolean = z.boolean();
