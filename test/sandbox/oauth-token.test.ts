import { describe, expect, it } from 'vitest';
import {
  authorizeByForms,
  authorizeUrl,
  connectAis,
  createConsent,
  enrol,
  exchangeCode,
  psuAccounts,
  testClock,
  type Credentials,
  type TestBank,
} from '../helpers/bank.js';
import { useEnrolledBank } from '../helpers/enrolled-bank.js';
import { call, psd2Headers, tppCode } from '../helpers/http.js';
import { OTHER_VERIFIER, RFC7636_VERIFIER } from '../fixtures/rfc7636.js';

/** A day well inside the demo certificate's validity (the helper's default start precedes it). */
const START = new Date('2027-03-10T10:00:00Z');
const DAY = 86_400;

const tokenCall = (bank: TestBank, form: Record<string, string>, headers: Record<string, string> = {}) =>
  call<Record<string, any>>(`${bank.url}/oauthcec/oauth2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', ...headers },
    body: new URLSearchParams(form),
  });

/** A consent the PSU `demo` allowed (every account ticked) and the code that came back. */
async function freshCode(bank: TestBank, creds: Credentials): Promise<{ consentId: string; code: string }> {
  const { consentId, location } = await createConsent(bank, creds);
  const ibans = (await psuAccounts(bank, 'demo')).map((a) => a.iban);
  const back = await authorizeByForms(bank, authorizeUrl(location), { decision: 'allow', ticks: { accounts: ibans, balances: ibans } });
  return { consentId, code: back.searchParams.get('code') as string };
}

const accountList = (bank: TestBank, creds: Credentials, consentId: string, accessToken: string) =>
  call(`${bank.url}/psd29c/v1/accounts`, {
    headers: psd2Headers(creds.clientId, { Authorization: `Bearer ${accessToken}`, 'Consent-ID': consentId }),
  });

/** An RFC 6749 §5.2 error answer. */
function expectOAuthError(res: { status: number; body: Record<string, any> }, status: number, error: string): void {
  expect(res.status).toBe(status);
  expect(res.body).toEqual({ error, error_description: expect.any(String) });
}

describe('POST /oauthcec/oauth2/token grant_type=authorization_code', () => {
  const clock = testClock(START);
  const env = useEnrolledBank({ now: clock.now });

  it('exchanges the code for the RFC 7636 verifier and answers the guide\'s fields', async () => {
    const { consentId, code } = await freshCode(env.bank, env.creds);
    const res = await exchangeCode(env.bank, env.creds, code, `AIS:${consentId}`, RFC7636_VERIFIER);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(Object.keys(res.body).sort()).toEqual(
      ['access_token', 'consented_on', 'expires_in', 'refresh_token', 'refresh_token_expires_in', 'scope', 'token_type'],
    );
    expect(res.body.token_type).toBe('bearer');
    expect(res.body.expires_in).toBe(3595);
    expect(res.body.consented_on).toBe(Math.floor(clock.now().getTime() / 1000));
    expect(res.body.scope).toBe(`AIS:${consentId}`);
    expect(res.body.refresh_token).toMatch(/^\S{20,}$/);
    expect(res.body.refresh_token).not.toBe(res.body.access_token);
    expect(res.body.refresh_token_expires_in).toBeGreaterThan(179 * DAY);
    expect(res.body.refresh_token_expires_in).toBeLessThanOrEqual(180 * DAY);
    expect((await accountList(env.bank, env.creds, consentId, res.body.access_token)).status).toBe(200);
  });

  it('refuses a wrong verifier with 400 invalid_grant and burns the code', async () => {
    const { consentId, code } = await freshCode(env.bank, env.creds);
    expectOAuthError(await exchangeCode(env.bank, env.creds, code, `AIS:${consentId}`, OTHER_VERIFIER), 400, 'invalid_grant');
    expectOAuthError(await exchangeCode(env.bank, env.creds, code, `AIS:${consentId}`, RFC7636_VERIFIER), 400, 'invalid_grant');
  });

  it('refuses a code used once already with invalid_grant and revokes what it gave', async () => {
    const { consentId, code } = await freshCode(env.bank, env.creds);
    const first = await exchangeCode(env.bank, env.creds, code, `AIS:${consentId}`);
    expect(first.status).toBe(200);
    expectOAuthError(await exchangeCode(env.bank, env.creds, code, `AIS:${consentId}`), 400, 'invalid_grant');
    const after = await accountList(env.bank, env.creds, consentId, first.body.access_token);
    expect(after.status).toBe(401);
    expect(tppCode(after)).toBe('TOKEN_INVALID');
  });

  it('accepts a code 59 s old', async () => {
    const { consentId, code } = await freshCode(env.bank, env.creds);
    clock.advance(59_000);
    expect((await exchangeCode(env.bank, env.creds, code, `AIS:${consentId}`)).status).toBe(200);
  });

  it('refuses a code older than 60 s with invalid_grant', async () => {
    const { consentId, code } = await freshCode(env.bank, env.creds);
    clock.advance(61_000);
    expectOAuthError(await exchangeCode(env.bank, env.creds, code, `AIS:${consentId}`), 400, 'invalid_grant');
  });

  it('refuses a redirect_uri other than the authorization request\'s with invalid_grant', async () => {
    const { consentId, code } = await freshCode(env.bank, env.creds);
    const res = await exchangeCode(env.bank, { ...env.creds, redirectUri: 'https://tpp.example/other' }, code, `AIS:${consentId}`);
    expectOAuthError(res, 400, 'invalid_grant');
  });

  it('refuses the code of another client with invalid_grant', async () => {
    const other = await enrol(env.bank);
    const { consentId, code } = await freshCode(env.bank, env.creds);
    expectOAuthError(await exchangeCode(env.bank, other, code, `AIS:${consentId}`), 400, 'invalid_grant');
  });

  it('refuses an unknown client with 401 invalid_client', async () => {
    const { consentId, code } = await freshCode(env.bank, env.creds);
    const res = await exchangeCode(env.bank, { ...env.creds, clientId: 'nobody-registered-this' }, code, `AIS:${consentId}`);
    expectOAuthError(res, 401, 'invalid_client');
  });

  it('refuses a wrong client_secret with 401 invalid_client', async () => {
    const { consentId, code } = await freshCode(env.bank, env.creds);
    const res = await tokenCall(env.bank, {
      grant_type: 'authorization_code', client_id: env.creds.clientId, client_secret: 'not-the-secret', code,
      redirect_uri: env.creds.redirectUri, scope: `AIS:${consentId}`, code_verifier: RFC7636_VERIFIER,
    });
    expectOAuthError(res, 401, 'invalid_client');
  });

  it('accepts the right client_secret in the form', async () => {
    const { consentId, code } = await freshCode(env.bank, env.creds);
    const res = await tokenCall(env.bank, {
      grant_type: 'authorization_code', client_id: env.creds.clientId, client_secret: env.creds.clientSecret, code,
      redirect_uri: env.creds.redirectUri, scope: `AIS:${consentId}`, code_verifier: RFC7636_VERIFIER,
    });
    expect(res.status).toBe(200);
  });

  it('refuses an unknown grant_type with 400 unsupported_grant_type', async () => {
    expectOAuthError(await tokenCall(env.bank, { grant_type: 'password', client_id: env.creds.clientId, username: 'demo', password: 'x' }), 400, 'unsupported_grant_type');
  });

  it('refuses a request without code_verifier with 400 invalid_request', async () => {
    const { consentId, code } = await freshCode(env.bank, env.creds);
    const res = await tokenCall(env.bank, {
      grant_type: 'authorization_code', client_id: env.creds.clientId, code, redirect_uri: env.creds.redirectUri, scope: `AIS:${consentId}`,
    });
    expectOAuthError(res, 400, 'invalid_request');
  });

  it('refuses a JSON body with 400 invalid_request', async () => {
    const { consentId, code } = await freshCode(env.bank, env.creds);
    const res = await call(`${env.bank.url}/oauthcec/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        grant_type: 'authorization_code', client_id: env.creds.clientId, code, redirect_uri: env.creds.redirectUri,
        scope: `AIS:${consentId}`, code_verifier: RFC7636_VERIFIER,
      }),
    });
    expectOAuthError(res, 400, 'invalid_request');
  });

  it('refuses a malformed JSON body with an RFC 6749 invalid_request, not a tppMessages body', async () => {
    const res = await call(`${env.bank.url}/oauthcec/oauth2/token`, {
      method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: '{"grant_type": ',
    });
    expectOAuthError(res, 400, 'invalid_request');
  });
});

