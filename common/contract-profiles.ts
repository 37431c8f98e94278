import { z } from 'zod';
import { returns } from './contract-schemas.js';


const profileId = z.string().regex(/^[a-z0-9-]{1,40}$/);

/** What Settings shows of a certificate: who it names and how long it holds, never more of it. */
export interface CertificateSummary {
  /** The subject's distinguished name, one `key=value` after another, comma-separated. */
  subject: string;
  issuer: string;
  /** ISO instants. */
  validFrom: string;
  validTo: string;
  /** Past `validTo` now: the bank refuses calls signed with it. */
  expired: boolean;
}

/** A profile's credentials as Settings shows them: what is there, never a secret itself. */
export interface ProfileCredentials {
  profileId: string;
  /**
   * `stored`: in the keychain, issued for this profile's bank address and client id;
   * `issued-elsewhere`: in the keychain, but for another address or client id (it is never sent;
   * save the profile again with its secret); `none`: a public client, whose token requests carry
   * the PKCE verifier only (a vendor profile always).
   */
  clientSecret: 'stored' | 'issued-elsewhere' | 'none';
  /** The eIDAS certificate sent as `TPP-Signature-Certificate`. */
  certificate: CertificateSummary;
  /** The QWAC for mutual TLS, when the profile has one, and whether its private key is at hand. */
  qwac?: CertificateSummary & { keyAvailable: boolean };
}

export const profilesMethods = {
  /** For Settings: a profile's certificates and whether its secrets are kept; reads the keychain, returns no secret. */
  'profiles:credentials': { input: z.object({ profileId }).strict(), output: returns<ProfileCredentials>() },
  /**
   * Removes a production profile the person saved, with its secrets in the keychain. Refused while
   * a connection uses it (remove those first), and for the sandbox and a vendor profile, which
   * the app itself provides.
   */
  'profiles:remove': { input: z.object({ profileId }).strict(), output: returns<{ removed: true }>() },
} as const;
