/** The one service name under which the app files every secret in the OS keychain. */
export const KEYCHAIN_SERVICE = 'ro.conturi.desktop';

/**
 * Where refresh tokens and client secrets live: the OS keychain in the app (`OsKeychain`),
 * nothing at all in processes that must keep nothing (`MemoryKeychain`). Passed as a parameter,
 * never imported, so no component decides for itself where a secret goes.
 */
export interface Keychain {
  /** The secret filed under `account`, or undefined when there is none. */
  get(account: string): Promise<string | undefined>;
  /** Files `secret` under `account`, replacing any earlier one. */
  set(account: string, secret: string): Promise<void>;
  /** Removes the secret of `account`; false when there was none. */
  delete(account: string): Promise<boolean>;
}
