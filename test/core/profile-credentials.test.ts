/**
 * What Settings shows of a profile's credentials, and removing a profile: through the contract's
 * handlers, with the real keychain, a real SQLite file and the sandbox bank over HTTP.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type Handlers, type ProfileCredentials, type Result } from '../../common/index.js';
import { createHandlers } from '../../core/app-handlers.js';
import { toAppError } from '../../core/errors.js';
import { clientSecretKey, qwacKeyKey } from '../../core/profiles/profile-secrets.js';
import { enrol } from '../helpers/bank.js';
import { demoCertificatePem } from '../helpers/certificates.js';
import { coreWorld, psuPort, type CoreWorldForTest } from '../helpers/core-world.js';
import { selfSigned } from '../helpers/tls-certs.js';

const REDIRECT = 'https://tpp.example/cb';
const expiredPem = readFileSync(new URL('../fixtures/certs/expired.cert.pem', import.meta.url), 'utf8');
const demoSubject = 'C=RO, O=Conturi Demo TPP SRL, CN=Conturi Demo TPP';

describe('a profile’s credentials for Settings, and profiles:remove', () => {
  let w: CoreWorldForTest;
  let handlers: Handlers;
  let clientId: string;
  let clientSecret: string;
  const call = <T = unknown>(method: string, input: unknown = {}) => dispatch(handlers, method, input, toAppError) as Promise<Result<T>>;
  const value = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const result = await call<T>(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  const profile = () => ({ id: 'p1', baseUrl: w.bankUrl, clientId, certificatePem: demoCertificatePem, redirectUri: REDIRECT });

  beforeAll(async () => {
    w = await coreWorld();
    handlers = createHandlers(w.core, { authorizationPort: () => psuPort({ user: 'demo', decision: 'allow' }), psuIpAddress: '192.0.2.7', emit: () => {} });
    ({ clientId, clientSecret } = await enrol({ url: w.bankUrl, origin: w.bankOrigin, close: async () => {} }, REDIRECT));
  });
  afterAll(async () => {
    await w.close();
  });

  it('shows the certificate’s subject and validity and that the secret is kept, never the secret', async () => {
    await value('profiles:save-production', { ...profile(), clientSecret });
    const credentials = await value<ProfileCredentials>('profiles:credentials', { profileId: 'p1' });
    expect(credentials).toEqual({
      profileId: 'p1',
      clientSecret: 'stored',
      certificate: { subject: demoSubject, issuer: demoSubject, validFrom: '2025-01-01T00:00:00.000Z', validTo: '2035-12-31T23:59:59.000Z', expired: false },
    });
    expect(JSON.stringify(credentials)).not.toContain(clientSecret);
  });

  it('shows a QWAC with whether its key is at hand, an expired certificate as expired, and a profile without a secret as a public client', async () => {
    const qwac = selfSigned('Conturi QWAC');
    await value('profiles:save-production', { ...profile(), id: 'p2', certificatePem: expiredPem, qwac });
    const credentials = await value<ProfileCredentials>('profiles:credentials', { profileId: 'p2' });
    expect(credentials).toMatchObject({
      clientSecret: 'none',
      certificate: { validTo: '2021-01-01T00:00:00.000Z', expired: true },
      qwac: { subject: 'CN=Conturi QWAC', expired: false, keyAvailable: true },
    });
    expect(JSON.stringify(credentials)).not.toContain('PRIVATE KEY');
    await w.keychain.delete(qwacKeyKey('p2'));
    expect(await value('profiles:credentials', { profileId: 'p2' })).toMatchObject({ qwac: { keyAvailable: false } });
  });

  it('says a secret issued for another bank address is not this profile’s', async () => {
    await w.keychain.set(clientSecretKey('p2'), JSON.stringify({ v: 1, origin: 'https://elsewhere.example', clientId, secret: 'x' }));
    expect(await value('profiles:credentials', { profileId: 'p2' })).toMatchObject({ clientSecret: 'issued-elsewhere' });
  });

  it('describes the sandbox’s credentials too, and refuses an unknown profile', async () => {
    expect(await value('profiles:credentials', { profileId: 'sandbox' })).toMatchObject({ profileId: 'sandbox', certificate: { subject: demoSubject } });
    expect(await call('profiles:credentials', { profileId: 'nobody' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
  });

  it('refuses to remove a profile a connection uses, then removes it with its keychain secrets once the connection is gone', async () => {
    const connected = await value<{ id: string }>('connections:connect', { profileId: 'p1', label: 'Production' });
    expect(await call('profiles:remove', { profileId: 'p1' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', message: expect.stringMatching(/connection/) } });
    expect(await w.keychain.get(clientSecretKey('p1'))).toBeDefined();

    await value('connections:remove', { connectionId: connected.id });
    expect(await value('profiles:remove', { profileId: 'p1' })).toEqual({ removed: true });
    expect(await w.keychain.get(clientSecretKey('p1'))).toBeUndefined();
    expect((await value<{ id: string }[]>('profiles:list')).map((p) => p.id)).toEqual(['sandbox', 'p2']);

    const qwac = selfSigned('Conturi QWAC again');
    await value('profiles:save-production', { ...profile(), id: 'p3', qwac });
    await value('profiles:remove', { profileId: 'p3' });
    expect(await w.keychain.get(qwacKeyKey('p3'))).toBeUndefined();
  });

  it('refuses to remove the sandbox or a profile that does not exist', async () => {
    expect(await call('profiles:remove', { profileId: 'sandbox' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    expect(await call('profiles:remove', { profileId: 'nobody' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
  });
});
