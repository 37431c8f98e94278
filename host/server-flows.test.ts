import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrontEnd } from '../core/app-handlers.js';
import { readUntil, startTestHost, stubHandlers, type TestHost } from '../test/helpers/host-http.js';
import { startHost } from './server.js';
import { outcome, startTestSession } from '../test/helpers/auth-session.js';
import { FORGED_CALLBACK_QUERIES } from '../test/fixtures/forged-callbacks.js';
import { useBank } from '../test/helpers/enrolled-bank.js';

const PROBES = FORGED_CALLBACK_QUERIES;

const sandbox = useBank();

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

    const path = (url: string) => url.slice(t.host.origin.length);
    const callbackUri = () => `${t.host.origin}/oauth/callback`;

    it('answers a callback with no open authorisation with a 400 page', async () => {
      const res = await t.call('/oauth/callback?code=abc&state=s');
      expect(res.status).toBe(400);
      expect(res.body).toContain('Nu există nicio autorizare în curs.');
    });

    it('window mode: asks the renderer to navigate its popup, then says authorised once the code is exchanged', async () => {
      const stream = await fetch(`${t.host.origin}/api/events`, { headers: { 'x-conturi-secret': t.secret } });
      const reader = stream.body!.getReader();
      await readUntil(reader, ': connected');
      const { session, bankAnswer, consentId } = await startTestSession(sandbox.bank, t.frontEnd.authorizationPort('window'), callbackUri());
      await readUntil(reader, `event: authorization:open\ndata: ${JSON.stringify({ url: session.url })}\n\n`);
      await reader.cancel();

      const real = await bankAnswer();
      const res = await t.call(path(real));
      expect(res.status).toBe(200);
      expect(res.body).toContain('Autorizare finalizată. Puteți închide această fereastră.');
      await expect(outcome(session)).resolves.toEqual({ scope: `AIS:${consentId}` });
      const nonce = scriptNonce(res.body);
      expect(nonce).toBeDefined();
      expect(res.headers['content-security-policy']).toContain(`script-src 'nonce-${nonce}'`);
      expect(res.headers['cross-origin-opener-policy']).toBeUndefined();
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      // A replay finds the session settled.
      expect((await t.call(path(real))).status).toBe(400);
    });

    it('refuses every probe without our state with 400 and still takes the real answer', async () => {
      const { session, bankAnswer, consentId } = await startTestSession(sandbox.bank, t.frontEnd.authorizationPort('window'), callbackUri());
      for (const query of PROBES) {
        const res = await t.call(`/oauth/callback?${query}`);
        expect(res.status, query).toBe(400);
        expect(res.body, query).toContain('Acest răspuns nu aparține autorizării în curs');
        expect(res.body, query).not.toContain('window.close()');
      }
      expect(session.isSettled).toBe(false);
      const res = await t.call(path(await bankAnswer()));
      expect(res.status).toBe(200);
      expect(res.body).toContain('Autorizare finalizată.');
      await expect(outcome(session)).resolves.toEqual({ scope: `AIS:${consentId}` });
    });

    it('answers only GET on the callback: a HEAD of the real answer neither spends nor settles it', async () => {
      const { session, bankAnswer, consentId } = await startTestSession(sandbox.bank, t.frontEnd.authorizationPort('window'), callbackUri());
      const real = await bankAnswer();
      const head = await t.call(path(real), { method: 'HEAD' });
      expect(head.status).toBe(404);
      expect(session.isSettled).toBe(false);
      const res = await t.call(path(real));
      expect(res.status).toBe(200);
      await expect(outcome(session)).resolves.toEqual({ scope: `AIS:${consentId}` });
    });

    it('says so when the person refused on the bank page', async () => {
      const { session, bankAnswer } = await startTestSession(sandbox.bank, t.frontEnd.authorizationPort('window'), callbackUri());
      const res = await t.call(path(await bankAnswer({ decision: 'deny' })));
      expect(res.status).toBe(200);
      expect(res.body).toContain('Autorizarea a fost refuzată.');
      await expect(outcome(session)).resolves.toEqual({ error: 'SCA_CANCELLED', reason: 'access_denied' });
    });

    it('says failed, and why, when the code of this request cannot be exchanged', async () => {
      const { session, redirect } = await startTestSession(sandbox.bank, t.frontEnd.authorizationPort('window'), callbackUri());
      const res = await t.call(path(redirect({ code: 'not-issued' })));
      expect(res.status).toBe(200);
      expect(res.body).toContain('Autorizarea nu a reușit.');
      expect(res.body).toContain('invalid_grant');
      expect(res.body).not.toContain('window.close()');
      await expect(outcome(session)).resolves.toEqual({ error: 'invalid_grant', reason: undefined });
    });

    it('system-browser mode: opens the bank page through the OS and catches the same loopback route', async () => {
      const { session, bankAnswer, consentId } = await startTestSession(sandbox.bank, t.frontEnd.authorizationPort('system-browser'), callbackUri());
      expect(t.opened).toEqual([session.url]);
      expect((await t.call(path(await bankAnswer()))).status).toBe(200);
      await expect(outcome(session)).resolves.toEqual({ scope: `AIS:${consentId}` });
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
    const { session } = await startTestSession(sandbox.bank, frontEnd.authorizationPort('window'), `${host.origin}/oauth/callback`);
    const stream = await fetch(`${host.origin}/api/events`, { headers: { 'x-conturi-secret': new URL(host.url).hash.slice(8) } });
    await host.close();
    await expect(outcome(session)).resolves.toEqual({ error: 'SCA_CANCELLED', reason: 'closed' });
    await expect(stream.text()).resolves.toBe(': connected\n\n');
    await expect(fetch(host.origin)).rejects.toThrow();
  });

  it('closes again when the handlers cannot be built', async () => {
    await expect(startHost({ staticDir: tmpdir(), handlers: () => { throw new Error('no core'); } })).rejects.toThrow('no core');
  });
});
