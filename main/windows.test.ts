import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A session whose permission handlers the test can call. */
function fakeSession() {
  return { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
}

const electron = vi.hoisted(() => {
  const constructed: { options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn> }[] = [];
  class BrowserWindow {
    loadURL = vi.fn(async () => {});
    once = vi.fn();
    show = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      constructed.push(this);
    }
  }
  return {
    constructed,
    BrowserWindow,
    app: { on: vi.fn() },
    session: { defaultSession: undefined as unknown },
    shell: { openExternal: vi.fn(async () => {}) },
  };
});
vi.mock('electron', () => electron);

const { createMainWindow, hardenApp, lockWebContents } = await import('./windows.js');

/** A webContents: navigation events plus the setters the lock calls. */
function fakeContents() {
  return Object.assign(new EventEmitter(), { session: fakeSession(), setWindowOpenHandler: vi.fn() });
}
type Contents = ReturnType<typeof fakeContents>;
const navigate = (contents: Contents, event: 'will-navigate' | 'will-redirect', url: string) => {
  const details = { url, preventDefault: vi.fn() };
  contents.emit(event, details);
  return details.preventDefault.mock.calls.length > 0 ? 'denied' : 'allowed';
};
const openWindow = (contents: Contents, url: string) => (contents.setWindowOpenHandler.mock.calls[0]?.[0] as (d: { url: string }) => unknown)({ url });

beforeEach(() => {
  electron.constructed.length = 0;
  electron.app.on.mockClear();
  electron.shell.openExternal.mockClear();
});

describe('createMainWindow', () => {
  it('gives the window the locked-down webPreferences and loads the app origin', () => {
    createMainWindow('/app/dist/electron/preload.cjs');
    const [win] = electron.constructed;
    expect((win?.options as { webPreferences: unknown }).webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      preload: '/app/dist/electron/preload.cjs',
    });
    expect(win?.loadURL).toHaveBeenCalledWith('app://conturi/index.html');
  });
});

describe('hardenApp', () => {
  it('denies every permission request and check on the default session', () => {
    const defaultSession = fakeSession();
    electron.session.defaultSession = defaultSession;
    hardenApp(() => false);
    const request = defaultSession.setPermissionRequestHandler.mock.calls[0]?.[0] as (c: unknown, p: string, cb: (ok: boolean) => void) => void;
    const answer = vi.fn();
    request({}, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
    const check = defaultSession.setPermissionCheckHandler.mock.calls[0]?.[0] as (c: unknown, p: string) => boolean;
    expect(check({}, 'clipboard-read')).toBe(false);
  });

  it('locks every webContents created later', () => {
    electron.session.defaultSession = fakeSession();
    hardenApp(() => false);
    expect(electron.app.on.mock.calls[0]?.[0]).toBe('web-contents-created');
    const contents = fakeContents();
    (electron.app.on.mock.calls[0]?.[1] as (e: unknown, c: Contents) => void)({}, contents);
    expect(navigate(contents, 'will-navigate', 'https://evil.example/')).toBe('denied');
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    expect(contents.session.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
  });
});

describe('lockWebContents › the app window', () => {
  let contents: Contents;
  beforeEach(() => {
    contents = fakeContents();
    lockWebContents(contents as never, () => false);
  });

  it('allows navigation on the app origin only', () => {
    expect(navigate(contents, 'will-navigate', 'app://conturi/index.html#/accounts')).toBe('allowed');
    for (const url of ['https://evil.example/', 'http://127.0.0.1:8080/', 'app://other/index.html', 'file:///etc/passwd']) {
      expect(navigate(contents, 'will-navigate', url)).toBe('denied');
      expect(navigate(contents, 'will-redirect', url)).toBe('denied');
    }
  });

  it('sends a denied link to an allow-listed site to the browser instead', () => {
    expect(navigate(contents, 'will-navigate', 'https://www.cec.ro/')).toBe('denied');
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://www.cec.ro/');
  });

  it('denies every window.open, passing only allow-listed https URLs to the browser', () => {
    expect(openWindow(contents, 'https://evil.example/')).toEqual({ action: 'deny' });
    expect(openWindow(contents, 'app://conturi/index.html')).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
    expect(openWindow(contents, 'https://apiportal.cec.ro/')).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://apiportal.cec.ro/');
  });

  it('refuses to attach a <webview>', () => {
    const event = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it("denies the contents' own session every permission", () => {
    const request = contents.session.setPermissionRequestHandler.mock.calls[0]?.[0] as (c: unknown, p: string, cb: (ok: boolean) => void) => void;
    const answer = vi.fn();
    request({}, 'notifications', answer);
    expect(answer).toHaveBeenCalledWith(false);
  });
});

describe('lockWebContents › the OAuth window', () => {
  it("lets the bank's pages browse https and loopback http, nothing else", () => {
    const contents = fakeContents();
    lockWebContents(contents as never, () => true);
    expect(navigate(contents, 'will-navigate', 'https://api.cec.ro/oauthcec/oauth2/authorize?x=1')).toBe('allowed');
    expect(navigate(contents, 'will-redirect', 'https://login.cec.ro/step2')).toBe('allowed');
    expect(navigate(contents, 'will-navigate', 'http://127.0.0.1:4010/cec/prod/login')).toBe('allowed');
    for (const url of ['http://bank.example/', 'app://conturi/index.html', 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(navigate(contents, 'will-navigate', url)).toBe('denied');
    }
    expect(openWindow(contents, 'https://api.cec.ro/help')).toEqual({ action: 'deny' });
  });
});
