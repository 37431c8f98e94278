import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrontEnd } from '../core/app-handlers.js';
import { fakeSession, readUntil, startTestHost, stubHandlers, type TestHost } from '../test/helpers/host-http.js';
import { startHost } from './server.js';
import { outcome, startTestSession } from '../test/helpers/auth-session.js';

const MIN_SEEN = 5;

describe('startHost › events and the OAuth callback', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(async () => {
    await t?.close();
  });

  describe('events', () => {
    it('streams the contract events as SSE with heartbeats to a reader with the secret', async () => {
      const res = await fetch(`${t.host.origin}/api/events`, { headers: { 'x-conturi-secret': t.secret } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-store');
      const reader = res.body!.getReader();
      const opened = await readUntil(reader, ': connected\n\n');
      t.frontEnd.emit('authorization:settled', { outcome: 'cancelled' });
      const after = await readUntil(reader, 'event: authorization:settled\ndata: {"outcome":"cancelled"}\n\n', opened);
      await readUntil(reader, ': heartbeat\n\n', after);
      await reader.cancel();
    });

    it('delivers each event to every open stream', async () => {
      const open = () => fetch(`${t.host.origin}/api/events`, { headers: { 'x-conturi-secret': t.secret } }).then((r) => r.body!.getReader());
      const [a, b] = await Promise.all([open(), open()]);
      await Promise.all([readUntil(a, ': connected'), readUntil(b, ': connected')]);
      t.frontEnd.emit('connections:changed', []);
      await Promise.all([readUntil(a, 'event: connections:changed\ndata: []\n\n'), readUntil(b, 'event: connections:changed\ndata: []\n\n')]);
      await Promise.all([a.cancel(), b.cancel()]);
    });
  });

  describe('OAuth callback', () => {
    const scriptNonce = (html: string) => /<script nonce="([^"]+)">window\.close\(\);<\/script>/.exec(html)?.[1];

    it('answers a callback with no open authorisation with a 400 page', async () => {
      const res = await t.call('/oauth/callback?code=abc&state=s');
      expect(res.status).toBe(400);
      expect(res.body).toContain('Nu exista nicio autorizare in curs.');
    });

    it('window mode: asks the renderer to navigate its popup, then hands the exact redirect to the session', async () => {
      const { session, seen: redirects } = fakeSession('code');
      const stream = await fetch(`${t.host.origin}/api/events`, { headers: { 'x-conturi-secret': t.secret } });
      const reader = stream.body!.getReader();
      await t.frontEnd.authorizationPort('window').open('http://bank.test/authorize?x=1', session);
      await readUntil(reader, 'event: authorization:open\ndata: {"url":"http://bank.test/authorize?x=1"}\n\n');
      await reader.cancel();

      const res = await t.call('/oauth/callback?code=abc&state=s1');
      expect(redirects).toEqual([`${t.host.origin}/oauth/callback?code=abc&state=s1`]);
      expect(res.status).toBe(200);
      expect(res.body).toContain('Autorizare finalizata. Puteti inchide aceasta fereastra.');
      const nonce = scriptNonce(res.body);
      expect(nonce).toBeDefined();
      expect(res.headers['content-security-policy']).toContain(`script-src 'nonce-${nonce}'`);
      expect(res.headers['cross-origin-opener-policy']).toBeUndefined();
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      // A replay finds the session settled.
      expect((await t.call('/oauth/callback?code=abc&state=s1')).status).toBe(400);
    });

    it('refuses a callback carrying another state with 400 and still takes the real one', async () => {
      const { session, redirect } = await startTestSession(t.frontEnd.authorizationPort('window'), `${t.host.origin}/oauth/callback`);
      const path = (url: string) => url.slice(t.host.origin.length);
      expect((await t.call(path(redirect({ code: 'forged', state: 'another-request' })))).status).toBe(400);
      expect(session.isSettled).toBe(false);
      const res = await t.call(path(redirect({ code: 'the-code' })));
      expect(res.status).toBe(200);
      expect(res.body).toContain('Autorizare finalizata.');
      await expect(outcome(session)).resolves.toEqual({ code: 'the-code' });
    });

    it('says so when the person refused on the bank page', async () => {
      const { session } = fakeSession('denied');
      await t.frontEnd.authorizationPort('window').open('http://bank.test/authorize', session);
      const res = await t.call('/oauth/callback?error=access_denied&state=s');
      expect(res.status).toBe(200);
      expect(res.body).toContain('Autorizarea a fost refuzata.');
    });

    it('system-browser mode: opens the bank page through the OS and catches the same loopback route', async () => {
      const { session, seen: redirects } = fakeSession('code');
      await t.frontEnd.authorizationPort('system-browser').open('http://bank.test/authorize?y=2', session);
      expect(t.opened).toEqual(['http://bank.test/authorize?y=2']);
      expect((await t.call('/oauth/callback?code=z')).status).toBe(200);
      expect(redirects).toHaveLength(1);
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
    expect(logs).toContain('GET /oauth/callback 200');
    // The callback's query holds the authorization code: it is never logged.
    expect(logs.join('\n')).not.toContain('code=');
  });
});

describe('startHost close', () => {
  it('ends an open authorisation as closed and frees the port', async () => {
    let frontEnd!: FrontEnd;
    const host = await startHost({ staticDir: tmpdir(), handlers: (w) => ((frontEnd = w.frontEnd), stubHandlers()) });
    const { session, cancels } = fakeSession('code');
    await frontEnd.authorizationPort('window').open('http://bank.test/a', session);
    const stream = await fetch(`${host.origin}/api/events`, { headers: { 'x-conturi-secret': new URL(host.url).hash.slice(8) } });
    await host.close();
    expect(cancels).toEqual(['closed']);
    expect(session.isSettled).toBe(true);
    await expect(stream.text()).resolves.toBe(': connected\n\n');
    await expect(fetch(host.origin)).rejects.toThrow();
  });

  it('closes again when the handlers cannot be built', async () => {
    await expect(startHost({ staticDir: tmpdir(), handlers: () => { throw new Error('no core'); } })).rejects.toThrow('no core');
  });
});
