import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { OAuthFlowController, requestPatterns, type OAuthSurface } from './oauth-flow.js';
import { outcome, startTestSession } from '../test/helpers/auth-session.js';

const REDIRECT = 'https://conturi.invalid/oauth/callback';
const AUTHORIZE = /^https:\/\/api\.cec\.ro\//;

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
afterEach(() => vi.useRealTimers());

const start = (timeoutMs?: number) => startTestSession(controller, REDIRECT, timeoutMs);

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

  it.each(['will-redirect', 'will-navigate'] as const)('cancels an exact match caught by %s, settles with the code and closes', async (event) => {
    const { session, redirect } = await start();
    const w = windows[0]!;
    expect(w.navigate(event, redirect({ code: 'the-code' }))).toBe('cancelled');
    await expect(outcome(session)).resolves.toEqual({ code: 'the-code' });
    expect(w.surface.close).toHaveBeenCalledTimes(1);
    expect(w.surface.clearStorage).toHaveBeenCalledTimes(1);
  });

  it('cancels a redirect carrying another state but keeps the flow open for the real answer', async () => {
    const { session, redirect } = await start();
    const w = windows[0]!;
    expect(w.navigate('will-redirect', redirect({ code: 'forged', state: 'another-request' }))).toBe('cancelled');
    expect(session.isSettled).toBe(false);
    expect(w.surface.close).not.toHaveBeenCalled();
    expect(w.navigate('will-redirect', redirect({ code: 'the-code' }))).toBe('cancelled');
    await expect(outcome(session)).resolves.toEqual({ code: 'the-code' });
    expect(w.surface.close).toHaveBeenCalledTimes(1);
  });

  it('cancels an exact match caught only as a request (e.g. from a subframe)', async () => {
    const { session, redirect } = await start();
    const w = windows[0]!;
    expect(w.request(redirect({ code: 'from-frame' }))).toBe('cancelled');
    await expect(outcome(session)).resolves.toEqual({ code: 'from-frame' });
    // The same redirect seen again by another hook is still cancelled, though the session is done.
    expect(w.request(redirect({ code: 'from-frame' }))).toBe('cancelled');
    expect(w.navigate('will-navigate', 'https://api.cec.ro/after')).toBe('cancelled');
  });

  it("settles once on the bank's access_denied", async () => {
    const { session, redirect } = await start();
    const w = windows[0]!;
    expect(w.navigate('will-redirect', redirect({ error: 'access_denied' }))).toBe('cancelled');
    await expect(outcome(session)).resolves.toEqual({ error: 'SCA_CANCELLED', reason: 'access_denied' });
    expect(w.navigate('will-redirect', redirect({ code: 'late' }))).toBe('cancelled');
    await expect(outcome(session)).resolves.toEqual({ error: 'SCA_CANCELLED', reason: 'access_denied' });
    expect(w.surface.close).toHaveBeenCalledTimes(1);
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
    vi.useFakeTimers();
    controller = new OAuthFlowController({ openSurface: () => (windows.push(fakeSurface()), windows.at(-1)!.surface), timeoutMs: 60_000, log });
    const { session } = await start(10 * 60_000);
    vi.advanceTimersByTime(59_999);
    expect(session.isSettled).toBe(false);
    vi.advanceTimersByTime(1);
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
    expect(windows[0]?.navigate('will-redirect', first.redirect({ code: 'first' }))).toBe('cancelled');
    await expect(outcome(first.session)).resolves.toEqual({ code: 'first' });
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
