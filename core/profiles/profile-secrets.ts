import { ValidationError } from '../errors.js';
import type { Keychain } from '../keychain/keychain.js';

/** The keychain account of a profile's client secret (the sandbox's and every production one). */
export const clientSecretKey = (profileId: string) => `client-secret:${profileId}`;

/**
 * The embedded sandbox's client secret, filed under the client id it was issued with. Every data
 * folder has a sandbox bank of its own, and the OS keychain is one per person: under the bare
 * profile id, two folders (the app and a `--data-dir` CLI run) would overwrite each other's
 * secret and each would then be refused by its own bank.
 */
export const sandboxSecretKey = (profileId: string, clientId: string) => `${clientSecretKey(profileId)}:${clientId}`;

/** The keychain account of a production profile's QWAC private key. */
export const qwacKeyKey = (profileId: string) => `qwac-key:${profileId}`;

/**
 * Whom a client secret was issued for. A production profile's secret is filed together with its
 * binding, and is only ever sent to that origin under that client id: a profile row pointed at
 * another host (by a save, a compromised renderer, an edited database) finds no secret to send.
 */
export interface SecretBinding {
  origin: string;
  clientId: string;
}

export const bindingOf = (settings: { baseUrl: string; clientId: string }): SecretBinding => ({
  origin: new URL(settings.baseUrl).origin,
  clientId: settings.clientId,
});

export const sameBinding = (a: SecretBinding, b: SecretBinding): boolean => a.origin === b.origin && a.clientId === b.clientId;

interface StoredSecret {
  /** Undefined for a secret filed before bindings existed (only the sandbox's, or one a migration has not bound yet). */
  binding?: SecretBinding;
  secret: string;
}

/** The client secret filed for a profile, with its binding when it has one. */
export async function readClientSecret(keychain: Keychain, profileId: string): Promise<StoredSecret | undefined> {
  const text = await keychain.get(clientSecretKey(profileId));
  if (text === undefined) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === 'object' && value !== null) {
      const { v, origin, clientId, secret } = value as Record<string, unknown>;
      if (v === 1 && typeof origin === 'string' && typeof clientId === 'string' && typeof secret === 'string') {
        return { binding: { origin, clientId }, secret };
      }
    }
  } catch {
    // Not JSON: a bare secret from before bindings.
  }
  return { secret: text };
}

/** Files a client secret bound to the bank origin and client id it was issued for. */
export async function storeClientSecret(keychain: Keychain, profileId: string, binding: SecretBinding, secret: string): Promise<void> {
  await keychain.set(clientSecretKey(profileId), JSON.stringify({ v: 1, origin: binding.origin, clientId: binding.clientId, secret }));
}

/**
 * The client secret to send for these settings: only one bound to exactly their origin and
 * client id. Any other stored secret is refused before a request is made, so neither it nor a
 * connection's refresh token reaches a bank it was not issued for.
 */
export async function clientSecretFor(keychain: Keychain, settings: { id: string; baseUrl: string; clientId: string }): Promise<string | undefined> {
  const stored = await readClientSecret(keychain, settings.id);
  if (stored === undefined) return undefined;
  if (stored.binding === undefined || !sameBinding(stored.binding, bindingOf(settings))) {
    throw new ValidationError(
      `the client secret of profile ${settings.id} was issued for another bank address or client id: save the profile again with its client secret`,
      'clientSecret',
    );
  }
  return stored.secret;
}
