import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh per-launch secret: 32 random bytes, base64url (43 characters, no padding). */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** A header as Node gives it: absent, once, or repeated (an array). */
type HeaderValue = string | string[] | undefined;

/**
 * True when `Host` names exactly our listener. A page on another name that resolves to
 * 127.0.0.1 (DNS rebinding) sends its own name here, so nothing but `127.0.0.1:<port>` passes,
 * not even `localhost`.
 */
export function hostMatches(host: HeaderValue, expected: string): boolean {
  return typeof host === 'string' && host === expected;
}

/**
 * True when the request carries no `Origin` or exactly ours. Browsers send `Origin` on every
 * cross-origin fetch and on every POST, so a foreign page is turned away here even before the
 * secret is looked at; tools such as curl send none.
 */
export function originAllowed(origin: HeaderValue, expected: string): boolean {
  return origin === undefined || origin === expected;
}

/**
 * Compares the presented secret with ours in constant time. Both sides are hashed first so the
 * comparison neither leaks the length nor throws on a length mismatch.
 */
export function secretMatches(presented: HeaderValue, secret: string): boolean {
  if (typeof presented !== 'string') return false;
  const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(secret));
}
