import type { AisAuth, Psd2Context, ReadMode } from './psd2-context.js';

/**
 * Headers of every ConsentC, AccountsC and PaymentsC call (digest §2.6, §3.1): client id, a fresh
 * `X-Request-ID`, the certificate; `PSU-IP-Address` only when the person started the read.
 */
export function psd2Headers(ctx: Psd2Context, extra: Record<string, string | undefined> = {}, mode: ReadMode = {}): Record<string, string> {
  const headers: Record<string, string | undefined> = {
    accept: 'application/json',
    'x-ibm-client-id': ctx.clientId,
    'X-Request-ID': ctx.newRequestId(),
    'TPP-Signature-Certificate': ctx.certificate,
    'PSU-IP-Address': mode.psuIpAddress,
    ...extra,
  };
  return Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined));
}

export const aisHeaders = (ctx: Psd2Context, auth: AisAuth, mode: ReadMode): Record<string, string> =>
  psd2Headers(ctx, { Authorization: `Bearer ${auth.accessToken}`, 'Consent-ID': auth.consentId }, mode);
