import type { EnrolmentResult, ProfileView } from '../../common/index.js';
import { toAppError } from '../errors.js';
import type { ProductionProfiles } from '../profiles/production-profiles.js';
import { checkBaseUrl, checkCertificatePem, type ProductionSettings } from '../profiles/profile-settings.js';
import { createAppRequest, enrolmentEndpoint, processCreateAppResponse, processRegisterUserResponse, registerUserRequest, type DeveloperAccount } from './dynamic-users-register.js';

export interface RegisterInput extends DeveloperAccount {
  baseUrl: string;
  certificatePem: string;
}

export interface CreateAppInput extends Pick<DeveloperAccount, 'username' | 'password' | 'organization'> {
  profileId: string;
  baseUrl: string;
  certificatePem: string;
  appName: string;
  appTitle: string;
  redirectUri: string;
}

/** Registers the developer at the bank's Dynamic Users Register; the certificate is checked before the bank sees anything. */
export async function registerDeveloper(fetchFn: typeof fetch, input: RegisterInput): Promise<{ activationMailSentTo: string }> {
  const baseUrl = checkBaseUrl(input.baseUrl);
  checkCertificatePem(input.certificatePem);
  const ep = enrolmentEndpoint(fetchFn, baseUrl, input.certificatePem);
  await processRegisterUserResponse(await registerUserRequest(ep, input));
  return { activationMailSentTo: input.username };
}

/**
 * Creates the app at the bank and turns it into a production profile. The bank shows the
 * credentials once, so the order is fixed:
 * 1. every input is checked, the profile as it will be saved included, before the first call;
 * 2. the client secret goes to the keychain, bound to this origin and client id, first thing;
 * 3. then the profile is saved.
 * Once the bank has answered this never throws: the credentials come back with what was kept.
 */
export async function createProductionApp(
  fetchFn: typeof fetch,
  production: ProductionProfiles,
  input: CreateAppInput,
  view: (settings: ProductionSettings) => ProfileView,
): Promise<EnrolmentResult> {
  const profile = { kind: 'cec-production' as const, id: input.profileId, baseUrl: checkBaseUrl(input.baseUrl), certificatePem: input.certificatePem, redirectUri: input.redirectUri };
  // The client id and secret do not exist yet: stand-ins let the whole profile be checked now.
  await production.check({ ...profile, clientId: 'issued-by-the-bank', clientSecret: 'issued-by-the-bank' });
  const ep = enrolmentEndpoint(fetchFn, profile.baseUrl, input.certificatePem);
  const creds = await processCreateAppResponse(
    await createAppRequest(ep, input, { name: input.appName, title: input.appTitle, redirectUri: input.redirectUri }),
  );
  const result: EnrolmentResult = { clientId: creds.clientId, clientSecret: creds.clientSecret, secretStored: false };
  try {
    await production.keepIssuedSecret(input.profileId, { baseUrl: profile.baseUrl, clientId: creds.clientId }, creds.clientSecret);
    result.secretStored = true;
    // No secret in this save: it finds the one just filed, bound to the same origin and client id.
    result.profile = view(await production.save({ ...profile, clientId: creds.clientId }));
  } catch (error) {
    result.problem = toAppError(error);
  }
  return result;
}
