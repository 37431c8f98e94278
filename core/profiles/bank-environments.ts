import { randomUUID } from 'node:crypto';
import { BugIndicatingError, ValidationError } from '../errors.js';
import type { Keychain } from '../keychain/keychain.js';
import { resolveEndpoint } from '../oauth/endpoints.js';
import { toHeaderCertificate, type Psd2Context } from '../psd2/psd2-context.js';
import type { Registration, RegistrationStore } from '../store/registrations.js';
import { bankProfiles, cecProfile, cecSandboxProfile, type BankProfile } from './bank-profile.js';
import { sandboxSecretKey } from './profile-secrets.js';
import type { ProfileSettings } from './profile-settings.js';
import type { ProductionProfiles } from './production-profiles.js';

/**
 * The sandbox bank that ships inside the app. Core never imports `sandbox/`: the composition root
 * hands over an implementation built next to it, which knows the bank's private parts (its
 * mailbox, its self-enrolment); core knows only this port.
 */
export interface EmbeddedBank {
  /** Starts the bank on the first call; every later call answers the same bank. */
  start(): Promise<{ url: string }>;
  /** Enrols a new app at the bank whose redirect is `redirectUri`; the bank shows its credentials once. */
  enrol(redirectUri: string): Promise<{ clientId: string; clientSecret: string }>;
  /** The demo TPP certificate that ships with the project. */
  demoCertificatePem: string;
}

/** A bank ready to talk to: the PSD2 context plus what OAuth needs. */
export interface ResolvedBank {
  settings: ProfileSettings;
  profile: BankProfile;
  psd2: Psd2Context;
  clientId: string;
  clientSecret?: string;
  redirectUri: string;
  tokenUrl: string;
}

export interface BankEnvironmentsDeps {
  fetch: typeof fetch;
  keychain: Keychain;
  registrations: RegistrationStore;
  embedded?: EmbeddedBank;
  /** Production profiles' secrets and mutual-TLS agents; without it only the sandbox resolves. */
  production?: Pick<ProductionProfiles, 'credentials'>;
  /** The redirect this front end catches (the Electron window's, or the browser host's loopback). */
  redirectUri: string;
  now: () => Date;
}


/**
 * Turns profile settings into a live bank. For the sandbox it starts the embedded bank and, on
 * first use or when the redirect changed, has it enrol the app; the client secret goes to the
 * keychain, the client id to the database.
 */
export class BankEnvironments {
  constructor(private readonly deps: BankEnvironmentsDeps) {}

  async resolve(settings: ProfileSettings): Promise<ResolvedBank> {
    return settings.kind === 'sandbox' ? this.resolveSandbox(settings) : this.resolveProduction(settings);
  }

  private async resolveProduction(settings: Extract<ProfileSettings, { kind: 'cec-production' }>): Promise<ResolvedBank> {
    if (this.deps.production === undefined) throw new BugIndicatingError('BankEnvironments was built without production profiles');
    const { clientSecret, fetch } = await this.deps.production.credentials(settings);
    const bank = this.bank(settings, settings.baseUrl, settings.clientId, clientSecret, settings.redirectUri, settings.certificatePem);
    // A QWAC means mutual TLS: every call of this profile, token calls included, goes through its agent.
    if (fetch !== undefined) bank.psd2.fetch = fetch;
    return bank;
  }

  private async resolveSandbox(settings: Extract<ProfileSettings, { kind: 'sandbox' }>): Promise<ResolvedBank> {
    const embedded = this.deps.embedded;
    if (embedded === undefined) throw new ValidationError('the sandbox bank is not part of this build', 'profile');
    const { url } = await embedded.start();
    const { redirectUri } = this.deps;
    const stored = this.deps.registrations.get(settings.id);
    const storedSecret = stored === undefined ? undefined : await this.deps.keychain.get(sandboxSecretKey(settings.id, stored.clientId));
    let registration: Registration;
    let clientSecret: string;
    if (stored === undefined || stored.redirectUri !== redirectUri || storedSecret === undefined) {
      ({ registration, clientSecret } = await this.enrolInSandbox(embedded, url, settings.id));
    } else {
      registration = stored;
      clientSecret = storedSecret;
      if (registration.baseUrl !== url) {
        registration = { ...registration, baseUrl: url };
        this.deps.registrations.put(registration);
      }
    }
    return this.bank(settings, url, registration.clientId, clientSecret, redirectUri, embedded.demoCertificatePem);
  }

  private async enrolInSandbox(embedded: EmbeddedBank, url: string, profileId: string): Promise<{ registration: Registration; clientSecret: string }> {
    const creds = await embedded.enrol(this.deps.redirectUri);
    // The embedded bank is ours: an app without credentials is its bug, not something to carry on with.
    if (creds.clientId === '' || creds.clientSecret === '') throw new BugIndicatingError('the embedded bank enrolled an app without a client id or secret');
    const previous = this.deps.registrations.get(profileId);
    await this.deps.keychain.set(sandboxSecretKey(profileId, creds.clientId), creds.clientSecret);
    // The app it replaces is gone from this folder's bank: its secret would only linger.
    if (previous !== undefined && previous.clientId !== creds.clientId) await this.deps.keychain.delete(sandboxSecretKey(profileId, previous.clientId));
    const registration: Registration = {
      profileId,
      baseUrl: url,
      clientId: creds.clientId,
      redirectUri: this.deps.redirectUri,
      createdAt: this.deps.now().toISOString(),
    };
    this.deps.registrations.put(registration);
    return { registration, clientSecret: creds.clientSecret };
  }

  private bank(settings: ProfileSettings, baseUrl: string, clientId: string, clientSecret: string | undefined, redirectUri: string, certificatePem: string): ResolvedBank {
    const profile = settings.kind === 'cec-production' ? (bankProfiles[settings.bank ?? cecProfile.id] ?? cecProfile) : cecSandboxProfile;
    return {
      settings,
      profile,
      clientId,
      clientSecret,
      redirectUri,
      tokenUrl: resolveEndpoint('token', { baseUrl, profile }).href,
      psd2: {
        fetch: this.deps.fetch,
        baseUrl,
        profile,
        clientId,
        certificate: toHeaderCertificate(certificatePem),
        newRequestId: randomUUID,
      },
    };
  }
}
