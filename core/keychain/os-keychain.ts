import { AsyncEntry } from '@napi-rs/keyring';
import { BugIndicatingError, KeychainError } from '../errors.js';
import { KEYCHAIN_SERVICE, type Keychain } from './keychain.js';

/**
 * What a person must do so the app can keep secrets, per OS. Shown in KeychainError messages,
 * which the UI displays as they are.
 */
export function keychainHelp(platform: NodeJS.Platform = process.platform): string {
  switch (platform) {
    case 'darwin':
      return 'unlock the macOS Keychain (the login keychain, in Keychain Access) and allow Conturi to use it';
    case 'win32':
      return 'make sure Windows Credential Manager is available (the Credential Manager service running, the user profile loaded)';
    default:
      return 'install and unlock a Secret Service provider, e.g. gnome-keyring (Debian: apt install gnome-keyring libsecret-1-0) and run inside a D-Bus session';
  }
}

export interface OsKeychainOptions {
  /** Defaults to `KEYCHAIN_SERVICE`; tests may use their own to stay apart from a real install. */
  service?: string;
  /** Only chooses the help text; the store itself is the one of the OS we run on. */
  platform?: NodeJS.Platform;
}

/**
 * The OS keychain through `@napi-rs/keyring`: macOS Keychain, Windows Credential Manager, the
 * Secret Service on Linux. On Linux the entry is pinned to the Secret Service: the library would
 * otherwise fall back silently to the kernel keyring, which forgets everything at reboot. When
 * the store cannot be used every operation throws KeychainError saying what to install; there is
 * no fallback to a file, and the secret never appears in a message.
 */
export class OsKeychain implements Keychain {
  readonly #service: string;
  readonly #platform: NodeJS.Platform;

  constructor(options: OsKeychainOptions = {}) {
    this.#service = options.service ?? KEYCHAIN_SERVICE;
    this.#platform = options.platform ?? process.platform;
  }

  async get(account: string): Promise<string | undefined> {
    const secret = await this.#run('read', account, (entry) => entry.getPassword());
    return secret ?? undefined;
  }

  async set(account: string, secret: string): Promise<void> {
    await this.#run('store', account, (entry) => entry.setPassword(secret), secret);
  }

  async delete(account: string): Promise<boolean> {
    return this.#run('delete', account, (entry) => entry.deleteCredential());
  }

  async #run<T>(verb: string, account: string, op: (entry: AsyncEntry) => Promise<T>, secret?: string): Promise<T> {
    if (account === '') throw new BugIndicatingError('a keychain account name must not be empty');
    try {
      // The constructor already talks to D-Bus on Linux, so it belongs inside the try.
      return await op(new AsyncEntry(this.#service, account, { linux: { store: 'secret-service' } }));
    } catch (error) {
      const detail = redact(error instanceof Error ? error.message : String(error), secret);
      // A fresh cause with the redacted text: a logger that prints causes must not find the secret either.
      throw new KeychainError(
        `The OS keychain could not ${verb} "${account}" (${detail}). To keep your bank connections, ${keychainHelp(this.#platform)}.`,
        { cause: new Error(detail) },
      );
    }
  }
}

function redact(text: string, secret: string | undefined): string {
  return secret === undefined || secret === '' ? text : text.split(secret).join('[secret]');
}
