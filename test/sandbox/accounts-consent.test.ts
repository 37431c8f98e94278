/**
 * What a consent lets a TPP read (the ticks of the consent page, §2.3) and the checks every AIS
 * read passes first, in the order §5 of the digest fixes: certificate → client id → mandatory
 * headers and query → bearer token → consent → resource; plus the gateway's headers (§3.6, §4).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { connectAis, enrol } from '../helpers/bank.js';
import { bareBase64, demoCertificatePem, expiredCertificate } from '../helpers/certificates.js';
import { tppCode, type Answer } from '../helpers/http.js';
import { guideRequestId } from '../fixtures/cec-guide.js';
import { aisBank, aisReader, monthsBefore, rateLimitValue, resourceIds, WINTER_DAY, type AisReader } from './accounts-support.js';

const since = monthsBefore(WINTER_DAY, 27);
const tx = (id: string) => `/v1/accounts/${id}/transactions?bookingStatus=booked&dateFrom=${since}`;

const expectRejected = (res: Answer, status: number, code: string, what = '') => {
  expect(res.status, `${what} ${res.text}`).toBe(status);
  expect(tppCode(res), what).toBe(code);
};

describe('consent ticks (accounts A and B; balances of A; transactions of B)', () => {
  const s = aisBank();
  let partial: AisReader;
  let A: string;
  let B: string;
  let C: string;
  let ibanA: string;
  let ibanB: string;

  beforeAll(async () => {
    const all = await resourceIds(s.reader);
    [ibanA, ibanB] = [...all.keys()] as [string, string];
    [A, B, C] = [...all.values()] as [string, string, string];
    const conn = await connectAis(s.bank, s.creds, { ticks: { accounts: [ibanA, ibanB], balances: [ibanA], transactions: [ibanB] } });
    partial = aisReader(s.bank, s.creds.clientId, conn);
  });

  it('lists only the ticked accounts, balances only where balances were ticked', async () => {
    const [a, b] = [ibanA, ibanB];
    const res = await partial.get('/v1/accounts?withBalance=true');
    expect(res.status).toBe(200);
    const list = res.body.accounts as any[];
    expect(list.map((x) => x.iban).sort()).toEqual([a, b].sort());
    expect(list.find((x) => x.iban === a).balances.length).toBeGreaterThan(0);
    expect(list.find((x) => x.iban === b)).not.toHaveProperty('balances');
  });

  it('reads what was ticked: the balances of A and the transactions of B', async () => {
    const balances = await partial.get(`/v1/accounts/${A}/balances`);
    expect(balances.status).toBe(200);
    expect(balances.body.account.iban).toBe(ibanA);
    const transactions = await partial.get(tx(B));
    expect(transactions.status).toBe(200);
    expect(transactions.body.account.iban).toBe(ibanB);
  });

  it('answers 401 CONSENT_INVALID to the balances of B and the transactions of A', async () => {
    expectRejected(await partial.get(`/v1/accounts/${B}/balances`), 401, 'CONSENT_INVALID', 'balances of B');
    expectRejected(await partial.get(tx(A)), 401, 'CONSENT_INVALID', 'transactions of A');
    const someOfA = (await s.reader.get(tx(A))).body.transactions.booked[0].transactionId;
    expectRejected(await partial.get(`/v1/accounts/${A}/transactions/${someOfA}`), 401, 'CONSENT_INVALID', 'a transaction of A');
  });

  it('answers 403 RESOURCE_UNKNOWN to an account of the PSU that was not ticked at all', async () => {
    for (const path of [`/v1/accounts/${C}`, `/v1/accounts/${C}/balances`, tx(C)]) {
      expectRejected(await partial.get(path), 403, 'RESOURCE_UNKNOWN', path);
    }
  });

  it('answers 403 RESOURCE_UNKNOWN to an account of another PSU (demo2)', async () => {
    const other = aisReader(s.bank, s.creds.clientId, await connectAis(s.bank, s.creds, { user: 'demo2' }));
    const [theirs] = [...(await resourceIds(other)).values()] as [string];
    for (const path of [`/v1/accounts/${theirs}`, `/v1/accounts/${theirs}/balances`, tx(theirs)]) {
      expectRejected(await s.reader.get(path), 403, 'RESOURCE_UNKNOWN', path);
    }
  });

  it('answers 404 RESOURCE_UNKNOWN to an unknown account id', async () => {
    for (const path of ['/v1/accounts/99999999', '/v1/accounts/99999999/balances', tx('99999999')]) {
      expectRejected(await s.reader.get(path), 404, 'RESOURCE_UNKNOWN', path);
    }
  });
});

describe('AIS read headers (GET /v1/accounts/{id}/balances)', () => {
  const s = aisBank();
  let path: string;
  let otherConsent: string;

  const read = async (extra: Record<string, string | undefined>, at = path) => s.reader.get(at, extra);

  beforeAll(async () => {
    path = `/v1/accounts/${[...(await resourceIds(s.reader)).values()][0]}/balances`;
    otherConsent = (await connectAis(s.bank, s.creds)).consentId;
  });

  it('answers 200 with every header of §2.6, the certificate as one-line PEM or bare base64 DER', async () => {
    expect((await read({})).status).toBe(200);
    expect((await read({ 'TPP-Signature-Certificate': bareBase64(demoCertificatePem) })).status).toBe(200);
  });

  it.each([
    ['no certificate', 401, 'CERTIFICATE_MISSING', { 'TPP-Signature-Certificate': undefined }],
    ['a certificate that is not base64', 401, 'CERTIFICATE_INVALID', { 'TPP-Signature-Certificate': 'not-a-certificate!' }],
    ['a PEM whose body is not X.509', 401, 'CERTIFICATE_INVALID', { 'TPP-Signature-Certificate': '-----BEGIN CERTIFICATE----- QUJDRA== -----END CERTIFICATE-----' }],
    ['no x-ibm-client-id', 401, 'CLIENT_INVALID', { 'x-ibm-client-id': undefined }],
    ['an unknown x-ibm-client-id', 401, 'CLIENT_INVALID', { 'x-ibm-client-id': 'no-such-client' }],
    ['no X-Request-ID', 400, 'FORMAT_ERROR', { 'X-Request-ID': undefined }],
    ['an X-Request-ID that is not a UUID', 400, 'FORMAT_ERROR', { 'X-Request-ID': 'request-1' }],
    ['no Consent-ID', 400, 'FORMAT_ERROR', { 'Consent-ID': undefined }],
    ['no Authorization', 401, 'TOKEN_INVALID', { Authorization: undefined }],
    ['an unknown bearer token', 401, 'TOKEN_INVALID', { Authorization: 'Bearer AAIkZ2FyYmFnZQ' }],
    ['a Basic authorization', 401, 'TOKEN_INVALID', { Authorization: 'Basic ZGVtbzpkZW1v' }],
  ] as [string, number, string, Record<string, string | undefined>][])('with %s answers %i %s', async (_name, status, code, extra) => {
    expectRejected(await read(extra), status, code);
  });

  it('answers 401 CERTIFICATE_EXPIRED to a certificate whose validity has ended', async () => {
    expectRejected(await read({ 'TPP-Signature-Certificate': expiredCertificate() }), 401, 'CERTIFICATE_EXPIRED');
  });

  it('answers 401 CONSENT_INVALID when the token was issued for another consent than Consent-ID', async () => {
    expectRejected(await read({ 'Consent-ID': otherConsent }), 401, 'CONSENT_INVALID');
  });

  it('answers 401 TOKEN_INVALID to a token of another TPP', async () => {
    const otherTpp = await enrol(s.bank);
    const theirs = await connectAis(s.bank, otherTpp);
    expectRejected(await read({ Authorization: `Bearer ${theirs.accessToken}`, 'Consent-ID': theirs.consentId }), 401, 'TOKEN_INVALID');
  });

  it.each([
    ['certificate before client id and X-Request-ID', 401, 'CERTIFICATE_MISSING', { 'TPP-Signature-Certificate': undefined, 'x-ibm-client-id': undefined, 'X-Request-ID': 'x' }],
    ['client id before X-Request-ID', 401, 'CLIENT_INVALID', { 'x-ibm-client-id': undefined, 'X-Request-ID': 'x' }],
    ['X-Request-ID before the token', 400, 'FORMAT_ERROR', { 'X-Request-ID': 'x', Authorization: 'Bearer nope' }],
    ['Consent-ID before the token', 400, 'FORMAT_ERROR', { 'Consent-ID': undefined, Authorization: undefined }],
  ] as [string, number, string, Record<string, string | undefined>][])('checks %s (§5 order): %i %s', async (_name, status, code, extra) => {
    expectRejected(await read(extra), status, code);
  });

  it('checks the query format before the token, the token before the consent, the consent before the resource (§5 order)', async () => {
    const id = path.split('/')[3] as string;
    expectRejected(await read({ Authorization: 'Bearer nope' }, `/v1/accounts/${id}/transactions?bookingStatus=foo`), 400, 'FORMAT_ERROR', 'query');
    expectRejected(await read({ Authorization: 'Bearer nope' }, '/v1/accounts?withBalance=yes'), 400, 'FORMAT_ERROR', 'list query');
    expectRejected(await read({ Authorization: 'Bearer nope', 'Consent-ID': otherConsent }), 401, 'TOKEN_INVALID', 'token');
    expectRejected(await read({ 'Consent-ID': otherConsent }, '/v1/accounts/99999999/balances'), 401, 'CONSENT_INVALID', 'consent');
  });

  it('checks certificate, client id and X-Request-ID before the withBalance query of account reads (§5 order)', async () => {
    const id = path.split('/')[3] as string;
    for (const at of ['/v1/accounts?withBalance=yes', `/v1/accounts/${id}?withBalance=yes`, '/v1/card-accounts?withBalance=yes']) {
      expectRejected(await read({ 'TPP-Signature-Certificate': undefined }, at), 401, 'CERTIFICATE_MISSING', at);
      expectRejected(await read({ 'x-ibm-client-id': undefined }, at), 401, 'CLIENT_INVALID', at);
      expectRejected(await read({ 'X-Request-ID': undefined }, at), 400, 'FORMAT_ERROR', at);
    }
  });

  it('echoes X-Request-ID on success and on each error', async () => {
    const cases: Record<string, string | undefined>[] = [
      {},
      { 'TPP-Signature-Certificate': undefined },
      { 'x-ibm-client-id': undefined },
      { 'Consent-ID': undefined },
      { Authorization: undefined },
      { 'Consent-ID': otherConsent },
    ];
    for (const extra of cases) {
      const res = await read({ ...extra, 'X-Request-ID': guideRequestId });
      expect(res.headers.get('x-request-id'), JSON.stringify(extra)).toBe(guideRequestId);
    }
    expect((await read({ 'X-Request-ID': 'request-1' })).headers.get('x-request-id')).toBe('request-1');
  });

  it('sends X-RateLimit-Limit and X-RateLimit-Remaining as name=rate-limit,N; on every answer, Remaining falling by one a call', async () => {
    const answers = [await read({}), await read({ Authorization: undefined }), await read({ 'X-Request-ID': 'x' }), await read({})];
    expect(answers.map((r) => r.status)).toEqual([200, 401, 400, 200]);
    const remaining = answers.map((r) => rateLimitValue(r.headers.get('x-ratelimit-remaining')));
    for (const r of answers) {
      const limit = rateLimitValue(r.headers.get('x-ratelimit-limit'));
      expect(limit).toBeGreaterThan(0);
      expect(rateLimitValue(r.headers.get('x-ratelimit-remaining'))).toBeLessThan(limit);
    }
    expect(remaining.slice(1)).toEqual(remaining.slice(0, -1).map((n) => n - 1));
  });
});

describe('AIS access token lifetime (3595 s, §5)', () => {
  const s = aisBank();

  it('accepts the token 3594 s after it was issued', async () => {
    s.clock.advance(3594_000);
    expect((await s.reader.get('/v1/accounts')).status).toBe(200);
  });

  it('answers 401 TOKEN_EXPIRED once 3595 s have passed', async () => {
    s.clock.advance(2_000);
    expectRejected(await s.reader.get('/v1/accounts'), 401, 'TOKEN_EXPIRED');
    const id = '99999999';
    expectRejected(await s.reader.get(`/v1/accounts/${id}/balances`), 401, 'TOKEN_EXPIRED', 'before the resource check');
  });
});
