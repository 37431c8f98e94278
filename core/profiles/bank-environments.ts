import { randomBytes, randomUUID } from 'node:crypto';
import { ValidationError } from '../errors.js';
import { createAppRequest, enrolmentEndpoint, processCreateAppResponse, processRegisterUserResponse, registerUserRequest } from '../enrolment/dynamic-users-register.js';
import { activateThroughSandboxMailbox } from '../enrolment/sandbox-activation.js';
import type { Keychain } from '../keychain/keychain.js';
import { toHeaderCertificate, type Psd2Context } from '../psd2/psd2-context.js';
import type { RegistrationStore } from '../store/registrations.js';
import { bankProfiles, cecProfile, type BankProfile } from './bank-profile.js';
import type { ProfileSettings } from './profile-settings.js';
import { mutualTlsFetch } from '../http/mutual-tls.js';

/** The sandbox bank, started by the composition root (core never imports `sandbox/`). */
export interface EmbeddedBank {
  start(): Promise<{ url: string; origin: string }>;
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
  /** The redirect this front end catches (the Electron window's, or the browser host's loopback). */
  redirectUri: string;
  now: () => Date;
}

export const clientSecretKey = (profileId: string) => `client-secret:${profileId}`;

/**
 * Turns profile settings into a live bank. For the sandbox it starts the embedded bank and, on
 * first use or when the redirect changed, enrols itself through the Dynamic Users Register;
 * the client secret goes to the keychain, the client id to the database.
 */
export class BankEnvironments {
  private sandbox?: Promise<{ url: string; origin: string }>;

  constructor(private readonly deps: BankEnvironmentsDeps) {}

  async resolve(settings: ProfileSettings): Promise<ResolvedBank> {
    return settings.kind === 'sandbox' ? this.resolveSandbox(settings) : this.resolveProduction(settings);
  }

  private async resolveProduction(settings: Extract<ProfileSettings, { kind: 'cec-production' }>): Promise<ResolvedBank> {
    const clientSecret = await this.deps.keychain.get(clientSecretKey(settings.id));
    const bank = this.bank(settings, settings.baseUrl, settings.clientId, clientSecret, settings.redirectUri, settings.certificatePem);
    // A QWAC means mutual TLS: every call of this profile goes through a client-certificate agent.
    if (settings.qwac !== undefined) bank.psd2.fetch = mutualTlsFetch(settings.qwac);
    return bank;
  }

  private async resolveSandbox(settings: Extract<ProfileSettings, { kind: 'sandbox' }>): Promise<ResolvedBank> {
    const embedded = this.deps.embedded;
    if (embedded === undefined) throw new ValidationError('the sandbox bank is not part of this build', 'profile');
    this.sandbox ??= embedded.start();
    const { url, origin } = await this.sandbox;
    const { redirectUri } = this.deps;
    let registration = this.deps.registrations.get(settings.id);
    let clientSecret = registration === undefined ? undefined : await this.deps.keychain.get(clientSecretKey(settings.id));
    if (registration === undefined || registration.redirectUri !== redirectUri || clientSecret === undefined) {
      clientSecret = await this.enrolInSandbox(url, origin, embedded.demoCertificatePem, settings.id);
      registration = this.deps.registrations.get(settings.id);
    } else if (registration.baseUrl !== url) {
      this.deps.registrations.put({ ...registration, baseUrl: url });
    }
    return this.bank(settings, url, registration?.clientId ?? '', clientSecret, redirectUri, embedded.demoCertificatePem);
  }

  private async enrolInSandbox(url: string, origin: string, certificatePem: string, profileId: string): Promise<string> {
    const ep = enrolmentEndpoint(this.deps.fetch, url, certificatePem);
    const user = {
      username: `conturi-${randomBytes(6).toString('hex')}@sandbox.local`,
      // Lives only for this enrolment: the sandbox wants a password, nothing reuses it.
      password: randomBytes(18).toString('base64url'),
      firstName: 'Conturi',
      lastName: 'Desktop',
      organization: 'Conturi Desktop',
    };
    await processRegisterUserResponse(await registerUserRequest(ep, user));
    await activateThroughSandboxMailbox(this.deps.fetch, origin, user.username);
    const creds = await processCreateAppResponse(
      await createAppRequest(ep, user, { name: 'Conturi', title: 'Conturi Desktop', redirectUri: this.deps.redirectUri }),
    );
    await this.deps.keychain.set(clientSecretKey(profileId), creds.clientSecret);
    this.deps.registrations.put({
      profileId,
      baseUrl: url,
      clientId: creds.clientId,
      redirectUri: this.deps.redirectUri,
      createdAt: this.deps.now().toISOString(),
    });
    return creds.clientSecret;
  }

  private bank(settings: ProfileSettings, baseUrl: string, clientId: string, clientSecret: string | undefined, redirectUri: string, certificatePem: string): ResolvedBank {
    const profile = settings.kind === 'cec-production' ? (bankProfiles[settings.bank ?? cecProfile.id] ?? cecProfile) : cecProfile;
    return {
      settings,
      profile,
      clientId,
      clientSecret,
      redirectUri,
      tokenUrl: `${baseUrl}${profile.paths.token}`,
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
