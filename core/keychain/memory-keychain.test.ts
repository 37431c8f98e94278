import { describe, expect, it } from 'vitest';
import { MemoryKeychain } from './memory-keychain.js';

describe('MemoryKeychain', () => {
  it('stores, overwrites, reads and deletes within one instance', async () => {
    const keychain = new MemoryKeychain();
    await keychain.set('a', 'one');
    await keychain.set('a', 'two');
    expect(await keychain.get('a')).toBe('two');
    expect(await keychain.delete('a')).toBe(true);
    expect(await keychain.delete('a')).toBe(false);
    expect(await keychain.get('a')).toBeUndefined();
  });

  it('shares nothing between instances', async () => {
    const first = new MemoryKeychain();
    await first.set('a', 'one');
    expect(await new MemoryKeychain().get('a')).toBeUndefined();
  });
});
