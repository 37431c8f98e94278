import { randomUUID } from 'node:crypto';
import { AuthorizationSession, codeExchange, type AuthorizationPort } from '../../core/auth/authorization-session.js';
import { cecProfile, cecSandboxProfile } from '../../core/profiles/bank-profile.js';
import type { ResolvedBank } from '../../core/profiles/bank-environments.js';
import type { ProfileSettings } from '../../core/profiles/profile-settings.js';
import { playPsu, type PsuChoices } from '../../sandbox/demo-psu.js';
import { createConsent, enrol, type TestBank } from './bank.js';
import { demoCertificate } from './certificates.js';

export interface TestSessionOptions {
  timeoutMs?: number;
  /** CEC's production quirk: a state-less code is a candidate for the exchange. Off: the sandbox's profile. */
  stateMayBeOmitted?: boolean;
}

/**
 * Test helper: a real AuthorizationSession (core's exact matcher, state, PKCE and the real token
 * exchange) for a fresh consent at the sandbox `bank`, enrolled for `redirectUri`, opened through
 * `port`. Nothing in the app imports it.
 */
export async function startTestSession(bank: TestBank, port: AuthorizationPort, redirectUri: string, options: TestSessionOptions = {}) {
  const creds = await enrol(bank, redirectUri);
  const { consentId, location } = await createConsent(bank, creds);
  const profile = options.stateMayBeOmitted === true ? cecProfile : cecSandboxProfile;
  const resolved: ResolvedBank = {
    settings: { kind: 'sandbox', id: 'sandbox' } as ProfileSettings,
    profile,
    psd2: { fetch, baseUrl: bank.url, profile, clientId: creds.clientId, certificate: demoCertificate, newRequestId: randomUUID },
    clientId: creds.clientId,
    clientSecret: creds.clientSecret,
    redirectUri,
    tokenUrl: `${bank.url}${profile.paths.token}`,
  };
  const scope = `AIS:${consentId}`;
  const session = await AuthorizationSession.start(resolved, scope, location, port, codeExchange(resolved, scope, () => new Date()), options.timeoutMs);
  const state = new URL(session.url).searchParams.get('state') ?? '';
  /** A redirect as anyone could forge it, with this session's state unless told otherwise. */
  const redirect = (params: Record<string, string>, base = redirectUri) => {
    const url = new URL(base);
    for (const [name, value] of Object.entries({ state, ...params })) url.searchParams.set(name, value);
    return url.href;
  };
  /** The bank's real redirect after the PSU decided on its pages (code or error, with state). */
  const bankAnswer = async (choices: PsuChoices = { decision: 'allow' }) => (await playPsu(session.url, choices)).href;
  return { session, state, consentId, redirect, bankAnswer };
}

/** The session's outcome as a value: the exchanged tokens' scope, or the error's code and reason. */
export async function outcome(session: AuthorizationSession): Promise<unknown> {
  try {
    return { scope: (await session.result).scope };
  } catch (error) {
    const e = error as { code?: string; reason?: string };
    return { error: e.code, reason: e.reason };
  }
}
