import { createPrivateKey, X509Certificate } from 'node:crypto';
import { z } from 'zod';
import { isSimulatorUrl, webUrl } from '../../common/url-rule.js';
import { ValidationError } from '../errors.js';
import { bankProfiles } from './bank-profile.js';

export const CEC_PRODUCTION_BASE_URL = 'https://api.cec.ro/cec/prod';
export const CEC_TEST_BASE_URL = 'https://api-test.cec.ro/cec/tpp';

/** The embedded sandbox bank: it starts in-process and the app enrols itself on first use. */
export interface SandboxSettings {
  kind: 'sandbox';
  id: 'sandbox';
}

/** The one sandbox profile; its id is reserved, so no production profile can take it. */
export const SANDBOX_PROFILE: SandboxSettings = { kind: 'sandbox', id: 'sandbox' };

/**
 * A real CEC registration (or any origin the person types, e.g. a bank simulator of their own),
 * as the database keeps it: certificates and ids, never a secret. The client secret and the
 * QWAC's private key live in the keychain (see `profile-secrets.ts`).
 */
export interface ProductionSettings {
  kind: 'cec-production';
  id: string;
  /** Which bank's paths and quirks apply (`bankProfiles`); CEC when absent. */
  bank?: string;
  baseUrl: string;
  clientId: string;
  /** The eIDAS QSealC, PEM; sent on one line as `TPP-Signature-Certificate`. */
  certificatePem: string;
  /** The redirect URI exactly as registered with CEC. */
  redirectUri: string;
  /** Optional QWAC for mutual TLS; its private key is in the keychain. */
  qwac?: { certificatePem: string };
}

/** What a person saves: the settings plus the secrets, which go to the keychain only. */
export interface ProductionProfileInput extends Omit<ProductionSettings, 'qwac'> {
  /** Absent: keep the one in the keychain, if it was issued for this bank origin and client id. */
  clientSecret?: string;
  /** `privateKeyPem` absent: keep the key in the keychain, if the certificate is unchanged. */
  qwac?: { certificatePem: string; privateKeyPem?: string };
}

export type ProfileSettings = SandboxSettings | ProductionSettings;

/** Plain http to this machine: a bank simulator, never a bank. The UI says so. */
export const isSimulator = (settings: ProductionSettings): boolean => isSimulatorUrl(settings.baseUrl);

const pem = z.string().refine((text) => {
  try {
    new X509Certificate(text);
    return true;
  } catch {
    return false;
  }
}, 'is not a PEM X.509 certificate');

const privateKeyPem = z.string().max(20_000).refine((text) => {
  try {
    createPrivateKey(text);
    return true;
  } catch {
    return false;
  }
}, 'is not a PEM private key');

/** A base URL is a prefix of every path: a query would end up in the middle of each request URL. */
const baseUrl = webUrl.refine((href) => !href.includes('?'), 'must not carry a query').transform((href) => href.replace(/\/+$/, ''));

const settingsShape = {
  kind: z.literal('cec-production'),
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  bank: z.string().refine((b) => Object.hasOwn(bankProfiles, b), 'is not a bank the app knows').optional(),
  baseUrl,
  clientId: z.string().trim().min(1).max(200),
  certificatePem: pem,
  redirectUri: webUrl,
};

/** Unknown keys are dropped: a row written by an older version (with the key inside) reads as settings only. */
const storedSchema = z.object({ ...settingsShape, qwac: z.object({ certificatePem: pem }).optional() });

const inputSchema = z
  .object({
    ...settingsShape,
    clientSecret: z.string().min(1).max(500).optional(),
    qwac: z.object({ certificatePem: pem, privateKeyPem: privateKeyPem.optional() }).strict().optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const key = s.qwac?.privateKeyPem;
    if (s.qwac === undefined || key === undefined) return;
    let matches = false;
    try {
      matches = new X509Certificate(s.qwac.certificatePem).checkPrivateKey(createPrivateKey(key));
    } catch {
      // Unreadable: the field's own check has already said so.
      return;
    }
    if (!matches) ctx.addIssue({ code: 'custom', path: ['qwac', 'privateKeyPem'], message: 'is not the private key of the QWAC certificate' });
  });

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || undefined;
  throw new ValidationError(`${field ?? 'settings'}: ${issue?.message ?? 'invalid'}`, field);
}

/** Checks a PEM X.509 certificate the person gave, before it is sent to a bank. */
export function checkCertificatePem(text: string, field = 'certificatePem'): void {
  if (!pem.safeParse(text).success) throw new ValidationError(`${field}: is not a PEM X.509 certificate`, field);
}

/** Checks a bank's base URL the person gave; returns it normalised, without a trailing slash. */
export function checkBaseUrl(text: string, field = 'baseUrl'): string {
  const result = baseUrl.safeParse(text);
  if (!result.success) throw new ValidationError(`${field}: ${result.error.issues[0]?.message ?? 'invalid'}`, field);
  return result.data;
}

/** Checks what a person typed for a production profile, secrets included, before anything is stored or sent. */
export function parseProductionInput(input: unknown): ProductionProfileInput {
  return parse(inputSchema, input);
}

/** Reads a stored profile row; strict in what it accepts, and it never carries a secret. */
export function parseStoredProduction(input: unknown): ProductionSettings {
  return parse(storedSchema, input);
}

/** The settings half of an input: what the database may keep. */
export function settingsOf(input: ProductionProfileInput): ProductionSettings {
  const { clientSecret: _secret, qwac, ...settings } = input;
  return qwac === undefined ? settings : { ...settings, qwac: { certificatePem: qwac.certificatePem } };
}
