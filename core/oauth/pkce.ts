import pkceChallenge, { generateChallenge } from 'pkce-challenge';
import { BugIndicatingError } from '../errors.js';

/**
 * One PKCE pair for one authorization request. The verifier stays in the process that will
 * exchange the code; only `challenge` and `method` go into the authorize URL.
 * @see RFC 7636 §4.1–4.2
 */
export interface Pkce {
  /** `code_verifier`: 43 characters of `[A-Za-z0-9-._~]` (256 bits). */
  verifier: string;
  /** `code_challenge`: BASE64URL(SHA-256(ASCII(verifier))). */
  challenge: string;
  /** `code_challenge_method`: CEC accepts S256 only, and `plain` would defeat the point. */
  method: 'S256';
}

/** RFC 7636 §4.1: 43–128 unreserved characters. */
const verifierPattern = /^[A-Za-z0-9._~-]{43,128}$/;

/**
 * A fresh verifier and its S256 challenge, through `pkce-challenge` (WebCrypto, so the same code
 * runs in Electron main and in vitest). 43 characters is the RFC's 32-octet recommendation.
 * @see RFC 7636 §4.1, §4.2
 */
export async function createPkce(): Promise<Pkce> {
  const pair = await pkceChallenge(43, 'S256');
  return { verifier: pair.code_verifier, challenge: pair.code_challenge, method: 'S256' };
}

/**
 * The S256 challenge of a given verifier. Exists so the transform is testable against the RFC's
 * worked example rather than against itself; rejects a verifier the bank would refuse anyway.
 * @see RFC 7636 §4.2, Appendix B
 */
export async function s256Challenge(verifier: string): Promise<string> {
  if (!verifierPattern.test(verifier)) throw new BugIndicatingError('a PKCE code_verifier is 43-128 characters of [A-Za-z0-9._~-]');
  return generateChallenge(verifier, 'S256');
}

/**
 * An opaque `state` for one authorization request: 256 random bits, base64url. Binds the
 * redirect to the request this app made (CSRF); the bank only echoes it.
 * @see RFC 6749 §10.12
 */
export function createState(random: (bytes: Uint8Array) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b)): string {
  return Buffer.from(random(new Uint8Array(32))).toString('base64url');
}