describe('POST /oauthcec/oauth2/token grant_type=refresh_token', () => {
  const env = useEnrolledBank();

  const refresh = (refreshToken: string) =>
    tokenCall(env.bank, { grant_type: 'refresh_token', client_id: env.creds.clientId, refresh_token: refreshToken }, { 'x-ibm-client-id': env.creds.clientId });

  it('issues a new access token that works', async () => {
    const { consentId, accessToken, refreshToken } = await connectAis(env.bank, env.creds);
    const res = await refresh(refreshToken);
    expect(res.status).toBe(200);
    expect(res.body.token_type).toBe('bearer');
    expect(res.body.scope).toBe(`AIS:${consentId}`);
    expect(res.body.expires_in).toBe(3595);
    expect(res.body.access_token).not.toBe(accessToken);
    expect((await accountList(env.bank, env.creds, consentId, res.body.access_token)).status).toBe(200);
  });

  it('refuses an unknown refresh token with 400 invalid_grant', async () => {
    expectOAuthError(await refresh('AAJz-not-a-refresh-token'), 400, 'invalid_grant');
  });

  it('refuses an access token sent as refresh token with 400 invalid_grant', async () => {
    const { accessToken } = await connectAis(env.bank, env.creds);
    expectOAuthError(await refresh(accessToken), 400, 'invalid_grant');
  });

  it('refuses the refresh token of a consent the TPP deleted with 400 invalid_grant', async () => {
    const { consentId, refreshToken } = await connectAis(env.bank, env.creds);
    const del = await call(`${env.bank.url}/psd29c/v1/consents/${consentId}`, { method: 'DELETE', headers: psd2Headers(env.creds.clientId) });
    expect(del.status).toBe(204);
    expectOAuthError(await refresh(refreshToken), 400, 'invalid_grant');
  });

  it('refuses another client\'s refresh token with 400 invalid_grant', async () => {
    const other = await enrol(env.bank);
    const { refreshToken } = await connectAis(env.bank, env.creds);
    const res = await tokenCall(env.bank, { grant_type: 'refresh_token', client_id: other.clientId, refresh_token: refreshToken });
    expectOAuthError(res, 400, 'invalid_grant');
  });
});

