import type { Keychain } from './keychain.js';

/**
 * A keychain that forgets everything when the process ends: for processes that must keep
 * nothing on disk or in the OS (a throw-away browser-mode host, a demo run), and for tests of
 * OTHER components where the OS keychain is not the subject. It is not a fallback for an
 * unreachable OS keychain: `OsKeychain` throws KeychainError instead, and nobody should catch
 * that to swap this in.
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
