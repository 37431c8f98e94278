import { AuthorizationSession, type AuthorizationPort } from '../../core/auth/authorization-session.js';
import { cecProfile } from '../../core/profiles/bank-profile.js';
import type { ResolvedBank } from '../../core/profiles/bank-environments.js';

/**
 * Test helper: a real AuthorizationSession (core's exact matcher, state, PKCE) opened through
 * `port`, for a bank at api.cec.ro. Lives beside the tests that use it; nothing in the app imports it.
 */
export async function startTestSession(port: AuthorizationPort, redirectUri: string, timeoutMs?: number) {
  const bank = { profile: cecProfile, psd2: { baseUrl: 'https://api.cec.ro/cec/prod' }, clientId: 'client-1', redirectUri } as unknown as ResolvedBank;
  const session = await AuthorizationSession.start(bank, 'AIS:consent-1', undefined, port, timeoutMs);
  const state = new URL(session.url).searchParams.get('state') ?? '';
  /** The redirect the bank would send, with this session's state unless told otherwise. */
  const redirect = (params: Record<string, string>, base = redirectUri) => {
    const url = new URL(base);
    for (const [name, value] of Object.entries({ state, ...params })) url.searchParams.set(name, value);
    return url.href;
  };
  return { session, state, redirect };
}

/** The session's outcome as a value: the code, or the error's code and reason. */
export async function outcome(session: AuthorizationSession): Promise<unknown> {
  try {
    return { code: (await session.result).code };
  } catch (error) {
    const e = error as { code?: string; reason?: string };
    return { error: e.code, reason: e.reason };
  }
}
