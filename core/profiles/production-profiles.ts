import type { ProfileCredentials } from '../../common/index.js';
import { ValidationError } from '../errors.js';
import { certificateSummary } from './certificate-summary.js';
import { MutualTlsAgents, type MutualTlsOptions } from '../http/mutual-tls.js';
import type { Keychain } from '../keychain/keychain.js';
import type { Db } from '../store/database.js';
import type { ProfileStore } from '../store/profiles.js';
import { moveSecretsToKeychain } from '../store/secrets-migration.js';
import { bindingOf, clientSecretFor, clientSecretKey, qwacKeyKey, readClientSecret, sameBinding, storeClientSecret } from './profile-secrets.js';
import { parseProductionInput, SANDBOX_PROFILE, settingsOf, type ProductionProfileInput, type ProductionSettings } from './profile-settings.js';
import { VENDOR_PROFILE_ID, type VendorProfile } from './vendor-profile.js';

export interface ProductionProfilesDeps {
  db: Db;
  store: ProfileStore;
  keychain: Keychain;
  /** Whether the person still has connections on this profile. */
  hasConnections: (profileId: string) => boolean;
  now: () => Date;
  tls?: MutualTlsOptions;
  /** The build's vendor profile (vendor-profile.ts): a public client whose QWAC key, if any, is in memory. */
  vendor?: VendorProfile | undefined;
}

/** What a production profile needs at call time, from the keychain. */
export interface ProductionCredentials {
  clientSecret?: string;
  /** The profile's mutual-TLS fetch, when it has a QWAC. */
  fetch?: typeof fetch;
}

/**
 * Production profiles with their secrets: settings in the database, the client secret (bound to
 * the bank origin and client id it was issued for) and the QWAC key in the keychain.
 *
 * The rule on changes: a profile's bank origin or client id cannot change while it has
 * connections (their consents and refresh tokens belong to that bank), and when either changes
 * the client secret must be given again; the old one is never sent to the new bank.
 */
export class ProductionProfiles {
  private readonly agents: MutualTlsAgents;
  private moved?: Promise<void>;

  constructor(private readonly deps: ProductionProfilesDeps) {
    this.agents = new MutualTlsAgents(deps.tls);
  }

  /**
   * Moves secrets an older version left in the database into the keychain, once. A failure (a
   * locked keychain) is not remembered: the next use tries again and reports it then.
   */
  ready(): Promise<void> {
    this.moved ??= moveSecretsToKeychain(this.deps.db, this.deps.keychain).then(
      () => undefined,
      (error: unknown) => {
        this.moved = undefined;
        throw error;
      },
    );
    return this.moved;
  }

  /** Checks a save before anything is stored or sent anywhere; returns the parsed input. */
  async check(input: unknown): Promise<ProductionProfileInput> {
    await this.ready();
    const next = parseProductionInput(input);
    if (next.id === SANDBOX_PROFILE.id || next.id === VENDOR_PROFILE_ID) throw new ValidationError(`the id "${next.id}" is reserved`, 'id');
    const previous = this.deps.store.get(next.id);
    const binding = bindingOf(next);
    if (previous !== undefined && !sameBinding(bindingOf(previous), binding) && this.deps.hasConnections(next.id)) {
      throw new ValidationError(
        `profile ${next.id} has connections: its bank address and client id cannot change until they are removed`,
        new URL(previous.baseUrl).origin === binding.origin ? 'clientId' : 'baseUrl',
      );
    }
    if (next.clientSecret === undefined) {
      const stored = await readClientSecret(this.deps.keychain, next.id);
      if (stored !== undefined && (stored.binding === undefined || !sameBinding(stored.binding, binding))) {
        throw new ValidationError('the bank address or client id changed: enter the client secret again', 'clientSecret');
      }
    }
    if (next.qwac !== undefined && next.qwac.privateKeyPem === undefined) {
      const unchanged = previous?.qwac?.certificatePem.trim() === next.qwac.certificatePem.trim();
      if (!unchanged || (await this.deps.keychain.get(qwacKeyKey(next.id))) === undefined) {
        throw new ValidationError('qwac.privateKeyPem: a new QWAC certificate needs its private key', 'qwac.privateKeyPem');
      }
    }
    return next;
  }

  /** Saves a profile: its secrets to the keychain first, then its settings to the database. */
  async save(input: unknown): Promise<ProductionSettings> {
    const next = await this.check(input);
    const { keychain } = this.deps;
    if (next.clientSecret !== undefined) await storeClientSecret(keychain, next.id, bindingOf(next), next.clientSecret);
    if (next.qwac === undefined) await keychain.delete(qwacKeyKey(next.id));
    else if (next.qwac.privateKeyPem !== undefined) await keychain.set(qwacKeyKey(next.id), next.qwac.privateKeyPem);
    const settings = settingsOf(next);
    this.deps.store.put(settings, this.deps.now().toISOString());
    await this.agents.forget(next.id);
    return settings;
  }

