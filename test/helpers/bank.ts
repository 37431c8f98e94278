import { startSandbox, type SandboxOptions } from '../../sandbox/index.js';
import { demoCertificatePem } from './certificates.js';
import { enrolAsDeveloper } from '../../sandbox/demo-developer.js';
import { playPsu } from '../../sandbox/demo-psu.js';
import { call, psd2Headers } from './http.js';
import { RFC7636_CHALLENGE, RFC7636_VERIFIER } from '../fixtures/rfc7636.js';

export const REDIRECT = 'https://tpp.example/cb';

export interface TestBank {
  url: string;
  origin: string;
  close(): Promise<void>;
}

/** A sandbox bank on 127.0.0.1:0 for one test file. */
export async function bankFor(options: SandboxOptions = {}): Promise<TestBank> {
  return startSandbox({ port: 0, ...options });
}

/** A controllable clock for lifetimes and calendar days. */
export function testClock(start = new Date('2027-01-14T10:00:00Z')) {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms), set: (d: Date) => void (t = d.getTime()) };
}

export interface Credentials {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

/** Enrols a TPP through the Dynamic Users Register, activation mail included. */
export async function enrol(bank: TestBank, redirectUri = REDIRECT): Promise<Credentials> {
  const app = await enrolAsDeveloper(bank.url, { certificatePem: demoCertificatePem, redirectUri, organization: 'Test TPP SRL', appName: 'TestApp' });
  return { ...app, redirectUri };
}

export async function createConsent(bank: TestBank, creds: Credentials): Promise<{ consentId: string; location: string }> {
  const res = await call<{ consentId: string }>(`${bank.url}/psd29c/v1/consents`, {
    method: 'POST',
    headers: psd2Headers(creds.clientId, { 'TPP-Redirect-URI': creds.redirectUri }),
  });
  if (res.status !== 201) throw new Error(`consent: ${res.status} ${res.text}`);
  return { consentId: res.body.consentId, location: res.headers.get('location') as string };
}

/** Completes a Location authorize URL with PKCE and state, as the digest says the TPP must. */
export function authorizeUrl(location: string, state = 'st-123', challenge = RFC7636_CHALLENGE): string {
  const url = new URL(location);
  url.searchParams.set('code_challenge', challenge);
  url.searchParams.set('code_challenge_method', 'S256');
  url.searchParams.set('state', state);
  return url.toString();
}

export interface Ticks {
  accounts?: string[];
  balances?: string[];
  transactions?: string[];
}

/** Drives login and the decision page by their forms; returns the redirect Location. */
export async function authorizeByForms(
  _bank: TestBank,
  url: string,
  opts: { user?: string; decision: 'allow' | 'deny' | 'confirm' | 'refuse'; ticks?: Ticks; debtorIban?: string },
): Promise<URL> {
  // An explicit tick list of none must stay none: only `undefined` means "everything listed".
  return playPsu(url, { ...opts, ticks: opts.ticks ?? {} });
}

export async function exchangeCode(bank: TestBank, creds: Credentials, code: string, scope: string, verifier = RFC7636_VERIFIER) {
  return call<Record<string, any>>(`${bank.url}/oauthcec/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'x-ibm-client-id': creds.clientId },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: creds.clientId, code, redirect_uri: creds.redirectUri, scope, code_verifier: verifier }),
  });
}

export interface PsuAccount { iban: string; currency: string; kind: string; product: string; maskedPan?: string }

export async function psuAccounts(bank: TestBank, user: string): Promise<PsuAccount[]> {
  const res = await call<{ psus: { userId: string; accounts: PsuAccount[] }[] }>(`${bank.origin}/sandbox/psus`);
  return res.body.psus.find((p) => p.userId === user)?.accounts ?? [];
}

/** Enrols, creates a consent, ticks everything of `user` (or `ticks`), exchanges the code. */
export async function connectAis(bank: TestBank, creds: Credentials, opts: { user?: string; ticks?: Ticks } = {}) {
  const { consentId, location } = await createConsent(bank, creds);
  const all = (await psuAccounts(bank, opts.user ?? 'demo')).map((a) => a.iban);
  const ticks = opts.ticks ?? { accounts: all, balances: all, transactions: all };
  const back = await authorizeByForms(bank, authorizeUrl(location), { user: opts.user, decision: 'allow', ticks });
  const code = back.searchParams.get('code');
  if (code === null) throw new Error(`no code: ${back.toString()}`);
  const token = await exchangeCode(bank, creds, code, `AIS:${consentId}`);
  if (token.status !== 200) throw new Error(`token: ${token.status} ${token.text}`);
  return { consentId, accessToken: token.body['access_token'] as string, refreshToken: token.body['refresh_token'] as string, ibans: all };
}
