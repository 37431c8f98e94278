import { beforeAll, describe, expect, it } from 'vitest';
import {
  authorizeByForms,
  authorizeUrl,
  connectAis,
  createConsent,
  psuAccounts,
  REDIRECT,
  type Credentials,
  type TestBank,
} from '../helpers/bank.js';
import { useEnrolledBank } from '../helpers/enrolled-bank.js';
import { readForm, submit } from '../helpers/forms.js';
import { call, psd2Headers } from '../helpers/http.js';
import { metadataStringLists } from '../fixtures/cec-guide.js';
import { RFC7636_CHALLENGE } from '../fixtures/rfc7636.js';

const get = (url: string) => fetch(url, { redirect: 'manual' });

/** The Location of a consent, completed as a TPP does, then changed by `edit`. */
async function authorizeWith(bank: TestBank, creds: Credentials, edit: (q: URLSearchParams) => void = () => {}): Promise<string> {
  const { location } = await createConsent(bank, creds);
  const url = new URL(authorizeUrl(location, 'st-oauth'));
  edit(url.searchParams);
  return url.toString();
}

/** A page of the bank that ends the flow there: HTML, the given status, no redirect. */
async function expectBankPage(res: Response, status: number): Promise<string> {
  expect(res.status).toBe(status);
  expect(res.headers.get('location')).toBeNull();
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  return res.text();
}

/** A redirect to the registered address carrying the RFC 6749 §4.1.2.1 error and the echoed state. */
function expectErrorRedirect(res: Response, error: string): void {
  expect(res.status).toBe(302);
  const to = new URL(res.headers.get('location') as string);
  expect(`${to.origin}${to.pathname}`).toBe(REDIRECT);
  expect(to.searchParams.get('error')).toBe(error);
  expect(to.searchParams.get('state')).toBe('st-oauth');
  expect(to.searchParams.get('code')).toBeNull();
}

describe('GET /oauth/.well-known/oauthauthorization-server', () => {
  const env = useEnrolledBank();

  it('answers the same metadata under /oauth and /oauthcec', async () => {
    const a = await call(`${env.bank.url}/oauth/.well-known/oauthauthorization-server`);
    const b = await call(`${env.bank.url}/oauthcec/.well-known/oauthauthorization-server`);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.headers.get('content-type')).toMatch(/^application\/json/);
    expect(b.body).toEqual(a.body);
    expect(a.body.name).toBe('TpplauthCec');
  });

  it('sends its list fields as strings, as CEC does', async () => {
    const { body } = await call(`${env.bank.url}/oauth/.well-known/oauthauthorization-server`);
    for (const key of metadataStringLists) expect(body[key]).toMatch(/^\[[^\]]*\]$/);
    expect(body.response_types_supported).toBe('[code,none]');
    expect(body.response_modes_supported).toBe('[fragment,form_post]');
    expect(body.grant_types_supported).toContain('authorization_code');
  });

  it('names an authorization_endpoint that shows the login page for a valid request', async () => {
    const { body } = await call(`${env.bank.url}/oauth/.well-known/oauthauthorization-server`);
    const endpoint = new URL(body.authorization_endpoint);
    expect(endpoint.origin).toBe(env.bank.origin);
    const query = new URL(await authorizeWith(env.bank, env.creds)).search;
    const html = await expectBankPage(await get(`${endpoint.toString()}${query}`), 200);
    expect(html).toContain('name="username"');
    expect(html).toContain('name="accessCode"');
  });

  it('names a token_endpoint that answers an RFC 6749 error body, not 404', async () => {
    const { body } = await call(`${env.bank.url}/oauth/.well-known/oauthauthorization-server`);
    const res = await call(body.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ grant_type: 'authorization_code', client_id: env.creds.clientId }),
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'invalid_request', error_description: expect.any(String) });
  });
});