  /**
   * Files a client secret the bank has just shown once (enrolment), bound to the origin and client
   * id it was issued for, before the profile itself is saved.
   */
  async keepIssuedSecret(profileId: string, issuedFor: { baseUrl: string; clientId: string }, secret: string): Promise<void> {
    await storeClientSecret(this.deps.keychain, profileId, bindingOf(issuedFor), secret);
  }

  /** The secrets and transport of a profile for one call to its bank. */
  async credentials(settings: ProductionSettings): Promise<ProductionCredentials> {
    const vendor = this.vendorOf(settings);
    if (vendor !== undefined) return this.vendorCredentials(vendor);
    await this.ready();
    const clientSecret = await clientSecretFor(this.deps.keychain, settings);
    if (settings.qwac === undefined) return { clientSecret };
    const privateKeyPem = await this.deps.keychain.get(qwacKeyKey(settings.id));
    if (privateKeyPem === undefined) {
      throw new ValidationError(`the QWAC private key of profile ${settings.id} is not in the keychain: save the profile again with it`, 'qwac.privateKeyPem');
    }
    return { clientSecret, fetch: this.agents.fetchFor(settings.id, { certificatePem: settings.qwac.certificatePem, privateKeyPem }) };
  }

  /** What Settings shows of a profile's credentials: whether each secret is kept, and its certificates; never a secret. */
  async describe(settings: ProductionSettings): Promise<ProfileCredentials> {
    const vendor = this.vendorOf(settings);
    if (vendor !== undefined) return this.describeVendor(vendor);
    await this.ready();
    const { keychain, now } = this.deps;
    const stored = await readClientSecret(keychain, settings.id);
    const clientSecret = stored === undefined ? 'none'
      : stored.binding !== undefined && sameBinding(stored.binding, bindingOf(settings)) ? 'stored'
      : 'issued-elsewhere';
    const at = now();
    return {
      profileId: settings.id,
      clientSecret,
      certificate: certificateSummary(settings.certificatePem, at),
      ...(settings.qwac === undefined ? {} : {
        qwac: { ...certificateSummary(settings.qwac.certificatePem, at), keyAvailable: (await keychain.get(qwacKeyKey(settings.id))) !== undefined },
      }),
    };
  }

  /**
   * Removes a profile and its secrets. Refused while a connection uses it: its consents and
   * refresh tokens belong to this registration, and would be left with no way to reach the bank.
   */
  async remove(profileId: string): Promise<void> {
    await this.ready();
    if (this.deps.store.get(profileId) === undefined) throw new ValidationError(`there is no profile ${profileId}`, 'profileId');
    if (this.deps.hasConnections(profileId)) {
      throw new ValidationError(`profile ${profileId} has connections: remove each connection first`, 'profileId');
    }
    // Secrets first: a failure leaves the profile listed, so the person can try again, never a secret without its profile.
    await this.deps.keychain.delete(clientSecretKey(profileId));
    await this.deps.keychain.delete(qwacKeyKey(profileId));
    this.deps.store.delete(profileId);
    await this.agents.forget(profileId);
  }

  /** The vendor profile, when `settings` are its own. */
  private vendorOf(settings: ProductionSettings): VendorProfile | undefined {
    const vendor = this.deps.vendor;
    return vendor !== undefined && settings.id === vendor.settings.id ? vendor : undefined;
  }

  /** A public client: no client secret is read or sent, only the PKCE verifier proves the code. */
  private vendorCredentials(vendor: VendorProfile): ProductionCredentials {
    const { qwac } = vendor.settings;
    if (qwac === undefined || vendor.qwacPrivateKeyPem === undefined) return {};
    return { fetch: this.agents.fetchFor(vendor.settings.id, { certificatePem: qwac.certificatePem, privateKeyPem: vendor.qwacPrivateKeyPem }) };
  }

  private describeVendor(vendor: VendorProfile): ProfileCredentials {
    const at = this.deps.now();
    const { settings } = vendor;
    return {
      profileId: settings.id,
      clientSecret: 'none',
      certificate: certificateSummary(settings.certificatePem, at),
      ...(settings.qwac === undefined ? {} : { qwac: { ...certificateSummary(settings.qwac.certificatePem, at), keyAvailable: vendor.qwacPrivateKeyPem !== undefined } }),
    };
  }

  /** Closes every mutual-TLS agent. */
  close(): Promise<void> {
    return this.agents.closeAll();
  }
}
