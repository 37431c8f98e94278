import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHost, type TestHost } from '../test/helpers/host-http.js';
import { APP_CSP } from './headers.js';

/** Every probe below goes through `t.call`; the leak check at the end reads them all. */
const MIN_SEEN = 40;

describe('startHost › guards and static files', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(async () => {
    await t?.close();
  });
  it('gives a URL on 127.0.0.1 with a 43-character base64url secret in the fragment', () => {
    expect(t.host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#secret=[\w-]{43}$/);
    expect(t.host.redirectUri).toBe(`${t.host.origin}/oauth/callback`);
    expect(t.frontEnd.psuIpAddress).toBe('192.0.2.10');
  });

  describe('API guards', () => {
    it('answers a call with our Host, Origin and secret with the Result of dispatch', async () => {
      const res = await t.invoke({ method: 'profiles:list', input: {} }, { origin: t.host.origin });
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(JSON.parse(res.body)).toEqual({ ok: true, value: [{ id: 'sandbox', kind: 'sandbox', displayName: 'CEC Bank (sandbox)' }] });
    });

    it('refuses a call without the secret with 401', async () => {
      const res = await t.call('/api/invoke', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"method":"profiles:list"}' });
      expect(res.status).toBe(401);
    });

    it('refuses a wrong secret, even one of the right length, with 401', async () => {
      expect((await t.invoke({ method: 'profiles:list' }, { 'x-conturi-secret': 'A'.repeat(43) })).status).toBe(401);
      expect((await t.invoke({ method: 'profiles:list' }, { 'x-conturi-secret': `${t.secret}x` })).status).toBe(401);
      expect((await t.call('/api/events', { headers: { 'x-conturi-secret': 'nope' } })).status).toBe(401);
    });

    it.each(['http://evil.example', 'http://localhost:1', 'null', `http://127.0.0.1:${1}`])('refuses Origin %s with 403', async (origin) => {
      expect((await t.invoke({ method: 'profiles:list' }, { origin })).status).toBe(403);
    });

    it('refuses our own port under another Origin spelling with 403', async () => {
      const port = new URL(t.host.origin).port;
      expect((await t.invoke({ method: 'profiles:list' }, { origin: `http://localhost:${port}` })).status).toBe(403);
      expect((await t.invoke({ method: 'profiles:list' }, { origin: `https://127.0.0.1:${port}` })).status).toBe(403);
    });

    it('refuses a foreign Host (DNS rebinding) with 421 on every route', async () => {
      const port = new URL(t.host.origin).port;
      for (const h of [`evil.example:${port}`, `localhost:${port}`, '127.0.0.1', `127.0.0.1:${port}.evil.example`]) {
        expect((await t.invoke({ method: 'profiles:list' }, { host: h })).status).toBe(421);
        expect((await t.call('/', { headers: { host: h } })).status).toBe(421);
        expect((await t.call('/oauth/callback?code=x', { headers: { host: h } })).status).toBe(421);
      }
    });

    it('answers an unknown method with UNKNOWN_METHOD', async () => {
      const res = await t.invoke({ method: 'fs:read', input: {} });
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD', retryable: false } });
    });

    it('answers input that fails the contract with INVALID_INPUT before any handler runs', async () => {
      const res = await t.invoke({ method: 'connections:connect', input: { profileId: '../x', label: 'a' } });
      expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      const extra = await t.invoke({ method: 'profiles:list', input: { sneaky: true } });
      expect(JSON.parse(extra.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    });

    it('keeps a handler failure to a Result without detail', async () => {
      const res = await t.invoke({ method: 'accounts:list', input: {} });
      expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'INTERNAL', state: 'failed', message: 'Something went wrong inside the app.', retryable: false } });
    });

    it('refuses a body over 256 KiB with 413', async () => {
      const res = await t.invoke({ method: 'profiles:list', input: { pad: 'x'.repeat(300 * 1024) } });
      expect(res.status).toBe(413);
    });

    it('refuses bodies that are not a JSON object', async () => {
      expect((await t.invoke([1, 2])).status).toBe(400);
      expect((await t.call('/api/invoke', { method: 'POST', headers: { 'x-conturi-secret': t.secret, 'content-type': 'text/plain' }, body: '{"method":"profiles:list"}' })).status).toBe(415);
      expect((await t.call('/api/invoke', { method: 'POST', headers: { 'x-conturi-secret': t.secret, 'content-type': 'application/json' }, body: '{"method":' })).status).toBe(400);
      expect((await t.call('/api/invoke', { method: 'POST', headers: { 'x-conturi-secret': t.secret, 'content-type': 'application/json' }, body: '{"__proto__":{"x":1}}' })).status).toBe(400);
    });

    it('needs the secret on unknown API paths and other methods too', async () => {
      expect((await t.call('/api/nothing', { method: 'POST' })).status).toBe(401);
      expect((await t.call('/api/invoke', { method: 'OPTIONS', headers: { origin: 'http://evil.example' } })).status).toBe(403);
    });
  });

  describe('static files', () => {
    it('serves index.html with the CSP, nosniff, no-referrer, COOP and no-store', async () => {
      const res = await t.call('/');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-security-policy']).toBe(APP_CSP);
      expect(APP_CSP).toContain("default-src 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin-allow-popups');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toContain('<title>Conturi</title>');
      expect((await t.call('/index.html')).headers['cache-control']).toBe('no-store');
    });

    it('serves assets with their type and the same policy', async () => {
      const res = await t.call('/assets/app.js');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
      expect(res.headers['content-security-policy']).toBe(APP_CSP);
      expect((await t.call('/assets/app.js', { method: 'HEAD' })).status).toBe(200);
    });

    it.each([
      '/../package.json',
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/%2e%2e/package.json',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/assets/..\\..\\secret.txt',
      '/%00index.html',
      '/.env',
      '/.hidden/',
      '/assets/link.txt',
      '/assets/',
      '/assets',
      '/nothing.html',
    ])('answers %s with 404, never a file outside the root or a listing', async (path) => {
      const res = await t.call(path);
      expect(res.status).toBe(404);
      expect(res.body).toBe('{"error":"not found"}');
    });

    it('answers a malformed percent-encoding with 400', async () => {
      const res = await t.call('/%zz');
      expect(res.status).toBe(400);
      expect(res.body).toBe('{"error":"bad request"}');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    });
  });

  it('never puts the secret in a response body, a response header or a log line', () => {
    const { seen, logs, secret } = t;
    expect(seen.length).toBeGreaterThanOrEqual(MIN_SEEN);
    for (const res of seen) {
      expect(res.body).not.toContain(secret);
      expect(JSON.stringify(res.headers)).not.toContain(secret);
    }
    expect(logs.length).toBeGreaterThanOrEqual(MIN_SEEN);
    for (const line of logs) expect(line).not.toContain(secret);
    expect(logs).toContain('GET /../package.json 404');
  });
});
