import { randomUUID } from 'node:crypto';
import { BrowserWindow, session, type Session } from 'electron';
import type { OAuthSurface } from './oauth-flow.js';

const oauthSessions = new WeakSet<Session>();

/** True for the session of an OAuth window: its page may browse the bank's site (see `hardenApp`). */
export const isOAuthSession = (candidate: Session): boolean => oauthSessions.has(candidate);

/**
 * Opens the bank's page for one authorisation: a modal window over the app, with no preload (the
 * bank's page gets no bridge), sandboxed, on a partition of its own that lives in memory only (no
 * `persist:` prefix) and is wiped at the end, so no bank cookie reaches the next flow or the disk.
 * TLS is Chromium's default: no certificate-error override anywhere in the app.
 */
export function openOAuthSurface(parent: BrowserWindow | undefined): OAuthSurface {
  const flowSession = session.fromPartition(`oauth-${randomUUID()}`, { cache: false });
  // Before the window exists: `web-contents-created` must already know this page may browse.
  oauthSessions.add(flowSession);
  // electronegativity-justified: AUXCLICK_JS_CHECK — a middle-click opens through setWindowOpenHandler, which denies every window (hardenApp locks this webContents too).
  const win = new BrowserWindow({
    parent,
    modal: parent !== undefined,
    width: 520,
    height: 760,
    title: 'Autorizare la bancă — Conturi',
    autoHideMenuBar: true,
    webPreferences: {
      session: flowSession,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    },
  });
  const contents = win.webContents;
  return {
    webContents: {
      on: (event, listener) =>
        event === 'will-navigate' ? contents.on('will-navigate', (details) => listener(details)) : contents.on('will-redirect', (details) => listener(details)),
    },
    interceptRequests: (patterns, decide) =>
      flowSession.webRequest.onBeforeRequest({ urls: patterns }, (details, callback) => callback({ cancel: decide(details.url) })),
    load: (url) => win.loadURL(url),
    onClosed: (listener) => win.on('closed', listener),
    // destroy, not close: a page's `beforeunload` must not keep the window (and the flow) open.
    close: () => {
      if (!win.isDestroyed()) win.destroy();
    },
    // A data: URL loaded by main: no will-navigate fires for it, and the page brings its own CSP.
    show: (html) => win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`),
    clearStorage: () => flowSession.clearStorageData(),
  };
}
