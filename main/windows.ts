import { app, BrowserWindow, session, type Session, type WebContents } from 'electron';
import { APP_INDEX_URL, isAppUrl } from './app-origin.js';
import { isAllowedExternal, openExternal } from './open-external.js';

/**
 * Opens the app's window on `app://conturi/index.html`; shown once painted, so no white flash.
 * The renderer runs as an untrusted web page: no Node, its own JS world, Chromium's sandbox, and
 * only the bridge the preload exposes. The options stay literal here so electronegativity can
 * read them.
 * @see https://www.electronjs.org/docs/latest/tutorial/security
 */
export function createMainWindow(preload: string): BrowserWindow {
  // electronegativity-justified: AUXCLICK_JS_CHECK — a middle-click opens through setWindowOpenHandler, which denies every window (lockWebContents).
  const win = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    title: 'Conturi',
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      // electronegativity-justified: PRELOAD_JS_CHECK — reviewed: preload/index.ts exposes only invoke and on through contextBridge (preload/index.test.ts).
      preload,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_INDEX_URL);
  return win;
}

/** Which webContents may browse the web (the bank's pages in the OAuth window); all others stay on the app origin. */
export type WebBrowsingPolicy = (contents: WebContents) => boolean;

/**
 * Locks every webContents the app ever creates, the main window's, the OAuth window's and any a
 * page might sneak in, in one place: a webContents forgotten here would be a browser with no rules.
 */
export function hardenApp(mayBrowseWeb: WebBrowsingPolicy): void {
  denyPermissions(session.defaultSession);
  app.on('web-contents-created', (_event, contents) => lockWebContents(contents, mayBrowseWeb));
}

/** Refuses every permission (camera, notifications, clipboard, geolocation…): the app needs none. */
export function denyPermissions(target: Session): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
}

/** Navigation stays on the app origin (or, for the OAuth window, on the web); no pop-ups, no `<webview>`. */
export function lockWebContents(contents: WebContents, mayBrowseWeb: WebBrowsingPolicy): void {
  denyPermissions(contents.session);
  const guard = (event: { url: string; preventDefault(): void }) => {
    if (mayNavigate(event.url, mayBrowseWeb(contents))) return;
    event.preventDefault();
    // A link to the bank's own site is for the person's browser, not for this window.
    if (isAllowedExternal(event.url)) void openExternal(event.url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * The app's own windows: the app origin only. The OAuth window: https anywhere (the bank's login
 * may span hosts) and plain http on loopback only (the embedded sandbox bank), never the app.
 */
export function mayNavigate(url: string, web: boolean): boolean {
  if (!web) return isAppUrl(url);
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  if (parsed.protocol === 'https:') return true;
  return parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
}