describe('access token lifetime', () => {
  const clock = testClock(START);
  const env = useEnrolledBank({ now: clock.now });

  it('works for 3594 s, answers 401 TOKEN_EXPIRED at 3595 s, and works again after a refresh', async () => {
    const { consentId, accessToken, refreshToken } = await connectAis(env.bank, env.creds);
    clock.advance(3594_000);
    expect((await accountList(env.bank, env.creds, consentId, accessToken)).status).toBe(200);
    clock.advance(1_000);
    const expired = await accountList(env.bank, env.creds, consentId, accessToken);
    expect(expired.status).toBe(401);
    expect(tppCode(expired)).toBe('TOKEN_EXPIRED');
    const renewed = await tokenCall(env.bank, { grant_type: 'refresh_token', client_id: env.creds.clientId, refresh_token: refreshToken });
    expect(renewed.status).toBe(200);
    expect((await accountList(env.bank, env.creds, consentId, renewed.body.access_token)).status).toBe(200);
  });

});

describe('access token lifetime with the tokenTtl option', () => {
  const clock = testClock(START);
  const env = useEnrolledBank({ now: clock.now, tokenTtl: 1 });

  it('announces expires_in 1 and answers 401 TOKEN_EXPIRED a second later', async () => {
    const { consentId, code } = await freshCode(env.bank, env.creds);
    const token = await exchangeCode(env.bank, env.creds, code, `AIS:${consentId}`);
    expect(token.body.expires_in).toBe(1);
    expect((await accountList(env.bank, env.creds, consentId, token.body.access_token)).status).toBe(200);
    clock.advance(1_000);
    const expired = await accountList(env.bank, env.creds, consentId, token.body.access_token);
    expect(expired.status).toBe(401);
    expect(tppCode(expired)).toBe('TOKEN_EXPIRED');
  });
});
