/**
 * Plumbing shared by the AIS request/process pairs: one GET with the §2.6 headers, one way to
 * read an answer, and the one place a bank-supplied link becomes a URL we will send a token to.
 */
import type { z } from 'zod';
import { readJson, readJsonText, throwIfBankError, validate } from '../http/bank-answer.js';
import { send } from '../http/send.js';
import { ProtocolError } from '../errors.js';
import type { BankPaths } from '../profiles/bank-profile.js';
import { aisHeaders } from './psd2-headers.js';
import { familyUrl, type AisAuth, type Psd2Context, type ReadMode } from './psd2-context.js';

/** A GET of AccountsC (or ConsentC) with bearer, `Consent-ID` and, when the PSU is present, `PSU-IP-Address`. */
export function aisGet(ctx: Psd2Context, auth: AisAuth, mode: ReadMode, url: string): Promise<Response> {
  return send(ctx.fetch, url, { method: 'GET', headers: aisHeaders(ctx, auth, mode), timeoutMs: ctx.timeoutMs });
}

/** `${base}${family}${path}?query`, leaving out the parameters whose value is undefined. */
export function apiUrl(ctx: Psd2Context, family: keyof BankPaths, path: string, query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, v);
  const q = params.toString();
  return `${familyUrl(ctx, family, path)}${q === '' ? '' : `?${q}`}`;
}

/** `withBalance=true` is sent only when asked: an absent flag is the standard's "false". */
export const withBalanceQuery = (withBalance: boolean | undefined): Record<string, string | undefined> => ({
  withBalance: withBalance === true ? 'true' : undefined,
});

/** A path segment from an id the bank gave: encoded, so an id can never change the path. */
export const segment = (id: string): string => encodeURIComponent(id);

/** The process half every answer shares: bank error first, then JSON, then the wire schema. */
export async function readAnswer<T extends z.ZodType>(res: Response, schema: T, what: string): Promise<z.infer<T>> {
  await throwIfBankError(res, what);
  return validate(schema, await readJson(res, what), what);
}

/** `readAnswer`, with the answer's text as it came (see readJsonText). */
export async function readAnswerText<T extends z.ZodType>(res: Response, schema: T, what: string): Promise<{ body: z.infer<T>; text: string }> {
  await throwIfBankError(res, what);
  const { value, text } = await readJsonText(res, what);
  return { body: validate(schema, value, what), text };
}

/**
 * Turns a `_links` href into the URL to call, refusing any other origin: the next call carries
 * the PSU's bearer token, which must never leave the bank. CEC's hrefs look like
 * `/v1/accounts/{id}/transactions?…` and are relative to the family's parent (`/psd29c`, the
 * family path minus its `/v1`); other paths starting with '/' are origin-relative, as in the
 * Berlin Group examples (`/psd2/v1/…`); absolute hrefs stay as they are.
 * @see BG 1.3.12 `hrefType` ("relative or absolute").
 */
export function resolveBankHref(ctx: Psd2Context, family: keyof BankPaths, href: string): string {
  const base = new URL(ctx.baseUrl);
  const parent = familyUrl(ctx, family, '').replace(/\/+$/, '').replace(/\/v1$/, '');
  let url: URL;
  try {
    if (/^[a-z][a-z0-9+.-]*:/i.test(href)) url = new URL(href);
    else if (/^\/?v1(?:[/?#]|$)/.test(href)) url = new URL(`${parent}/${href.replace(/^\//, '')}`);
    else if (href.startsWith('/')) url = new URL(href, base.origin);
    else url = new URL(href, `${parent}/`);
  } catch (cause) {
    throw new ProtocolError(`_links href is not a URL: ${JSON.stringify(href)}`, { cause });
  }
  if (url.origin !== base.origin) {
    throw new ProtocolError(`_links href points away from the bank (${url.origin}); not following it with the PSU's token`);
  }
  return url.toString();
}
