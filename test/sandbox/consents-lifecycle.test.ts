import { beforeAll, describe, expect, it } from 'vitest';
import {
  authorizeUrl,
  connectAis,
  createConsent,
  enrol,
  psuAccounts,
  testClock,
  type Credentials,
  type TestBank,
} from '../helpers/bank.js';
import { useEnrolledBank } from '../helpers/enrolled-bank.js';
import { call, psd2Headers, tppCode, type Answer } from '../helpers/http.js';

/** A day well inside the demo certificate's validity (the helper's default start precedes it). */
const START = new Date('2027-03-10T10:00:00Z');
/** START's calendar day in Bucharest, and §5's longest consent counted from it. */
const TODAY = '2027-03-10';
const plusDays = (iso: string, days: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const sorted = (xs: string[]) => [...xs].sort();
const ibansOf = (refs: { iban: string }[]) => sorted(refs.map((r) => r.iban));

function expectError(answer: Answer, status: number, code: string): void {
  expect(answer.status).toBe(status);
  expect(tppCode(answer)).toBe(code);
}

const consentUrl = (bank: TestBank, consentId: string, rest = '') => `${bank.url}/psd29c/v1/consents/${consentId}${rest}`;

const accounts = (bank: TestBank, creds: Credentials, consentId: string, token: string) =>
  call(`${bank.url}/psd29c/v1/accounts`, { headers: psd2Headers(creds.clientId, { Authorization: `Bearer ${token}`, 'Consent-ID': consentId }) });

const statusOf = async (bank: TestBank, creds: Credentials, consentId: string) =>
  (await call(consentUrl(bank, consentId, '/status'), { headers: psd2Headers(creds.clientId) })).body.consentStatus;

/** The PSU's accounts that are not cards: the ones `GET /v1/accounts` lists. */
const plainIbans = async (bank: TestBank, user: string) =>
  (await psuAccounts(bank, user)).filter((a) => a.kind !== 'card').map((a) => a.iban);

describe('GET /psd29c/v1/consents/{consentId}', () => {
  const clock = testClock(START);
  let ibans: string[];
  const env = useEnrolledBank({ now: clock.now });
  beforeAll(async () => {
    ibans = (await psuAccounts(env.bank, 'demo')).map((a) => a.iban);
  });

  it('lists exactly the IBANs the PSU ticked per permission, valid at most 180 days', async () => {
    const [a, b, c] = ibans as [string, string, string];
    const ticks = { accounts: [a, b, c], balances: [a], transactions: [b, c] };
    const { consentId } = await connectAis(env.bank, env.creds, { ticks });
    const res = await call(consentUrl(env.bank, consentId), { headers: psd2Headers(env.creds.clientId) });
    expect(res.status).toBe(200);
    expect(res.body.consentStatus).toBe('valid');
    expect(ibansOf(res.body.access.accounts)).toEqual(sorted(ticks.accounts));
    expect(ibansOf(res.body.access.balances)).toEqual(sorted(ticks.balances));
    expect(ibansOf(res.body.access.transactions)).toEqual(sorted(ticks.transactions));
    expect(res.body.validUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(res.body.validUntil > TODAY).toBe(true);
    expect(res.body.validUntil <= plusDays(TODAY, 180)).toBe(true);
  });

  it('answers the same consent with its token as Authorization', async () => {
    const { consentId, accessToken } = await connectAis(env.bank, env.creds);
    const res = await call(consentUrl(env.bank, consentId), { headers: psd2Headers(env.creds.clientId, { Authorization: `Bearer ${accessToken}` }) });
    expect(res.status).toBe(200);
    // Berlin Group account references: the card account is named by its masked PAN.
    const cards = (await psuAccounts(env.bank, 'demo')).filter((a) => a.kind === 'card');
    const refs = res.body.access.accounts as { iban?: string; maskedPan?: string }[];
    expect(sorted(refs.filter((r) => r.iban !== undefined).map((r) => r.iban as string))).toEqual(sorted(ibans.filter((i) => !cards.some((c) => c.iban === i))));
    expect(refs.filter((r) => r.maskedPan !== undefined).map((r) => r.maskedPan)).toEqual(cards.map((c) => c.maskedPan));
    expect(cards.length).toBe(1);
  });

  it('answers GET …/status with the status alone', async () => {
    const { consentId } = await connectAis(env.bank, env.creds);
    const res = await call(consentUrl(env.bank, consentId, '/status'), { headers: psd2Headers(env.creds.clientId) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ consentStatus: 'valid' });
  });

  it('refuses the token of another consent with 401 CONSENT_INVALID', async () => {
    const first = await connectAis(env.bank, env.creds);
    const second = await connectAis(env.bank, env.creds);
    const res = await call(consentUrl(env.bank, second.consentId), { headers: psd2Headers(env.creds.clientId, { Authorization: `Bearer ${first.accessToken}` }) });
    expectError(res, 401, 'CONSENT_INVALID');
  });

  it('answers another TPP asking for the consent with 403 CONSENT_UNKNOWN', async () => {
    const { consentId } = await connectAis(env.bank, env.creds);
    const other = await enrol(env.bank);
    expectError(await call(consentUrl(env.bank, consentId), { headers: psd2Headers(other.clientId) }), 403, 'CONSENT_UNKNOWN');
    expectError(await call(consentUrl(env.bank, consentId, '/status'), { headers: psd2Headers(other.clientId) }), 403, 'CONSENT_UNKNOWN');
    expectError(await call(consentUrl(env.bank, consentId), { method: 'DELETE', headers: psd2Headers(other.clientId) }), 403, 'CONSENT_UNKNOWN');
    expect(await statusOf(env.bank, env.creds, consentId)).toBe('valid');
  });

  it('answers an unknown consent id with 403 CONSENT_UNKNOWN', async () => {
    expectError(await call(consentUrl(env.bank, 'd5efc274-5674-11f0-b039-0a0800610000'), { headers: psd2Headers(env.creds.clientId) }), 403, 'CONSENT_UNKNOWN');
  });
});

describe('DELETE /psd29c/v1/consents/{consentId}', () => {
  const env = useEnrolledBank();

  it('answers 204, then terminatedByTpp, and the consent\'s token gets 401 CONSENT_INVALID', async () => {
    const { consentId, accessToken } = await connectAis(env.bank, env.creds);
    expect((await accounts(env.bank, env.creds, consentId, accessToken)).status).toBe(200);
    const del = await call(consentUrl(env.bank, consentId), { method: 'DELETE', headers: psd2Headers(env.creds.clientId) });
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expect(await statusOf(env.bank, env.creds, consentId)).toBe('terminatedByTpp');
    expectError(await accounts(env.bank, env.creds, consentId, accessToken), 401, 'CONSENT_INVALID');
  });

  it('ends a consent not yet authorised, whose authorize page then shows an error', async () => {
    const { consentId, location } = await createConsent(env.bank, env.creds);
    expect((await call(consentUrl(env.bank, consentId), { method: 'DELETE', headers: psd2Headers(env.creds.clientId) })).status).toBe(204);
    expect(await statusOf(env.bank, env.creds, consentId)).toBe('terminatedByTpp');
    const page = await fetch(authorizeUrl(location), { redirect: 'manual' });
    expect(page.status).toBe(400);
    expect(page.headers.get('location')).toBeNull();
  });
});

describe('POST /sandbox/consents/{consentId}/revoke (the PSU revokes in CEConline)', () => {
  const env = useEnrolledBank();

  it('makes the consent revokedByPsu and its token gets 401 CONSENT_INVALID', async () => {
    const { consentId, accessToken } = await connectAis(env.bank, env.creds);
    const res = await call(`${env.bank.origin}/sandbox/consents/${consentId}/revoke`, { method: 'POST' });
    expect(res.status).toBe(204);
    expect(await statusOf(env.bank, env.creds, consentId)).toBe('revokedByPsu');
    expectError(await accounts(env.bank, env.creds, consentId, accessToken), 401, 'CONSENT_INVALID');
  });
});

describe('POST /sandbox/consents/{consentId}/valid-until (the consent nears its end, for tests)', () => {
  const clock = testClock(START);
  const env = useEnrolledBank({ now: clock.now });
  const setValidUntil = (consentId: string, body: unknown) =>
    call(`${env.bank.origin}/sandbox/consents/${consentId}/valid-until`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const refresh = (refreshToken: string) =>
    call(`${env.bank.url}/oauthcec/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-ibm-client-id': env.creds.clientId },
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: env.creds.clientId, refresh_token: refreshToken }),
    });

  it('moves validUntil, which the consent then reports, and its refresh token ends with it', async () => {
    clock.set(START);
    const { consentId, refreshToken } = await connectAis(env.bank, env.creds);
    const soon = plusDays(TODAY, 5);
    const res = await setValidUntil(consentId, { validUntil: soon });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ consentId, validUntil: soon });
    expect((await call(consentUrl(env.bank, consentId), { headers: psd2Headers(env.creds.clientId) })).body).toMatchObject({ consentStatus: 'valid', validUntil: soon });

    clock.set(new Date(`${soon}T12:00:00Z`));
    expect((await refresh(refreshToken)).status).toBe(200);
    // The day after: the refresh token (before anything else touches the consent) and the consent are over.
    clock.set(new Date(`${plusDays(soon, 1)}T12:00:00Z`));
    const late = await refresh(refreshToken);
    expect(late.status).toBe(400);
    expect(late.body).toMatchObject({ error: 'invalid_grant' });
    expect(await statusOf(env.bank, env.creds, consentId)).toBe('expired');
  });

  it('refuses what no bank would grant: a date that is not one, past the longest consent, an unknown or ended consent', async () => {
    clock.set(START);
    const { consentId } = await connectAis(env.bank, env.creds);
    expectError(await setValidUntil(consentId, { validUntil: '2027-02-30' }), 400, 'FORMAT_ERROR');
    expectError(await setValidUntil(consentId, { validUntil: plusDays(TODAY, 5), extra: 1 }), 400, 'FORMAT_ERROR');
    expectError(await setValidUntil(consentId, { validUntil: plusDays(TODAY, 180) }), 400, 'PERIOD_INVALID');
    expectError(await setValidUntil('d5efc274-5674-11f0-b039-0a0800610000', { validUntil: plusDays(TODAY, 5) }), 404, 'CONSENT_UNKNOWN');
    expect((await call(`${env.bank.origin}/sandbox/consents/${consentId}/revoke`, { method: 'POST' })).status).toBe(204);
    expectError(await setValidUntil(consentId, { validUntil: plusDays(TODAY, 5) }), 409, 'STATUS_INVALID');
  });
});

describe('consent expiry', () => {
  const clock = testClock(START);
  const env = useEnrolledBank({ now: clock.now, tokenTtl: 400 * 86_400 });
  beforeAll(async () => {
    // Access tokens outliving the consent, so the consent check is the one that answers.
  });

  it('keeps the consent on its validUntil day, then makes it expired with 401 CONSENT_EXPIRED', async () => {
    clock.set(START);
    const { consentId, accessToken } = await connectAis(env.bank, env.creds);
    const { validUntil } = (await call(consentUrl(env.bank, consentId), { headers: psd2Headers(env.creds.clientId) })).body;
    clock.set(new Date(`${validUntil}T12:00:00Z`));
    expect((await accounts(env.bank, env.creds, consentId, accessToken)).status).toBe(200);
    expect(await statusOf(env.bank, env.creds, consentId)).toBe('valid');
    clock.set(new Date(`${plusDays(validUntil, 1)}T12:00:00Z`));
    expect(await statusOf(env.bank, env.creds, consentId)).toBe('expired');
    expectError(await accounts(env.bank, env.creds, consentId, accessToken), 401, 'CONSENT_EXPIRED');
  });

  it('expires untouched: an AIS call after validUntil is the first to see it', async () => {
    clock.set(START);
    const { consentId, accessToken } = await connectAis(env.bank, env.creds);
    clock.set(new Date(`${plusDays(TODAY, 181)}T12:00:00Z`));
    expectError(await accounts(env.bank, env.creds, consentId, accessToken), 401, 'CONSENT_EXPIRED');
    expect(await statusOf(env.bank, env.creds, consentId)).toBe('expired');
  });
});

describe('consents side by side', () => {
  const env = useEnrolledBank();

  it('keeps two consents of one PSU and one of demo2 apart', async () => {
    const [a, b, c] = (await plainIbans(env.bank, 'demo')) as [string, string, string];
    const theirs = await plainIbans(env.bank, 'demo2');
    expect(theirs.length).toBeGreaterThan(0);
    const one = await connectAis(env.bank, env.creds, { ticks: { accounts: [a] } });
    const two = await connectAis(env.bank, env.creds, { ticks: { accounts: [b, c], balances: [b] } });
    const three = await connectAis(env.bank, env.creds, { user: 'demo2', ticks: { accounts: theirs } });

    for (const [consent, expected] of [[one, [a]], [two, [b, c]], [three, theirs]] as const) {
      const res = await accounts(env.bank, env.creds, consent.consentId, consent.accessToken);
      expect(res.status).toBe(200);
      expect(sorted(res.body.accounts.map((x: { iban: string }) => x.iban))).toEqual(sorted([...expected]));
    }
    for (const consent of [one, two, three]) expect(await statusOf(env.bank, env.creds, consent.consentId)).toBe('valid');
  });

  it('refuses a token used with another Consent-ID with 401 CONSENT_INVALID', async () => {
    const mine = await connectAis(env.bank, env.creds);
    const hers = await connectAis(env.bank, env.creds, { user: 'demo2' });
    expectError(await accounts(env.bank, env.creds, hers.consentId, mine.accessToken), 401, 'CONSENT_INVALID');
    expectError(await accounts(env.bank, env.creds, mine.consentId, hers.accessToken), 401, 'CONSENT_INVALID');
  });
});
