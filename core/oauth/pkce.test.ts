import { describe, expect, it } from 'vitest';
import { BugIndicatingError } from '../errors.js';
import { RFC7636_CHALLENGE, RFC7636_VERIFIER } from '../../test/fixtures/rfc7636.js';
import { createPkce, createState, s256Challenge } from './pkce.js';

describe('s256Challenge', () => {
  it('gives the RFC 7636 Appendix B challenge for its verifier', async () => {
    expect(await s256Challenge(RFC7636_VERIFIER)).toBe(RFC7636_CHALLENGE);
  });

  it('refuses a verifier shorter than 43 characters or outside the unreserved alphabet', async () => {
    await expect(s256Challenge('short')).rejects.toBeInstanceOf(BugIndicatingError);
    await expect(s256Challenge(`${'a'.repeat(43)}+`)).rejects.toBeInstanceOf(BugIndicatingError);
  });
});

describe('createPkce', () => {
  it('makes a 43-character unreserved verifier whose S256 challenge it carries', async () => {
    const pkce = await createPkce();
    expect(pkce.method).toBe('S256');
    expect(pkce.verifier).toMatch(/^[A-Za-z0-9._~-]{43}$/);
    expect(pkce.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(pkce.challenge).toBe(await s256Challenge(pkce.verifier));
  });

  it('makes a different verifier each time', async () => {
    const verifiers = new Set(await Promise.all(Array.from({ length: 20 }, async () => (await createPkce()).verifier)));
    expect(verifiers.size).toBe(20);
  });
});

describe('createState', () => {
  it('encodes 256 random bits as unpadded base64url', () => {
    expect(createState()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('uses the random source it is given', () => {
    const state = createState((bytes) => bytes.fill(0xff));
    expect(state).toBe(`${'_'.repeat(42)}8`);
  });

  it('makes a different state each time', () => {
    expect(new Set(Array.from({ length: 50 }, () => createState())).size).toBe(50);
  });
});
