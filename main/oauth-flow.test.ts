import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { OAuthFlowController, requestPatterns, type OAuthSurface } from './oauth-flow.js';
import { outcome, startTestSession, type TestSessionOptions } from '../test/helpers/auth-session.js';
import { FORGED_CALLBACK_QUERIES } from '../test/fixtures/forged-callbacks.js';
import { useBank } from '../test/helpers/enrolled-bank.js';

const REDIRECT = 'https://conturi.invalid/oauth/callback';
const AUTHORIZE = /^http:\/\/127\.0\.0\.1:\d+\/cec\/prod\/oauthcec\/oauth2\/authorize\?/;
const PROBES = FORGED_CALLBACK_QUERIES;

const sandbox = useBank();

/** A window that records what the controller did to it. */
function fakeSurface() {
  const webContents = new EventEmitter();
  let closedListener: (() => void) | undefined;
  let decide: ((url: string) => boolean) | undefined;
  const surface = {
    webContents,
    interceptRequests: vi.fn((_patterns: string[], d: (url: string) => boolean) => void (decide = d)),
    load: vi.fn(async () => {}),
    onClosed: vi.fn((l: () => void) => void (closedListener = l)),
    close: vi.fn(),
    show: vi.fn(async (_html: string) => {}),
    clearStorage: vi.fn(async () => {}),
  } satisfies OAuthSurface;
  return {
    surface,
    /** Emits a navigation and says whether the controller cancelled it. */
    navigate(event: 'will-navigate' | 'will-redirect', url: string): 'cancelled' | 'continues' {
      const details = { url, preventDefault: vi.fn() };
      webContents.emit(event, details);
      return details.preventDefault.mock.calls.length > 0 ? 'cancelled' : 'continues';
    },
    request: (url: string) => (decide?.(url) ? 'cancelled' : 'continues'),
    personCloses: () => closedListener?.(),
  };
}

let windows: ReturnType<typeof fakeSurface>[];
let log: Mock<(line: string) => void>;
let controller: OAuthFlowController;

beforeEach(() => {
  windows = [];
  log = vi.fn<(line: string) => void>();
  controller = new OAuthFlowController({
    openSurface: () => {
      const w = fakeSurface();
      windows.push(w);
      return w.surface;
    },
    log,
  });
});
const start = (options?: TestSessionOptions) => startTestSession(sandbox.bank, controller, REDIRECT, options);

