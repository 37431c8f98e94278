import type { Keychain } from './keychain.js';

/**
 * A keychain that forgets everything when the process ends: for processes that must keep
 * nothing on disk or in the OS (a demo run's --ephemeral), and for tests of OTHER components
 * where the OS keychain is not the subject. Only openLocalStore swaps it in for an unreachable
 * OS keychain, and then the whole store is ephemeral: an in-memory database, the sandbox bank
 * only, production profiles refused, and a banner saying so. Nobody else catches KeychainError
 * to use this instead.
 */
export class MemoryKeychain implements Keychain {
  readonly #secrets = new Map<string, string>();

  async get(account: string): Promise<string | undefined> {
    return this.#secrets.get(account);
  }

  async set(account: string, secret: string): Promise<void> {
    this.#secrets.set(account, secret);
  }

  async delete(account: string): Promise<boolean> {
    return this.#secrets.delete(account);
  }
}
