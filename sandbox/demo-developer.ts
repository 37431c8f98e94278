import { randomBytes } from 'node:crypto';

/**
 * A scripted developer at the sandbox's Dynamic Users Register: registers, opens the activation
 * link from the sandbox's mailbox (`/sandbox/mailbox`, the stand-in for their inbox) and creates
 * an app, as a person would on CEC's portal. The embedded bank enrols the app with it; tests
 * and the benchmark enrol their TPPs with it.
 */
export interface DeveloperChoices {
  /** `TPP-Signature-Certificate`: the PEM, on one line or many. */
  certificatePem: string;
  /** The app's `Redirect-Uri`; authorize and token accept only this one. */
  redirectUri: string;
  /** Who registers; a fresh address by default, so every call makes a new developer. */
  username?: string;
  organization?: string;
  appName?: string;
}

export interface AppCredentials {
  clientId: string;
  clientSecret: string;
}

/** Enrols at the bank whose base is `bankUrl` (`http://127.0.0.1:<port>/cec/prod`); the mailbox is on its origin. */
export async function enrolAsDeveloper(bankUrl: string, choices: DeveloperChoices): Promise<AppCredentials> {
  const origin = new URL(bankUrl).origin;
  const register = `${bankUrl}/dynamic-users-register`;
  const username = choices.username ?? `developer-${randomBytes(6).toString('hex')}@sandbox.local`;
  // Lives only for this enrolment: the portal wants a password, nothing reuses it.
  const password = randomBytes(18).toString('base64url');
  const organization = choices.organization ?? 'Conturi Desktop';
  const json = {
    'Content-Type': 'application/json',
    accept: 'application/json',
    'TPP-Signature-Certificate': choices.certificatePem.trim().split(/\r?\n/).map((l) => l.trim()).join(' '),
  };

  const registered = await fetch(`${register}/portal/users/register`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ username, password, first_name: 'Conturi', last_name: 'Developer', organization }),
  });
  if (registered.status !== 201) throw new Error(`register: ${registered.status} ${await registered.text()}`);

  const mailbox = await fetch(`${origin}/sandbox/mailbox?to=${encodeURIComponent(username)}`);
  const { messages } = (await mailbox.json()) as { messages: { link: string }[] };
  const link = messages.at(-1)?.link;
  if (link === undefined) throw new Error(`no activation mail for ${username}`);
  const activated = await fetch(link);
  await activated.body?.cancel();
  if (activated.status !== 200) throw new Error(`activation link: ${activated.status}`);

  const created = await fetch(`${register}/create/app`, {
    method: 'POST',
    headers: { ...json, 'Redirect-Uri': choices.redirectUri },
    body: JSON.stringify({
      username,
      password,
      app_name: choices.appName ?? 'Conturi',
      app_title: choices.appName ?? 'Conturi',
      // The guide: spaces in the organisation's name become '-' when creating the app.
      organization: organization.replace(/ /g, '-'),
    }),
  });
  const text = await created.text();
  if (created.status !== 201) throw new Error(`create/app: ${created.status} ${text}`);
  const app = JSON.parse(text) as Record<string, unknown>;
  const clientId = app['client id'];
  const clientSecret = app['client secret'];
  if (typeof clientId !== 'string' || typeof clientSecret !== 'string') throw new Error(`create/app: no credentials in ${text}`);
  return { clientId, clientSecret };
}