describe('OAuthFlowController.open', () => {
  it("loads the bank's page and watches requests to the redirect's scheme, host and path", async () => {
    await start();
    const [w] = windows;
    expect(w?.surface.load).toHaveBeenCalledWith(expect.stringMatching(AUTHORIZE));
    expect(w?.surface.interceptRequests.mock.calls[0]?.[0]).toEqual(['https://conturi.invalid/oauth/callback*']);
  });

  it('lets foreign navigations go on (the bank\'s own login steps)', async () => {
    const { session } = await start();
    const w = windows[0]!;
    expect(w.navigate('will-navigate', 'https://api.cec.ro/cec/prod/login?step=2')).toBe('continues');
    expect(w.navigate('will-redirect', 'https://sso.cec.ro/otp')).toBe('continues');
    expect(w.request('https://api.cec.ro/static/app.js')).toBe('continues');
    expect(session.isSettled).toBe(false);
    expect(w.surface.close).not.toHaveBeenCalled();
  });

  it.each([
    ['a longer path (prefix match)', `${REDIRECT}-evil`],
    ['a sub-path', `${REDIRECT}/more`],
    ['another path', 'https://conturi.invalid/oauth/other'],
    ['a look-alike host', 'https://conturi.invalid.evil.example/oauth/callback'],
    ['plain http', 'http://conturi.invalid/oauth/callback'],
    ['another port', 'https://conturi.invalid:8443/oauth/callback'],
  ])('ignores %s even with a valid code and state', async (_name, base) => {
    const { session, redirect } = await start();
    const w = windows[0]!;
    expect(w.navigate('will-redirect', redirect({ code: 'c1' }, base))).toBe('continues');
    expect(w.navigate('will-navigate', redirect({ code: 'c1' }, base))).toBe('continues');
    expect(w.request(redirect({ code: 'c1' }, base))).toBe('continues');
    expect(session.isSettled).toBe(false);
  });

  it.each(['will-redirect', 'will-navigate'] as const)('cancels an exact match caught by %s, closes only once the code is exchanged', async (event) => {
    const { session, bankAnswer, consentId } = await start();
    const w = windows[0]!;
    expect(w.navigate(event, await bankAnswer())).toBe('cancelled');
    expect(w.surface.close).not.toHaveBeenCalled();
    await expect(outcome(session)).resolves.toEqual({ scope: `AIS:${consentId}` });
    await vi.waitFor(() => expect(w.surface.close).toHaveBeenCalledTimes(1));
    expect(w.surface.clearStorage).toHaveBeenCalledTimes(1);
    expect(w.surface.show).not.toHaveBeenCalled();
  });

  it.each(PROBES)('cancels ?%s but keeps the window on the bank page for the real answer', async (query) => {
    const { session, bankAnswer, consentId } = await start();
    const w = windows[0]!;
    expect(w.navigate('will-navigate', `${REDIRECT}?${query}`)).toBe('cancelled');
    expect(w.request(`${REDIRECT}?${query}`)).toBe('cancelled');
    await vi.waitFor(() => expect(session.rejectedRedirects).toBe(2));
    expect(session.isSettled).toBe(false);
    expect(w.surface.close).not.toHaveBeenCalled();
    expect(w.surface.show).not.toHaveBeenCalled();
    expect(w.navigate('will-redirect', await bankAnswer())).toBe('cancelled');
    await expect(outcome(session)).resolves.toEqual({ scope: `AIS:${consentId}` });
    await vi.waitFor(() => expect(w.surface.close).toHaveBeenCalledTimes(1));
  });

  it('shows why in the window when the bank will not exchange the code of this request', async () => {
    const { session, redirect } = await start();
    const w = windows[0]!;
    expect(w.navigate('will-redirect', redirect({ code: 'not-issued' }))).toBe('cancelled');
    await expect(outcome(session)).resolves.toEqual({ error: 'invalid_grant', reason: undefined });
    await vi.waitFor(() => expect(w.surface.show).toHaveBeenCalledTimes(1));
    const html = w.surface.show.mock.calls[0]?.[0] ?? '';
    expect(html).toContain('Autorizarea nu a reușit.');
    expect(html).toContain('invalid_grant');
    expect(html).toContain('http-equiv="Content-Security-Policy"');
    expect(html).not.toContain('<script');
    expect(w.surface.close).not.toHaveBeenCalled();
    expect(controller.isOpen).toBe(false);
  });

  it('cancels an exact match caught only as a request (e.g. from a subframe)', async () => {
    const { session, bankAnswer, consentId } = await start();
    const w = windows[0]!;
    const real = await bankAnswer();
    expect(w.request(real)).toBe('cancelled');
    await expect(outcome(session)).resolves.toEqual({ scope: `AIS:${consentId}` });
    // The same redirect seen again by another hook is still cancelled, though the session is done.
    expect(w.request(real)).toBe('cancelled');
    expect(w.navigate('will-navigate', 'https://api.cec.ro/after')).toBe('cancelled');
  });

  it("settles once on the bank's access_denied", async () => {
    const { session, bankAnswer, redirect } = await start();
    const w = windows[0]!;
    expect(w.navigate('will-redirect', await bankAnswer({ decision: 'deny' }))).toBe('cancelled');
    await expect(outcome(session)).resolves.toEqual({ error: 'SCA_CANCELLED', reason: 'access_denied' });
    expect(w.navigate('will-redirect', redirect({ code: 'late' }))).toBe('cancelled');
    await expect(outcome(session)).resolves.toEqual({ error: 'SCA_CANCELLED', reason: 'access_denied' });
    await vi.waitFor(() => expect(w.surface.close).toHaveBeenCalledTimes(1));
  });

  it('cancels with closed when the person closes the window, and wipes its storage', async () => {
    const { session } = await start();
    const w = windows[0]!;
    w.personCloses();
    await expect(outcome(session)).resolves.toEqual({ error: 'SCA_CANCELLED', reason: 'closed' });
    expect(w.surface.close).not.toHaveBeenCalled();
    expect(w.surface.clearStorage).toHaveBeenCalledTimes(1);
    expect(controller.isOpen).toBe(false);
  });

  it('cancels with timeout when the person never finishes', async () => {
    controller = new OAuthFlowController({ openSurface: () => (windows.push(fakeSurface()), windows.at(-1)!.surface), timeoutMs: 300, log });
    const { session } = await start({ timeoutMs: 10 * 60_000 });
    expect(session.isSettled).toBe(false);
    await expect(outcome(session)).resolves.toEqual({ error: 'SCA_CANCELLED', reason: 'timeout' });
    expect(windows[0]?.surface.close).toHaveBeenCalledTimes(1);
    expect(windows[0]?.surface.clearStorage).toHaveBeenCalledTimes(1);
  });

  it('closes the window when the session is settled elsewhere (cancel from the UI)', async () => {
    const { session } = await start();
    session.cancel('closed');
    await outcome(session);
    expect(windows[0]?.surface.close).toHaveBeenCalledTimes(1);
    expect(controller.isOpen).toBe(false);
  });

  it('refuses a second flow while one runs: the new one is cancelled, the first keeps its window', async () => {
    const first = await start();
    const second = await start();
    await expect(outcome(second.session)).resolves.toEqual({ error: 'SCA_CANCELLED', reason: 'superseded' });
    expect(windows).toHaveLength(1);
    expect(first.session.isSettled).toBe(false);
    expect(windows[0]?.navigate('will-redirect', await first.bankAnswer())).toBe('cancelled');
    await expect(outcome(first.session)).resolves.toEqual({ scope: `AIS:${first.consentId}` });
    expect(log).toHaveBeenCalledWith('oauth: refused a second authorisation while one is open');
  });

  it('opens a new flow once the previous one ended', async () => {
    const first = await start();
    windows[0]?.personCloses();
    await outcome(first.session);
    const second = await start();
    expect(windows).toHaveLength(2);
    expect(second.session.isSettled).toBe(false);
  });

  it("keeps the flow open when the bank's page fails to load (the person may still close it)", async () => {
    controller = new OAuthFlowController({
      openSurface: () => {
        const w = fakeSurface();
        w.surface.load.mockRejectedValueOnce(new Error('ERR_CONNECTION_REFUSED (-102)'));
        windows.push(w);
        return w.surface;
      },
      log,
    });
    const { session } = await start();
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith("oauth: the bank's page did not finish loading (ERR_CONNECTION_REFUSED (-102))"));
    expect(session.isSettled).toBe(false);
  });
});

describe('OAuthFlowController.closeAll', () => {
  it('ends the open flow as closed', async () => {
    const { session } = await start();
    controller.closeAll();
    await expect(outcome(session)).resolves.toEqual({ error: 'SCA_CANCELLED', reason: 'closed' });
    expect(windows[0]?.surface.close).toHaveBeenCalledTimes(1);
  });
});

describe('requestPatterns', () => {
  it('covers the redirect with its query, on any port', () => {
    expect(requestPatterns('http://127.0.0.1:47613/oauth/callback')).toEqual(['http://127.0.0.1/oauth/callback*']);
  });
});