describe('GET /oauthcec/oauth2/authorize', () => {
  const env = useEnrolledBank();

  it('shows the login page for the completed Location of a consent', async () => {
    const html = await expectBankPage(await get(await authorizeWith(env.bank, env.creds)), 200);
    expect(html).toContain('Cod acces');
  });

  it('answers an unknown client_id with a 400 page and no redirect', async () => {
    const url = await authorizeWith(env.bank, env.creds, (q) => q.set('client_id', 'nobody-registered-this'));
    await expectBankPage(await get(url), 400);
  });

  it('never redirects to an unregistered redirect_uri: 400 page, no Location', async () => {
    const url = await authorizeWith(env.bank, env.creds, (q) => q.set('redirect_uri', 'https://attacker.example/cb'));
    const html = await expectBankPage(await get(url), 400);
    expect(html).not.toContain('attacker.example');
  });

  it('redirects a request without code_challenge with error=invalid_request and the state', async () => {
    expectErrorRedirect(await get(await authorizeWith(env.bank, env.creds, (q) => q.delete('code_challenge'))), 'invalid_request');
  });

  it('redirects code_challenge_method=plain with error=invalid_request and the state', async () => {
    const url = await authorizeWith(env.bank, env.creds, (q) => {
      q.set('code_challenge_method', 'plain');
      q.set('code_challenge', 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
    });
    expectErrorRedirect(await get(url), 'invalid_request');
  });

  it('redirects a scope that is not AIS:<id> or PIS:<id> with error=invalid_scope', async () => {
    expectErrorRedirect(await get(await authorizeWith(env.bank, env.creds, (q) => q.set('scope', 'accounts'))), 'invalid_scope');
  });

  it('redirects response_type=token with error=unsupported_response_type', async () => {
    expectErrorRedirect(await get(await authorizeWith(env.bank, env.creds, (q) => q.set('response_type', 'token'))), 'unsupported_response_type');
  });

  it('answers a second authorization of a valid consent with a 400 page and no redirect', async () => {
    const { consentId } = await connectAis(env.bank, env.creds);
    const url = new URL(await authorizeWith(env.bank, env.creds));
    url.searchParams.set('scope', `AIS:${consentId}`);
    await expectBankPage(await get(url.toString()), 400);
  });
});

describe('POST /oauthcec/oauth2/authorize/login', () => {
  const env = useEnrolledBank();

  const loginWith = async (username: string, accessCode: string) => {
    const page = await get(await authorizeWith(env.bank, env.creds));
    expect(page.status).toBe(200);
    return submit(readForm(await page.text(), env.bank.origin), [['username', username], ['accessCode', accessCode]]);
  };

  it('shows the consent page with every IBAN of the PSU after a good login', async () => {
    const html = await expectBankPage(await loginWith('demo', '123456'), 200);
    const ibans = (await psuAccounts(env.bank, 'demo')).map((a) => a.iban);
    expect(ibans.length).toBeGreaterThan(0);
    for (const iban of ibans) expect(html).toContain(`value="${iban}"`);
    expect(html).toContain('Permit Acces!');
  });

  it('answers an unknown user with a 401 login page and no redirect', async () => {
    const html = await expectBankPage(await loginWith('nobody', '123456'), 401);
    expect(html).toContain('name="accessCode"');
    expect(html).toContain('role="alert"');
  });

  it.each(['12345', '1234567', 'abcdef', ''])('answers the access code "%s" (not 6 digits) with a 401 login page', async (code) => {
    await expectBankPage(await loginWith('demo', code), 401);
  });
});

describe('POST /oauthcec/oauth2/authorize/decision', () => {
  let ibans: string[];
  const env = useEnrolledBank();
  beforeAll(async () => {
    ibans = (await psuAccounts(env.bank, 'demo')).map((a) => a.iban);
  });

  const consentStatus = async (consentId: string) =>
    (await call(`${env.bank.url}/psd29c/v1/consents/${consentId}/status`, { headers: psd2Headers(env.creds.clientId) })).body.consentStatus;

  it('redirects "Permit Acces!" to the registered address with a code and the same state', async () => {
    const { consentId, location } = await createConsent(env.bank, env.creds);
    const back = await authorizeByForms(env.bank, authorizeUrl(location, 'st-allow'), { decision: 'allow', ticks: { accounts: ibans } });
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get('code')).toMatch(/^\S{20,}$/);
    expect(back.searchParams.get('state')).toBe('st-allow');
    expect(back.searchParams.get('error')).toBeNull();
    expect(await consentStatus(consentId)).toBe('valid');
  });

  it('redirects "Nu sunt de acord!" with error=access_denied and marks the consent rejected', async () => {
    const { consentId, location } = await createConsent(env.bank, env.creds);
    const back = await authorizeByForms(env.bank, authorizeUrl(location, 'st-deny'), { decision: 'deny' });
    expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('st-deny');
    expect(back.searchParams.get('code')).toBeNull();
    expect(await consentStatus(consentId)).toBe('rejected');
  });

  it('keeps the PSU on the page (400) when no account is ticked', async () => {
    const { consentId, location } = await createConsent(env.bank, env.creds);
    const page = await get(authorizeUrl(location, 'st-none', RFC7636_CHALLENGE));
    const login = await submit(readForm(await page.text(), env.bank.origin), [['username', 'demo'], ['accessCode', '123456']]);
    const decision = readForm(await login.text(), env.bank.origin);
    await expectBankPage(await submit(decision, [['decision', 'allow']]), 400);
    expect(await consentStatus(consentId)).toBe('received');
  });

  it('refuses an IBAN that is not the PSU\'s with a 400 page and no redirect', async () => {
    const other = (await psuAccounts(env.bank, 'demo2'))[0]?.iban as string;
    const { consentId, location } = await createConsent(env.bank, env.creds);
    const page = await get(authorizeUrl(location));
    const login = await submit(readForm(await page.text(), env.bank.origin), [['username', 'demo'], ['accessCode', '123456']]);
    const decision = readForm(await login.text(), env.bank.origin);
    await expectBankPage(await submit(decision, [['decision', 'allow'], ['accounts', other]]), 400);
    expect(await consentStatus(consentId)).toBe('received');
  });
});
