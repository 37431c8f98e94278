import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { parseProductionInput, settingsOf, type ProductionSettings } from './profile-settings.js';

/**
 * A vendor profile: the TPP registration a published build carries, so the person connects to
 * CEC with no typing. It holds what CEC's calls carry — client id, eIDAS certificate, redirect
 * URI, and optionally a QWAC — and no client secret: a secret inside a distributed app is no
 * secret, so the app is a public client and its token requests rely on PKCE (RFC 8252 §8.5).
 * See docs/vendor-profile.md.
 */

/** Its file name, in the app's resources folder or the data folder. */
export const VENDOR_PROFILE_FILE = 'vendor-profile.json';
/** A path to a vendor profile for development; when set, it is the only place looked at. */
export const VENDOR_PROFILE_ENV = 'CONTURI_VENDOR_PROFILE';
/** The id it is listed and connected under; reserved, so no profile the person saves can take it. */
export const VENDOR_PROFILE_ID = 'vendor';

export interface VendorProfile {
  settings: ProductionSettings;
  /** The QWAC's private key, read from the vendor's file at start; kept in memory only, never copied. */
  qwacPrivateKeyPem?: string;
}

/** What reading the vendor profile at start gave: nothing, a profile, or a problem to show. */
export interface VendorProfileLoad {
  /** The file read; null when there is none. */
  source: string | null;
  profile?: VendorProfile;
  /** Why the file was not used, in words for the person; the app starts without it. */
  problem?: string;
}

export interface VendorProfileLocations {
  env: NodeJS.ProcessEnv;
  /** The data folder; null when ephemeral. */
  dataDir: string | null;
  /** The packaged app's resources folder (Electron's `process.resourcesPath`); absent elsewhere. */
  resourcesDir?: string;
}

/** Where to look, first match wins: the development variable alone, else the data folder (an administrator's), then the build's resources. */
export function vendorProfilePaths(at: VendorProfileLocations): { paths: string[]; required: boolean } {
  const fromEnv = at.env[VENDOR_PROFILE_ENV];
  if (fromEnv !== undefined && fromEnv !== '') return { paths: [resolve(fromEnv)], required: true };
  const paths = [at.dataDir, at.resourcesDir].filter((dir): dir is string => dir !== null && dir !== undefined).map((dir) => join(dir, VENDOR_PROFILE_FILE));
  return { paths, required: false };
}

/** Each certificate is a PEM given inline (`certificatePem`) or a file (`certificateFile`, relative to the vendor profile's folder). */
const fileSchema = z
  .object({
    bank: z.string().optional(),
    baseUrl: z.string(),
    clientId: z.string(),
    redirectUri: z.string(),
    certificatePem: z.string().min(1).optional(),
    certificateFile: z.string().min(1).optional(),
    qwac: z.object({
      certificatePem: z.string().min(1).optional(),
      certificateFile: z.string().min(1).optional(),
      privateKeyFile: z.string().min(1),
    }).strict().optional(),
  })
  .strict();

class VendorProfileProblem extends Error {}

function readPem(folder: string, inline: string | undefined, file: string | undefined, what: string): string {
  if (inline !== undefined && file !== undefined) throw new VendorProfileProblem(`${what}: give the PEM or a file, not both`);
  if (inline !== undefined) return inline;
  if (file === undefined) throw new VendorProfileProblem(`${what}: missing (a PEM, or a file path)`);
  const path = isAbsolute(file) ? file : join(folder, file);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new VendorProfileProblem(`${what}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
}

/** Reads and checks one vendor profile file, as strictly as a profile the person saves. */
function readVendorProfile(path: string): VendorProfile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new VendorProfileProblem(error instanceof SyntaxError ? `not JSON: ${error.message}` : `cannot read it (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`);
  }
  if (typeof json === 'object' && json !== null && 'clientSecret' in json) {
    throw new VendorProfileProblem('clientSecret: a vendor profile carries no client secret (the app is a public client and relies on PKCE); remove it');
  }
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new VendorProfileProblem(`${issue?.path.join('.') || 'file'}: ${issue?.message ?? 'invalid'}`);
  }
  const file = parsed.data;
  const folder = dirname(path);
  const qwac = file.qwac;
  const qwacPem = qwac === undefined ? undefined : {
    certificatePem: readPem(folder, qwac.certificatePem, qwac.certificateFile, 'qwac.certificate'),
    privateKeyPem: readPem(folder, undefined, qwac.privateKeyFile, 'qwac.privateKeyFile'),
  };
  let input;
  try {
    input = parseProductionInput({
      kind: 'cec-production',
      id: VENDOR_PROFILE_ID,
      ...(file.bank === undefined ? {} : { bank: file.bank }),
      baseUrl: file.baseUrl,
      clientId: file.clientId,
      certificatePem: readPem(folder, file.certificatePem, file.certificateFile, 'certificate'),
      redirectUri: file.redirectUri,
      ...(qwacPem === undefined ? {} : { qwac: qwacPem }),
    });
  } catch (error) {
    throw new VendorProfileProblem((error as Error).message);
  }
  return { settings: settingsOf(input), ...(qwacPem === undefined ? {} : { qwacPrivateKeyPem: qwacPem.privateKeyPem }) };
}

/**
 * Reads the vendor profile at start, if there is one. Never throws: a broken file is a problem
 * to show (AppInfo) and log, and the app starts without it; a missing file is simply none,
 * except at a path the development variable named.
 */
export function loadVendorProfile(where: { paths: string[]; required: boolean }): VendorProfileLoad {
  const source = where.paths.find((path) => existsSync(path));
  if (source === undefined) {
    const named = where.paths[0];
    return where.required && named !== undefined ? { source: named, problem: `${VENDOR_PROFILE_ENV} names ${named}, which does not exist` } : { source: null };
  }
  try {
    return { source, profile: readVendorProfile(source) };
  } catch (error) {
    if (error instanceof VendorProfileProblem) return { source, problem: error.message };
    throw error;
  }
}
