import { randomUUID } from 'node:crypto';
import { demoCertificate } from './certificates.js';

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** fetch that never follows redirects and parses JSON when the answer is JSON. */
export async function call<T = any>(url: string, init: RequestInit = {}): Promise<Answer<T>> {
  const res = await fetch(url, { redirect: 'manual', ...init });
  const text = await res.text();
  let body: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('json') && text !== '') body = JSON.parse(text);
  return { status: res.status, headers: res.headers, body: body as T, text };
}

/** The headers every PSD2 call of the digest carries; `extra` adds or overrides (undefined removes). */
export function psd2Headers(clientId: string, extra: Record<string, string | undefined> = {}): Record<string, string> {
  const all: Record<string, string | undefined> = {
    'x-ibm-client-id': clientId,
    'X-Request-ID': randomUUID(),
    'TPP-Signature-Certificate': demoCertificate,
    ...extra,
  };
  return Object.fromEntries(Object.entries(all).filter((e): e is [string, string] => e[1] !== undefined));
}

export const tppCode = (answer: Answer): string | undefined =>
  (answer.body as { tppMessages?: { code: string }[] }).tppMessages?.[0]?.code;
