/**
 * The production path, end to end through the contract's handlers: a `cec-production` profile
 * pointed at the sandbox over its base URL (plain http to loopback: a simulator), enrolled
 * through the Dynamic Users Register, connected through the bank's real pages, read, and kept
 * bound to the bank its credentials were issued for. Real keychain, real SQLite, real HTTP.
 */
import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type EnrolmentResult, type Handlers, type Result } from '../../common/index.js';
import { createHandlers } from '../../core/app-handlers.js';
import { toAppError } from '../../core/errors.js';
import { clientSecretKey, qwacKeyKey } from '../../core/profiles/profile-secrets.js';
import { coreWorld, psuPort, type CoreWorldForTest } from '../helpers/core-world.js';
import { testClock } from '../helpers/bank.js';
import { demoCertificatePem } from '../helpers/certificates.js';
import { selfSigned } from '../helpers/tls-certs.js';

const REDIRECT = 'https://tpp.example/cb';
const PSU_IP = '192.0.2.7';

/** A plain listener that only counts who reached it: "another bank" the secrets must never see. */
async function listener(): Promise<{ origin: string; hits: { url: string; body: string }[]; close(): Promise<void> }> {
  const hits: { url: string; body: string }[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => { body += c.toString('utf8'); });
    req.on('end', () => {
      hits.push({ url: req.url ?? '', body });
      res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no address');
  return { origin: `http://127.0.0.1:${address.port}`, hits, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('a cec-production profile on the sandbox, through the contract', () => {
  let w: CoreWorldForTest;
  let handlers: Handlers;
  let other: Awaited<ReturnType<typeof listener>>;
  /** Every URL the enrolment handlers asked for. */
  const enrolmentCalls: string[] = [];
  const recordingFetch: typeof fetch = (input, init) => {
    enrolmentCalls.push(input instanceof Request ? input.url : String(input));
    return fetch(input, init);
  };
  const call = <T = unknown>(method: string, input: unknown = {}) => dispatch(handlers, method, input, toAppError) as Promise<Result<T>>;
  const value = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const result = await call<T>(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  const developer = { username: `dev-${randomBytes(4).toString('hex')}@example.ro`, password: 'parola-sigura', organization: 'Test TPP SRL' };
  let enrolled: EnrolmentResult;
  let connectionId: string;
  const clock = testClock(new Date());

  beforeAll(async () => {
    w = await coreWorld({ now: clock.now });
    other = await listener();
    handlers = createHandlers(w.core, { authorizationPort: () => psuPort({ user: 'demo', decision: 'allow' }), psuIpAddress: PSU_IP, emit: () => {} }, recordingFetch);
  });
  afterAll(async () => {
    await w.close();
    await other.close();
  });

  const createApp = (over: Record<string, unknown> = {}) => ({
    profileId: 'p1', baseUrl: w.bankUrl, certificatePem: demoCertificatePem, ...developer,
    appName: 'Conturi', appTitle: 'Conturi Desktop', redirectUri: REDIRECT, ...over,
  });

  it('checks every enrolment input before the first call to the bank', async () => {
    const badCert = `-----BEGIN CERTIFICATE-----\n${'A'.repeat(200)}\n-----END CERTIFICATE-----`;
    const refusals = [
      await call('enrolment:register', { baseUrl: w.bankUrl, certificatePem: badCert, ...developer, firstName: 'Ana', lastName: 'Pop' }),
      await call('enrolment:create-app', createApp({ certificatePem: badCert })),
      await call('enrolment:create-app', createApp({ profileId: 'sandbox' })),
      await call('enrolment:register', { baseUrl: 'http://192.0.2.1/cec/prod', certificatePem: demoCertificatePem, ...developer, firstName: 'Ana', lastName: 'Pop' }),
      await call('enrolment:register', { baseUrl: `${w.bankUrl}?x=1`, certificatePem: demoCertificatePem, ...developer, firstName: 'Ana', lastName: 'Pop' }),
    ];
    expect(refusals.map((r) => !r.ok && r.error.code)).toEqual(['VALIDATION_ERROR', 'VALIDATION_ERROR', 'VALIDATION_ERROR', 'INVALID_INPUT', 'VALIDATION_ERROR']);
    expect(enrolmentCalls).toEqual([]);
  });

  it('enrols on a loopback simulator: register, activation mail, create app; the secret is in the keychain only and told once', async () => {
    expect(await value('enrolment:register', { baseUrl: w.bankUrl, certificatePem: demoCertificatePem, ...developer, firstName: 'Ana', lastName: 'Pop' }))
      .toEqual({ activationMailSentTo: developer.username });
    const mail = (await (await fetch(`${w.bankOrigin}/sandbox/mailbox?to=${encodeURIComponent(developer.username)}`)).json()) as { messages: { link: string }[] };
    const link = mail.messages.at(-1)?.link;
    if (link === undefined) throw new Error('no activation mail');
    expect((await fetch(link)).status).toBe(200);

    enrolled = await value<EnrolmentResult>('enrolment:create-app', createApp());
    expect(enrolled).toMatchObject({ secretStored: true, profile: { id: 'p1', kind: 'cec-production', clientId: enrolled.clientId, simulator: true } });
    expect(enrolled.problem).toBeUndefined();
    expect(enrolled.clientSecret.length).toBeGreaterThan(10);
    expect(await w.keychain.get(clientSecretKey('p1'))).toContain(enrolled.clientSecret);
    const row = w.core.db.prepare("SELECT settings FROM bank_profiles WHERE id = 'p1'").get() as { settings: string };
    expect(row.settings).toContain(enrolled.clientId);
    expect(row.settings).not.toContain(enrolled.clientSecret);
    expect(await value('profiles:list')).toContainEqual(expect.objectContaining({ id: 'p1', simulator: true, clientId: enrolled.clientId }));
  });

  it('keeps the QWAC key in the keychain and one mutual-TLS agent per profile, replaced when the QWAC changes', async () => {
    const qwac = selfSigned('Conturi QWAC');
    const profile = { id: 'p1', baseUrl: w.bankUrl, clientId: enrolled.clientId, certificatePem: demoCertificatePem, redirectUri: REDIRECT };
    // No client secret given: the one from enrolment is bound to this origin and client id, so it stays.
    await value('profiles:save-production', { ...profile, qwac });
    expect(await w.keychain.get(qwacKeyKey('p1'))).toBe(qwac.privateKeyPem);
    const row = (w.core.db.prepare("SELECT settings FROM bank_profiles WHERE id = 'p1'").get() as { settings: string }).settings;
    expect(row).toContain(JSON.stringify(qwac.certificatePem));
    expect(row).not.toContain('PRIVATE KEY');

    const settings = w.core.profiles.get('p1');
    if (settings === undefined) throw new Error('no profile');
    const first = await w.core.environments.resolve(settings);
    expect(first.clientSecret).toBe(enrolled.clientSecret);
    expect((await w.core.environments.resolve(settings)).psd2.fetch).toBe(first.psd2.fetch);

    const renewed = selfSigned('Conturi QWAC renewed');
    await value('profiles:save-production', { ...profile, qwac: renewed });
    await expect(first.psd2.fetch(`${w.bankOrigin}/sandbox/psus`)).rejects.toThrow();
    // The certificate unchanged, the key may be left out: the stored one stays.
    await value('profiles:save-production', { ...profile, qwac: { certificatePem: renewed.certificatePem } });
    expect(await w.keychain.get(qwacKeyKey('p1'))).toBe(renewed.privateKeyPem);
    const refused = await call('profiles:save-production', { ...profile, qwac: { certificatePem: qwac.certificatePem } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', message: expect.stringMatching(/private key/) } });
  });

  it('connects through the bank’s pages and reads the accounts, over the profile’s mutual-TLS fetch', async () => {
    const connected = await value<{ id: string; status: string; profileId: string }>('connections:connect', { profileId: 'p1', label: 'Production' });
    expect(connected).toMatchObject({ status: 'active', profileId: 'p1' });
    connectionId = connected.id;
    const view = await value<{ accounts: { connectionId: string; kind: string }[]; failures: unknown[] }>('accounts:list');
    expect(view.failures).toEqual([]);
    expect(view.accounts.filter((a) => a.connectionId === connectionId).map((a) => a.kind).sort()).toEqual(['account', 'account', 'account', 'card']);
  });

  it('refuses to point a profile with connections at another bank, and its secrets stay with the first', async () => {
    const secretBefore = await w.keychain.get(clientSecretKey('p1'));
    const moved = await call('profiles:save-production', { id: 'p1', baseUrl: `${other.origin}/cec/prod`, clientId: enrolled.clientId, certificatePem: demoCertificatePem, redirectUri: REDIRECT });
    expect(moved).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', message: expect.stringMatching(/connections/) } });
    const newClient = await call('profiles:save-production', { id: 'p1', baseUrl: w.bankUrl, clientId: 'someone-else', certificatePem: demoCertificatePem, redirectUri: REDIRECT, clientSecret: 'x' });
    expect(newClient).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    expect(w.core.profiles.get('p1')?.baseUrl).toBe(w.bankUrl);
    expect(await w.keychain.get(clientSecretKey('p1'))).toBe(secretBefore);
    // A refresh (the access token has run out) still goes to the first bank only.
    clock.advance(3_600_000);
    expect((await w.core.connections.accounts(connectionId, {})).accounts).toHaveLength(4);
    expect(other.hits).toEqual([]);
  });

  it('sends nothing to a host the profile row was pointed at behind the app’s back', async () => {
    const row = w.core.db.prepare("SELECT settings FROM bank_profiles WHERE id = 'p1'").get() as { settings: string };
    const tampered = JSON.stringify({ ...JSON.parse(row.settings), baseUrl: `${other.origin}/cec/prod` });
    w.core.db.prepare("UPDATE bank_profiles SET settings = ? WHERE id = 'p1'").run(tampered);
    clock.advance(3_600_000);
    await expect(w.core.connections.accounts(connectionId, {})).rejects.toMatchObject({ code: 'VALIDATION_ERROR', field: 'clientSecret' });
    expect(other.hits).toEqual([]);
    w.core.db.prepare("UPDATE bank_profiles SET settings = ? WHERE id = 'p1'").run(row.settings);
  });

  it('moves a profile without connections to another bank only with the client secret given again', async () => {
    await value('connections:remove', { connectionId });
    const moved = { id: 'p1', baseUrl: `${other.origin}/cec/prod`, clientId: enrolled.clientId, certificatePem: demoCertificatePem, redirectUri: REDIRECT };
    expect(await call('profiles:save-production', moved)).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', message: expect.stringMatching(/client secret again/) } });
    expect(await w.keychain.get(clientSecretKey('p1'))).toContain(enrolled.clientSecret);
    expect(await value('profiles:save-production', { ...moved, clientSecret: 'issued-by-the-other-bank' })).toMatchObject({ id: 'p1', simulator: true });
    const stored = await w.keychain.get(clientSecretKey('p1'));
    expect(stored).toContain('issued-by-the-other-bank');
    expect(stored).toContain(other.origin);
    expect(stored).not.toContain(enrolled.clientSecret);
    expect(other.hits).toEqual([]);
  });
});
