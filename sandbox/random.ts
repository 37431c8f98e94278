import { randomBytes, randomUUID } from 'node:crypto';

/**
 * Secrets (tokens, codes, client secrets) come from the OS CSPRNG: a sandbox is still a server on
 * the user's machine. Fault injection draws from a seeded stream so a failing run can be replayed.
 */
export interface Random {
  token(bytes?: number): string;
  uuid(): string;
  /** Deterministic in [0, 1) for fault injection. */
  fault(): number;
}

export function createRandom(seed: number): Random {
  let s = seed >>> 0 || 0x9e3779b9;
  return {
    token: (bytes = 48) => randomBytes(bytes).toString('base64url'),
    uuid: () => randomUUID(),
    fault: () => {
      // mulberry32: small, seeded, good enough to pick which calls fail.
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}
