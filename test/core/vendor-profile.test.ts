/**
 * A build with a vendor profile (docs/vendor-profile.md): the profile file, read at start, is
 * listed as a production profile and connects through the bank's own pages as a public client —
 * no client secret in the keychain or in any token request, the PKCE verifier alone proving the
 * code — against the sandbox bank over HTTP, with the real keychain and a real SQLite file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type AppInfo, type Handlers, type ProfileView, type Result } from '../../common/index.js';
import { createHandlers } from '../../core/app-handlers.js';
import { toAppError } from '../../core/errors.js';
import { clientSecretKey } from '../../core/profiles/profile-secrets.js';
import { loadVendorProfile, VENDOR_PROFILE_FILE } from '../../core/profiles/vendor-profile.js';
import { bankFor, enrol, testClock, type TestBank } from '../helpers/bank.js';
import { coreWorld, psuPort, type CoreWorldForTest } from '../helpers/core-world.js';

const REDIRECT = 'https://tpp.example/cb';
const demoCertPath = fileURLToPath(new URL('../../sandbox/demo-tpp/demo-tpp.cert.pem', import.meta.url));

function handlersOf(w: CoreWorldForTest) {
  const handlers: Handlers = createHandlers(w.core, { authorizationPort: () => psuPort({ user: 'demo', decision: 'allow' }), psuIpAddress: '192.0.2.7', syncAfterConnect: false, emit: () => {} });
  const call = <T = unknown>(method: string, input: unknown = {}) => dispatch(handlers, method, input, toAppError) as Promise<Result<T>>;
  const value = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const result = await call<T>(method, input);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  return { call, value };
}

describe('a vendor profile read at start', () => {
  let dir: string;
  let w: CoreWorldForTest;
  let api: ReturnType<typeof handlersOf>;
  /** Every token request's form, as the bank received it. */
  const tokenForms: URLSearchParams[] = [];
  const recording: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.includes('/oauth2/token') && typeof init?.body === 'string') tokenForms.push(new URLSearchParams(init.body));
    return fetch(input, init);
  };
  const clock = testClock(new Date());
  let source: string;
  let bank: TestBank;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'conturi-vendor-'));
    source = join(dir, VENDOR_PROFILE_FILE);
    bank = await bankFor({ now: clock.now });
    // The vendor registered the app at the bank once; the secret the bank showed is not shipped.
    const { clientId } = await enrol(bank, REDIRECT);
    writeFileSync(source, JSON.stringify({ baseUrl: bank.url, clientId, certificateFile: demoCertPath, redirectUri: REDIRECT }));
    w = await coreWorld({ fetch: recording, now: clock.now, core: { vendorProfile: loadVendorProfile({ paths: [source], required: false }) } });
    api = handlersOf(w);
  });
  afterAll(async () => {
    await w.close();
    await bank.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is listed as a production profile from the app, and app:info names its file', async () => {
    expect(await api.value<ProfileView[]>('profiles:list')).toContainEqual(
      expect.objectContaining({ id: 'vendor', kind: 'cec-production', displayName: 'CEC Bank', vendor: true, baseUrl: bank.url }),
    );
    expect((await api.value<AppInfo>('app:info')).vendorProfile).toEqual({ source, problem: null });
  });

  it('connects through the bank’s pages with no client secret in the keychain or in the token request', async () => {
    const connected = await api.value<{ id: string; status: string; profileId: string }>('connections:connect', { profileId: 'vendor', label: 'CEC' });
    expect(connected).toMatchObject({ status: 'active', profileId: 'vendor' });
    expect(await w.keychain.get(clientSecretKey('vendor'))).toBeUndefined();
    expect(tokenForms).toHaveLength(1);
    expect(tokenForms[0]?.get('grant_type')).toBe('authorization_code');
    expect(tokenForms[0]?.get('code_verifier')).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
    expect(tokenForms[0]?.has('client_secret')).toBe(false);

    // An hour on, the access token has run out: the refresh goes without a secret too.
    clock.advance(3_600_000);
    expect((await w.core.connections.accounts(connected.id, {})).accounts.length).toBeGreaterThan(0);
    expect(tokenForms.map((f) => f.get('grant_type'))).toEqual(['authorization_code', 'refresh_token']);
    expect(tokenForms.some((f) => f.has('client_secret'))).toBe(false);
  });

  it('shows it as a public client, and refuses to remove it or to save a profile of the person under its id', async () => {
    expect(await api.value('profiles:credentials', { profileId: 'vendor' })).toMatchObject({ profileId: 'vendor', clientSecret: 'none', certificate: { expired: false } });
    expect(await api.call('profiles:remove', { profileId: 'vendor' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    const pem = (w.core.vendor?.settings.certificatePem ?? '');
    expect(await api.call('profiles:save-production', { id: 'vendor', baseUrl: bank.url, clientId: 'mine', certificatePem: pem, redirectUri: REDIRECT }))
      .toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', message: expect.stringMatching(/reserved/) } });
  });
});

describe('a broken vendor profile', () => {
  it('leaves the app starting without it, the problem logged and in app:info', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conturi-vendor-'));
    const source = join(dir, VENDOR_PROFILE_FILE);
    writeFileSync(source, JSON.stringify({ baseUrl: 'https://api.cec.ro/cec/prod', clientId: 'x', clientSecret: 'shipped', certificateFile: demoCertPath, redirectUri: REDIRECT }));
    const w = await coreWorld({ core: { vendorProfile: loadVendorProfile({ paths: [source], required: false }) } });
    try {
      const api = handlersOf(w);
      const info = await api.value<AppInfo>('app:info');
      expect(info.vendorProfile).toEqual({ source, problem: expect.stringMatching(/carries no client secret/) });
      expect((await api.value<ProfileView[]>('profiles:list')).map((p) => p.id)).toEqual(['sandbox']);
      expect(await api.call('connections:connect', { profileId: 'vendor', label: 'CEC' })).toMatchObject({ ok: false });
      expect(w.logText()).toContain('the vendor profile is not used');
      expect(w.logText()).not.toContain('shipped');
    } finally {
      await w.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
