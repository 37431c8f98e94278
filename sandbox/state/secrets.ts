import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The bank keeps only a digest of what it hands out once (client secrets, activation links,
 * authorization codes, tokens), so its state file is no key to anything. The values are 128+
 * bits from the CSPRNG: a plain SHA-256 is enough, there is nothing to guess a password from.
 */
export function digestSecret(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('base64url');
}

/** Whether `presented` is the secret behind `digest`, in constant time. */
export function matchesDigest(presented: string, digest: string): boolean {
  const a = Buffer.from(digestSecret(presented));
  const b = Buffer.from(digest);
  return a.length === b.length && timingSafeEqual(a, b);
}
