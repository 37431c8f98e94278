import type { BankProfile } from '../profiles/bank-profile.js';

/**
 * What every PSD2 call needs, given by the caller so tests drive real HTTP and the app can pass
 * Electron's `net.fetch`.
 */
export interface Psd2Context {
  fetch: typeof fetch;
  /** The bank's base, e.g. `https://api.cec.ro/cec/prod`. */
  baseUrl: string;
  profile: BankProfile;
  /** `x-ibm-client-id`. */
  clientId: string;
  /** The eIDAS certificate as one line (see `toHeaderCertificate`). */
  certificate: string;
  /** A fresh UUID per call (`X-Request-ID`). */
  newRequestId: () => string;
  /** Milliseconds before a call is abandoned. */
  timeoutMs?: number;
}

/**
 * Whether the person started this read. Only then is `PSU-IP-Address` sent; background reads go
 * without it and the bank counts them against the 4 unattended reads a day.
 */
export interface ReadMode {
  psuIpAddress?: string;
}

/** Bearer + consent of an AIS read. */
export interface AisAuth {
  accessToken: string;
  consentId: string;
}

/** The PEM on one line, as §5 of the digest fixes it for `TPP-Signature-Certificate`. */
export function toHeaderCertificate(pem: string): string {
  return pem.trim().split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '').join(' ');
}

export const familyUrl = (ctx: Psd2Context, family: keyof BankProfile['paths'], path: string): string =>
  `${ctx.baseUrl}${ctx.profile.paths[family] ?? ''}${path}`;
