import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { outcome, startTestSession as startSession, type TestSessionOptions } from '../test/helpers/auth-session.js';
import { DEFAULT_LOOPBACK_PORT, loopbackPort, loopbackRedirectUri, SystemBrowserPort } from './system-browser.js';
import { FORGED_CALLBACK_QUERIES } from '../test/fixtures/forged-callbacks.js';
import { useBank } from '../test/helpers/enrolled-bank.js';

/** A port that was free a moment ago. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** GET with an explicit Host header (fetch cannot set one). */
function get(url: string, host?: string): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: host === undefined ? {} : { host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

const sandbox = useBank();

const startTestSession = (p: SystemBrowserPort, uri: string, options?: TestSessionOptions) => startSession(sandbox.bank, p, uri, options);
const PROBES = FORGED_CALLBACK_QUERIES;

let openBrowser: Mock<(url: string, until: Promise<unknown>) => Promise<void>>;
let port: SystemBrowserPort;
let redirectUri: string;

beforeEach(async () => {
  openBrowser = vi.fn(async (_url: string, _until: Promise<unknown>) => {});
  port = new SystemBrowserPort({ openBrowser });
  redirectUri = loopbackRedirectUri(await freePort());
});

describe('loopbackPort', () => {
  it('reads the port of a 127.0.0.1 redirect', () => {
    expect(loopbackPort('http://127.0.0.1:47613/oauth/callback')).toBe(47_613);
    expect(loopbackRedirectUri()).toBe(`http://127.0.0.1:${DEFAULT_LOOPBACK_PORT}/oauth/callback`);
  });

  it.each(['https://conturi.invalid/oauth/callback', 'http://localhost:4000/oauth/callback', 'http://127.0.0.1/oauth/callback', 'https://127.0.0.1:4000/cb'])(
    'refuses %s',
    (uri) => expect(() => loopbackPort(uri)).toThrow(/loopback redirect URI/),
  );
});

describe('SystemBrowserPort.open', () => {
  it("opens the authorize URL in the person's browser and says authorised once the code is exchanged", async () => {
    const { session, bankAnswer, consentId } = await startTestSession(port, redirectUri);
    expect(openBrowser).toHaveBeenCalledWith(session.url, session.result);
    const answer = await get(await bankAnswer());
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('Autorizare finalizată.');
    expect(answer.headers['referrer-policy']).toBe('no-referrer');
    expect(answer.headers['cache-control']).toBe('no-store');
    expect(answer.headers['content-security-policy']).toContain("default-src 'none'");
    await expect(outcome(session)).resolves.toEqual({ scope: `AIS:${consentId}` });
  });

  it.each(PROBES)('refuses ?%s with 400, says it is not for this request, and still takes the real answer', async (query) => {
    const { session, bankAnswer, consentId } = await startTestSession(port, redirectUri);
    const answer = await get(`${redirectUri}?${query}`);
    expect(answer.status).toBe(400);
    expect(answer.body).toContain('Acest răspuns nu aparține autorizării în curs');
    expect(answer.body).not.toContain('Autorizare finalizată');
    expect(session.isSettled).toBe(false);
    const real = await get(await bankAnswer());
    expect(real.body).toContain('Autorizare finalizată.');
    await expect(outcome(session)).resolves.toEqual({ scope: `AIS:${consentId}` });
  });

  it('says failed, and why, when the bank will not exchange the code', async () => {
    const { session, redirect } = await startTestSession(port, redirectUri);
    const answer = await get(redirect({ code: 'not-issued' }));
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('Autorizarea nu a reușit.');
    expect(answer.body).toContain('invalid_grant');
    await expect(outcome(session)).resolves.toEqual({ error: 'invalid_grant', reason: undefined });
  });

  it('says refused when the person refused on the bank page', async () => {
    const { session, bankAnswer } = await startTestSession(port, redirectUri);
    expect((await get(await bankAnswer({ decision: 'deny' }))).body).toContain('Autorizarea a fost refuzată.');
    await expect(outcome(session)).resolves.toEqual({ error: 'SCA_CANCELLED', reason: 'access_denied' });
  });

  it('with a bank that may drop state: a forged state-less code is tried, refused, and the real one still works', async () => {
    const { session, bankAnswer, consentId } = await startTestSession(port, redirectUri, { stateMayBeOmitted: true });
    const forged = await get(`${redirectUri}?code=FORGED`);
    expect(forged.status).toBe(400);
    expect(forged.body).toContain('the bank did not issue this code for this request');
    expect((await get(`${redirectUri}?error=access_denied`)).status).toBe(400);
    expect(session.isSettled).toBe(false);
    const real = new URL(await bankAnswer());
    real.searchParams.delete('state');
    expect((await get(real.href)).body).toContain('Autorizare finalizată.');
    await expect(outcome(session)).resolves.toEqual({ scope: `AIS:${consentId}` });
  });

  it('stops listening once the session settles', async () => {
    const { session, bankAnswer, redirect } = await startTestSession(port, redirectUri);
    await get(await bankAnswer());
    await outcome(session);
    await vi.waitFor(() => expect(get(redirect({ code: 'again' }))).rejects.toThrow(/ECONNREFUSED/));
  });

  it('answers 404 to other paths and leaves the session open', async () => {
    const { session, redirect } = await startTestSession(port, redirectUri);
    const other = redirect({ code: 'c' }, redirectUri.replace('/oauth/callback', '/oauth/callbackx'));
    expect((await get(other)).status).toBe(404);
    expect(session.isSettled).toBe(false);
    session.cancel('closed');
  });

  it('turns away a request whose Host is not the loopback address (DNS rebinding)', async () => {
    const { session, redirect } = await startTestSession(port, redirectUri);
    expect((await get(redirect({ code: 'c' }), 'evil.example')).status).toBe(404);
    expect(session.isSettled).toBe(false);
    session.cancel('closed');
  });

  it('fails the session when the redirect URI is not a loopback one', async () => {
    const { session } = await startTestSession(port, 'https://conturi.invalid/oauth/callback');
    await expect(outcome(session)).resolves.toEqual({ error: 'VALIDATION_ERROR', reason: undefined });
    expect(openBrowser).not.toHaveBeenCalled();
  });

  it('fails the session with a clear message when the port is busy', async () => {
    const squatter = createServer();
    const busy = await new Promise<number>((resolve) => squatter.listen(0, '127.0.0.1', () => resolve((squatter.address() as AddressInfo).port)));
    try {
      const { session } = await startTestSession(port, loopbackRedirectUri(busy));
      await expect(session.result).rejects.toThrow(`Port ${busy} on 127.0.0.1 is busy`);
      expect(openBrowser).not.toHaveBeenCalled();
    } finally {
      squatter.close();
    }
  });

  it('refuses a second flow while one listens', async () => {
    const first = await startTestSession(port, redirectUri);
    const second = await startTestSession(port, redirectUri);
    await expect(outcome(second.session)).resolves.toEqual({ error: 'SCA_CANCELLED', reason: 'superseded' });
    expect(openBrowser).toHaveBeenCalledTimes(1);
    await get(await first.bankAnswer());
    await expect(outcome(first.session)).resolves.toEqual({ scope: `AIS:${first.consentId}` });
  });
});
