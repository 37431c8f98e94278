import { z } from 'zod';
import { readJson, throwIfBankError, validate } from '../http/bank-answer.js';
import { send } from '../http/send.js';
import { cecProfile, type BankProfile } from '../profiles/bank-profile.js';
import { toHeaderCertificate } from '../psd2/psd2-context.js';

/**
 * CEC's Dynamic Users Register: `portal/users/register`, then (after the activation mail's link
 * is opened) `create/app`, which shows the app's credentials once.
 * @see the digest's §1; the guide's "Inrolarea Automata".
 */
export interface EnrolmentEndpoint {
  fetch: typeof fetch;
  /** e.g. `https://api.cec.ro/cec/prod/dynamic-users-register`. */
  url: string;
  /** One-line PEM (`TPP-Signature-Certificate`). */
  certificate: string;
}

/** The Dynamic Users Register of a bank at `baseUrl` (its paths from the profile), signed with `certificatePem`. */
export function enrolmentEndpoint(fetchFn: typeof fetch, baseUrl: string, certificatePem: string, profile: BankProfile = cecProfile): EnrolmentEndpoint {
  return { fetch: fetchFn, url: `${baseUrl.replace(/\/+$/, '')}${profile.paths.enrolment ?? ''}`, certificate: toHeaderCertificate(certificatePem) };
}

export interface DeveloperAccount {
  username: string;
  password: string;
  firstName: string;
  lastName: string;
  organization: string;
}

export function registerUserRequest(ep: EnrolmentEndpoint, user: DeveloperAccount): Promise<Response> {
  return send(ep.fetch, `${ep.url}/portal/users/register`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', accept: 'application/json', 'TPP-Signature-Certificate': ep.certificate },
    body: JSON.stringify({
      username: user.username,
      password: user.password,
      first_name: user.firstName,
      last_name: user.lastName,
      organization: user.organization,
    }),
  });
}

/** 201 Created; the activation mail follows. */
export async function processRegisterUserResponse(res: Response): Promise<void> {
  await throwIfBankError(res, 'register');
  await res.body?.cancel();
}

/** The guide: the organisation's spaces are written as '-' when creating the app. */
const organizationForApp = (organization: string): string => organization.trim().replace(/ /g, '-');

export function createAppRequest(
  ep: EnrolmentEndpoint,
  user: Pick<DeveloperAccount, 'username' | 'password' | 'organization'>,
  app: { name: string; title: string; redirectUri: string },
): Promise<Response> {
  return send(ep.fetch, `${ep.url}/create/app`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      accept: 'application/json',
      'TPP-Signature-Certificate': ep.certificate,
      'Redirect-Uri': app.redirectUri,
    },
    body: JSON.stringify({
      username: user.username,
      password: user.password,
      app_name: app.name,
      app_title: app.title,
      organization: organizationForApp(user.organization),
    }),
  });
}

/** CEC's answer, keys with spaces verbatim. */
const createAppAnswer = z.object({
  /** REQUIRED. */
  'Application Name': z.string(),
  /** REQUIRED. */
  Application_Title: z.string(),
  /** REQUIRED. The `x-ibm-client-id` of every later call. */
  'client id': z.string().min(1),
  /** REQUIRED. Shown once: it goes straight to the keychain. */
  'client secret': z.string().min(1),
});

export interface AppCredentials {
  appName: string;
  appTitle: string;
  clientId: string;
  clientSecret: string;
}

export async function processCreateAppResponse(res: Response): Promise<AppCredentials> {
  await throwIfBankError(res, 'create/app');
  const body = validate(createAppAnswer, await readJson(res, 'create/app'), 'create/app');
  return {
    appName: body['Application Name'].trim(),
    appTitle: body.Application_Title.trim(),
    clientId: body['client id'],
    clientSecret: body['client secret'],
  };
}
