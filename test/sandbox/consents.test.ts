import { describe, expect, it } from 'vitest';
import { type TestBank } from '../helpers/bank.js';
import { useEnrolledBank } from '../helpers/enrolled-bank.js';
import { aisOnlyCertificate } from '../helpers/certificates.js';
import { call, psd2Headers, type Answer } from '../helpers/http.js';
import { guideRedirectUri, guideRequestId } from '../fixtures/cec-guide.js';

/**
 * Berlin Group 1.3.12 request bodies (`psd2-api_v1.3.12-2022-07-06.yaml`, components/examples
 * `consentsExample_DedicatedAccounts` and `consentsExample_AccountList`). The examples write
 * `recurringIndicator` as a string and omit `combinedServiceIndicator`, which the `consents`
 * schema requires as booleans; the schema wins here. Their 2017 `validUntil` lies in the past, so
 * the accepted bodies take a later day and the verbatim date is checked on its own.
 */
const bgDedicatedAccounts = {
  access: {
    balances: [{ iban: 'DE40100100103307118608' }, { iban: 'DE02100100109307118603', currency: 'USD' }, { iban: 'DE67100100101306118605' }],
    transactions: [{ iban: 'DE40100100103307118608' }, { maskedPan: '123456xxxxxx1234' }],
  },
  recurringIndicator: true,
  validUntil: '2017-11-01',
  frequencyPerDay: 4,
  combinedServiceIndicator: false,
};
const bgAccountList = {
  access: { availableAccounts: 'allAccounts' },
  recurringIndicator: false,
  validUntil: '2017-08-06',
  frequencyPerDay: 1,
  combinedServiceIndicator: false,
};
const FUTURE = '2099-12-31';

