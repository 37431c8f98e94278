import { X509Certificate } from 'node:crypto';
import { z } from 'zod';
import { ValidationError } from '../errors.js';
import { bankProfiles } from './bank-profile.js';

export const CEC_PRODUCTION_BASE_URL = 'https://api.cec.ro/cec/prod';
export const CEC_TEST_BASE_URL = 'https://api-test.cec.ro/cec/tpp';

/** The embedded sandbox bank: it starts in-process and the app enrols itself on first use. */
export interface SandboxSettings {
  kind: 'sandbox';
  id: 'sandbox';
}

/**
 * A real CEC registration (or any origin the person types, e.g. a bank simulator of their own).
 * The client secret is not here: it lives in the keychain under `client-secret:<id>`.
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
  /** Optional QWAC for mutual TLS. */
  qwac?: { certificatePem: string; privateKeyPem: string };
  /** Only for a simulator on this machine: plain http to 127.0.0.1. Never for a bank. */
  allowInsecureHttp?: boolean;
}

export type ProfileSettings = SandboxSettings | ProductionSettings;

const isLoopback = (host: string) => host === '127.0.0.1' || host === 'localhost' || host === '[::1]';

const pem = z.string().refine((text) => {
  try {
    new X509Certificate(text);
    return true;
  } catch {
    return false;
  }
}, 'is not a PEM X.509 certificate');

const productionSchema = z.object({
  kind: z.literal('cec-production'),
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  bank: z.string().refine((b) => Object.hasOwn(bankProfiles, b), 'is not a bank the app knows').optional(),
  baseUrl: z.url(),
  clientId: z.string().trim().min(1),
  certificatePem: pem,
  redirectUri: z.url(),
  qwac: z.object({ certificatePem: pem, privateKeyPem: z.string().includes('PRIVATE KEY') }).optional(),
  allowInsecureHttp: z.boolean().optional(),
});

/** Checks what a person typed for a production profile; https is required unless for a loopback simulator. */
export function parseProductionSettings(input: unknown): ProductionSettings {
  const result = productionSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ValidationError(`${issue?.path.join('.') ?? 'settings'}: ${issue?.message ?? 'invalid'}`, issue?.path.join('.'));
  }
  const s = result.data;
  const base = new URL(s.baseUrl);
  if (base.protocol !== 'https:' && !(s.allowInsecureHttp === true && base.protocol === 'http:' && isLoopback(base.hostname))) {
    throw new ValidationError('baseUrl must use https (plain http is allowed only for a simulator on 127.0.0.1)', 'baseUrl');
  }
  return { ...s, baseUrl: s.baseUrl.replace(/\/+$/, '') };
}
