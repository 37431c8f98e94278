import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthorizationCancelledError, OAuthError } from '../errors.js';
import { cecProfile } from '../profiles/bank-profile.js';
import { authorizeByForms, bankFor, createConsent, enrol, psuAccounts, testClock, type Credentials, type TestBank } from '../../test/helpers/bank.js';
import { call, psd2Headers } from '../../test/helpers/http.js';
import { OTHER_VERIFIER } from '../../test/fixtures/rfc7636.js';
import { buildAuthorizationUrl } from './authorize-url.js';
import { parseAuthorizationCallback, type AuthorizationCallback } from './callback.js';
import { resolveEndpoint } from './endpoints.js';
import { createPkce, createState, type Pkce } from './pkce.js';
import { authorizationCodeGrantRequest, processTokenResponse, refreshTokenGrantRequest, type TokenSet } from './token.js';

/** Inside the demo certificate's validity, as the sandbox's own token tests use. */
const START = new Date('2027-03-10T10:00:00Z');

/** One authorization as the app runs it: our PKCE, state, URL and callback parser; the helper only clicks. */
interface Authorized {
  consentId: string;
  scope: string;
  pkce: Pkce;
  state: string;
  redirect: string;
}

describe('OAuth client against the sandbox bank', () => {
  const clock = testClock(START);
  let bank: TestBank;
  let creds: Credentials;
  let tokenUrl: string;
  let ibans: string[];

  beforeAll(async () => {
    bank = await bankFor({ now: clock.now });
    creds = await enrol(bank);
    tokenUrl = resolveEndpoint('token', { baseUrl: bank.url, profile: cecProfile }).toString();
    ibans = (await psuAccounts(bank, 'demo')).map((a) => a.iban);
  });
  afterAll(async () => { await bank.close(); });

  async function authorize(decision: 'allow' | 'deny'): Promise<Authorized> {
    const { consentId, location } = await createConsent(bank, creds);
    const pkce = await createPkce();
    const state = createState();
    const scope = `AIS:${consentId}`;
    const url = buildAuthorizationUrl({
      location, baseUrl: bank.url, profile: cecProfile, clientId: creds.clientId, redirectUri: creds.redirectUri, scope, pkce, state,
    });
    const back = await authorizeByForms(bank, url, { decision, ticks: { accounts: ibans, balances: ibans, transactions: ibans } });
    return { consentId, scope, pkce, state, redirect: back.toString() };
  }

  const callback = (a: Authorized, state = a.state): AuthorizationCallback =>
    parseAuthorizationCallback(a.redirect, { redirectUri: creds.redirectUri, state });

  async function exchange(a: Authorized, code: string, codeVerifier = a.pkce.verifier, fetchFn: typeof fetch = fetch): Promise<TokenSet> {
    const res = await authorizationCodeGrantRequest(fetchFn, {
      tokenUrl, clientId: creds.clientId, code, redirectUri: creds.redirectUri, codeVerifier, scope: a.scope,
    });
    return processTokenResponse(res, clock.now(), { expectedScope: a.scope });
  }

  /** What the app does with the redirect: a code is exchanged, anything else is thrown before any call. */
  async function complete(a: Authorized, opts: { state?: string; codeVerifier?: string; fetchFn?: typeof fetch } = {}): Promise<TokenSet> {
    const result = callback(a, opts.state);
    if (result.kind === 'not-ours') throw new Error(`the redirect was not recognised: ${a.redirect}`);
    if (result.kind === 'error') throw result.error;
    if (result.kind === 'not-this-request') throw new Error(`refused: ${result.why}`);
    return exchange(a, result.code, opts.codeVerifier, opts.fetchFn);
  }

  const codeOf = (a: Authorized): string => new URL(a.redirect).searchParams.get('code') as string;

  const accountList = (consentId: string, accessToken: string) =>
    call(`${bank.url}/psd29c/v1/accounts`, { headers: psd2Headers(creds.clientId, { Authorization: `Bearer ${accessToken}`, 'Consent-ID': consentId }) });

  it('exchanges the code for tokens that open the account list', async () => {
    const a = await authorize('allow');
    const tokens = await complete(a);
    expect(tokens).toMatchObject({ tokenType: 'bearer', scope: a.scope, expiresAt: new Date(START.getTime() + 3595_000), consentedOn: START });
    expect(tokens.refreshToken).toEqual(expect.any(String));
    expect(tokens.refreshTokenExpiresAt!.getTime()).toBeGreaterThan(START.getTime() + 170 * 86_400_000);
    expect((await accountList(a.consentId, tokens.accessToken)).status).toBe(200);
  });

  it('refreshes the access token with the refresh token', async () => {
    const a = await authorize('allow');
    const first = await complete(a);
    clock.advance(3600_000);
    const res = await refreshTokenGrantRequest(fetch, { tokenUrl, clientId: creds.clientId, refreshToken: first.refreshToken! });
    const second = await processTokenResponse(res, clock.now(), { expectedScope: a.scope });
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.expiresAt).toEqual(new Date(clock.now().getTime() + 3595_000));
    expect(second.consentedOn).toEqual(first.consentedOn);
    expect((await accountList(a.consentId, second.accessToken)).status).toBe(200);
  });

  it('sends the client secret when given, and the bank checks it', async () => {
    const a = await authorize('allow');
    const first = await complete(a);
    const refresh = (clientSecret: string) => refreshTokenGrantRequest(fetch, { tokenUrl, clientId: creds.clientId, clientSecret, refreshToken: first.refreshToken! });
    expect((await processTokenResponse(await refresh(creds.clientSecret), clock.now())).scope).toBe(a.scope);
    await expect(processTokenResponse(await refresh('wrong-secret'), clock.now())).rejects.toMatchObject({ error: 'invalid_client', status: 401 });
  });

  it('gets invalid_grant for the wrong verifier', async () => {
    const a = await authorize('allow');
    const error = await complete(a, { codeVerifier: OTHER_VERIFIER }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthError);
    expect(error).toMatchObject({ error: 'invalid_grant', status: 400 });
  });

  it('gets invalid_grant when the code is used twice', async () => {
    const a = await authorize('allow');
    await complete(a);
    await expect(complete(a)).rejects.toMatchObject({ name: 'OAuthError', error: 'invalid_grant' });
  });

  it('stops on a state mismatch before any exchange', async () => {
    const a = await authorize('allow');
    let tokenCalls = 0;
    const counting: typeof fetch = (input, init) => { tokenCalls += 1; return fetch(input, init); };
    const error = await complete(a, { state: createState(), fetchFn: counting }).catch((e: unknown) => e);
    expect(error).toMatchObject({ message: "refused: the redirect carries another request's state" });
    expect(tokenCalls).toBe(0);
    // The code never left: it is still unused, so the right state still exchanges it.
    expect((await exchange(a, codeOf(a))).scope).toBe(a.scope);
  });

  it('reports a refusal on the bank\'s page as AuthorizationCancelledError', async () => {
    const a = await authorize('deny');
    expect(new URL(a.redirect).searchParams.get('error')).toBe('access_denied');
    const error = await complete(a).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthorizationCancelledError);
    expect(error).toMatchObject({ reason: 'access_denied', code: 'SCA_CANCELLED' });
  });

  it('ignores the bank\'s own pages as not ours', () => {
    expect(parseAuthorizationCallback(`${bank.url}/oauthcec/oauth2/authorize?code=x&state=y`, { redirectUri: creds.redirectUri, state: 'y' })).toEqual({ kind: 'not-ours' });
  });
});