/** CEC's id form: a time-based (version 1) UUID, as in the guide's "d5efc274-5674-11f0-b039-0a0800610000". */
const cecId = /^[0-9a-f]{8}-[0-9a-f]{4}-1[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const post = (bank: TestBank, headers: Record<string, string>, body?: string): Promise<Answer<any>> =>
  call(`${bank.url}/psd29c/v1/consents`, { method: 'POST', headers, ...(body === undefined ? {} : { body }) });

function expectError(answer: Answer, status: number, code: string): void {
  expect(answer.status).toBe(status);
  expect(answer.body).toEqual({ tppMessages: [{ category: 'ERROR', code, text: expect.any(String) }] });
}

describe('POST /psd29c/v1/consents', () => {
  const env = useEnrolledBank({}, { redirectUri: guideRedirectUri });

  const headers = (extra: Record<string, string | undefined> = {}) =>
    psd2Headers(env.creds.clientId, { 'TPP-Redirect-URI': guideRedirectUri, 'Content-Type': 'application/json', ...extra });

  it('answers CEC\'s empty body with 201, status received and a CEC-form consentId', async () => {
    const res = await post(env.bank, headers(), '');
    expect(res.status).toBe(201);
    expect(res.body.consentStatus).toBe('received');
    expect(res.body.consentId).toMatch(cecId);
  });

  it('accepts the call without any body or content type', async () => {
    const res = await post(env.bank, headers({ 'Content-Type': undefined }));
    expect(res.status).toBe(201);
    expect(res.body.consentStatus).toBe('received');
  });

  it('gives _links whose scaOAuth, self and status hrefs answer', async () => {
    const res = await post(env.bank, headers(), '');
    const { consentId, _links: links } = res.body;
    expect(Object.keys(links).sort()).toEqual(['scaOAuth', 'self', 'status']);
    const metadata = await call(links.scaOAuth.href);
    expect(metadata.status).toBe(200);
    expect(metadata.body.authorization_endpoint).toMatch(/\/oauth2\/authorize$/);
    const self = await call(links.self.href, { headers: psd2Headers(env.creds.clientId) });
    expect(self.status).toBe(200);
    expect(self.body.consentStatus).toBe('received');
    const status = await call(links.status.href, { headers: psd2Headers(env.creds.clientId) });
    expect(status.status).toBe(200);
    expect(status.body).toEqual({ consentStatus: 'received' });
    expect(links.self.href).toContain(consentId);
  });

  it('sends a Location with the authorize URL the TPP completes', async () => {
    const res = await post(env.bank, headers(), '');
    const location = new URL(res.headers.get('location') as string);
    expect(`${location.origin}${location.pathname}`).toBe(`${env.bank.url}/oauthcec/oauth2/authorize`);
    expect(location.searchParams.get('response_type')).toBe('code');
    expect(location.searchParams.get('scope')).toBe(`AIS:${res.body.consentId}`);
    expect(location.searchParams.get('redirect_uri')).toBe(guideRedirectUri);
    expect(location.searchParams.get('client_id')).toBe(env.creds.clientId);
  });

  it('echoes X-Request-ID on a success and on an error', async () => {
    const ok = await post(env.bank, headers({ 'X-Request-ID': guideRequestId }), '');
    expect(ok.status).toBe(201);
    expect(ok.headers.get('x-request-id')).toBe(guideRequestId);
    const failed = await post(env.bank, headers({ 'X-Request-ID': guideRequestId, 'TPP-Redirect-URI': undefined }), '');
    expect(failed.status).toBe(400);
    expect(failed.headers.get('x-request-id')).toBe(guideRequestId);
  });

  it.each([
    ['dedicated accounts', bgDedicatedAccounts],
    ['the list of available accounts', bgAccountList],
  ])('accepts a Berlin Group body on %s', async (_name, example) => {
    const res = await post(env.bank, headers(), JSON.stringify({ ...example, validUntil: FUTURE }));
    expect(res.status).toBe(201);
    expect(res.body.consentStatus).toBe('received');
    expect(res.body.consentId).toMatch(cecId);
  });

  it('refuses the Berlin Group example\'s past validUntil with 400 PERIOD_INVALID', async () => {
    expectError(await post(env.bank, headers(), JSON.stringify(bgDedicatedAccounts)), 400, 'PERIOD_INVALID');
  });

  it.each([
    ['access that is not an object', { ...bgAccountList, validUntil: FUTURE, access: 'allAccounts' }],
    ['an unknown availableAccounts value', { ...bgAccountList, validUntil: FUTURE, access: { availableAccounts: 'everything' } }],
    ['no recurringIndicator', { access: bgAccountList.access, validUntil: FUTURE, frequencyPerDay: 1, combinedServiceIndicator: false }],
    ['a validUntil that is no date', { ...bgAccountList, validUntil: '2099-02-30' }],
    ['a frequencyPerDay of 0', { ...bgAccountList, validUntil: FUTURE, frequencyPerDay: 0 }],
  ])('refuses a Berlin Group body with %s with 400 FORMAT_ERROR', async (_name, body) => {
    expectError(await post(env.bank, headers(), JSON.stringify(body)), 400, 'FORMAT_ERROR');
  });

  it('refuses malformed JSON with 400 FORMAT_ERROR', async () => {
    expectError(await post(env.bank, headers(), '{"access": {'), 400, 'FORMAT_ERROR');
  });

  it('refuses a call without TPP-Redirect-URI with 400 FORMAT_ERROR', async () => {
    expectError(await post(env.bank, headers({ 'TPP-Redirect-URI': undefined }), ''), 400, 'FORMAT_ERROR');
  });

  it('refuses a relative TPP-Redirect-URI with 400 FORMAT_ERROR', async () => {
    expectError(await post(env.bank, headers({ 'TPP-Redirect-URI': '/redirect' }), ''), 400, 'FORMAT_ERROR');
  });

  it('accepts a certificate with only the PSP_AI role', async () => {
    const res = await post(env.bank, headers({ 'TPP-Signature-Certificate': aisOnlyCertificate() }), '');
    expect(res.status).toBe(201);
    const status = await call(res.body._links.status.href, { headers: psd2Headers(env.creds.clientId, { 'TPP-Signature-Certificate': aisOnlyCertificate() }) });
    expect(status.body).toEqual({ consentStatus: 'received' });
  });
});

describe('POST /psd29c/v1/consents: order of checks (§5)', () => {
  const env = useEnrolledBank({}, { redirectUri: guideRedirectUri });

  const headers = (extra: Record<string, string | undefined>) =>
    psd2Headers(env.creds.clientId, { 'TPP-Redirect-URI': guideRedirectUri, ...extra });

  it('answers a missing certificate with 401 CERTIFICATE_MISSING before a missing client id', async () => {
    expectError(await post(env.bank, headers({ 'TPP-Signature-Certificate': undefined, 'x-ibm-client-id': undefined })), 401, 'CERTIFICATE_MISSING');
  });

  it('answers a garbage certificate with 401 CERTIFICATE_INVALID before an unknown client id', async () => {
    const res = await post(env.bank, headers({ 'TPP-Signature-Certificate': 'not-a-certificate', 'x-ibm-client-id': 'nobody' }));
    expectError(res, 401, 'CERTIFICATE_INVALID');
  });

  it('answers a missing client id with 401 CLIENT_INVALID', async () => {
    expectError(await post(env.bank, headers({ 'x-ibm-client-id': undefined })), 401, 'CLIENT_INVALID');
  });

  it('answers an unknown client with 401 CLIENT_INVALID before a missing X-Request-ID', async () => {
    expectError(await post(env.bank, headers({ 'x-ibm-client-id': 'nobody-registered-this', 'X-Request-ID': undefined })), 401, 'CLIENT_INVALID');
  });

  it('answers a missing X-Request-ID with 400 FORMAT_ERROR', async () => {
    expectError(await post(env.bank, headers({ 'X-Request-ID': undefined })), 400, 'FORMAT_ERROR');
  });

  it('answers an X-Request-ID that is not a UUID with 400 FORMAT_ERROR', async () => {
    expectError(await post(env.bank, headers({ 'X-Request-ID': 'request-1' })), 400, 'FORMAT_ERROR');
  });
});
