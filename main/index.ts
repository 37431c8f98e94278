import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { app, dialog, net, shell, type BrowserWindow } from 'electron';
import type { Settings } from '../common/index.js';
import { createAppCore } from '../core/app-core.js';
import { createHandlers, type FrontEnd } from '../core/app-handlers.js';
import { LocalStoreLockedError } from '../core/errors.js';
import { OsKeychain } from '../core/keychain/os-keychain.js';
import { createLogger } from '../core/logging/logger.js';
import { openLocalStore, storeWorld, type LocalStore } from '../core/local-store.js';
import { adoptLegacyData, defaultDataDir } from '../core/platform/data-dir.js';
import { openThroughPrivatePage } from '../core/platform/private-page.js';
import { psuIpAddress } from '../core/platform/psu-address.js';
import { loadVendorProfile, vendorProfilePaths } from '../core/profiles/vendor-profile.js';
import { openDatabase } from '../core/store/database.js';
import { SettingsStore } from '../core/store/settings.js';
import { storeSession, type StoreSession } from '../core/store-session.js';
import { embeddedSandbox } from '../sandbox/embedded.js';
import { handleAppProtocol, registerAppScheme } from './app-protocol.js';
import { eventSender, registerIpc } from './ipc.js';
import { OAuthFlowController } from './oauth-flow.js';
import { isOAuthSession, openOAuthSurface } from './oauth-window.js';
import { loopbackRedirectUri, SystemBrowserPort } from './system-browser.js';
import { createMainWindow, hardenApp } from './windows.js';

/**
 * The composition root: Electron's adapters into core, core's handlers onto IPC, and the windows.
 * No business logic lives here.
 */

/**
 * The window's redirect URI. Never loaded: the OAuth window catches it before any request
 * leaves, and `.invalid` is reserved (RFC 2606), so it could not resolve anyway.
 */
const WINDOW_REDIRECT_URI = 'https://conturi.invalid/oauth/callback';

// The bundle is CommonJS (scripts/build-electron.mjs): __dirname is dist/electron, in a checkout and in app.asar alike.
const here = __dirname;

/** Chromium's network stack, so the system proxy and the OS certificate store apply to bank calls. */
const electronFetch: typeof fetch = (input, init) => net.fetch(input instanceof URL ? input.href : input, init);

app.enableSandbox();
registerAppScheme();
if (app.requestSingleInstanceLock()) {
  let mainWindow: BrowserWindow | undefined;
  app.on('second-instance', () => {
    if (mainWindow === undefined) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.whenReady()
    .then(() => start({ window: () => mainWindow, setWindow: (win) => (mainWindow = win) }))
    .catch(fatal);
} else {
  // A second launch only brings the first forward (its `second-instance`); two writers would share one database.
  app.quit();
}

interface WindowSlot {
  window(): BrowserWindow | undefined;
  setWindow(win: BrowserWindow | undefined): void;
}

async function start(slot: WindowSlot): Promise<void> {
  // Once ready (the session module needs it) and before the first window, so no webContents escapes the lock.
  hardenApp((contents) => isOAuthSession(contents.session));
  // The folder browser mode uses too (userData keeps only Chromium's own profile); versions up to
  // 0.1 kept the database in userData, and it moves over once.
  const dataDir = defaultDataDir({ platform: process.platform, env: process.env, home: app.getPath('home') });
  adoptLegacyData(app.getPath('userData'), dataDir);
  const store = await openLocalStore({ dataDir, keychain: new OsKeychain(), frontEnd: 'the Conturi app' });
  const bank = embeddedSandbox({ port: 0, dataDir: store.bankDir }, readFileSync(join(here, 'demo-tpp.cert.pem'), 'utf8'));
  const redirectUri = storedAuthorizationMode(store) === 'system-browser' ? loopbackRedirectUri() : WINDOW_REDIRECT_URI;
  const logger = await createLogger({ dir: store.logDir });
  // Read once at start (docs/vendor-profile.md): a published build carries it in its resources folder.
  const vendorProfile = loadVendorProfile(vendorProfilePaths({
    env: process.env, dataDir: store.dataDir, ...(app.isPackaged ? { resourcesDir: process.resourcesPath } : {}),
  }));
  const trusted = () => slot.window()?.webContents;
  const oauth = new OAuthFlowController({ openSurface: () => openOAuthSurface(slot.window()) });
  // electronegativity-justified: OPEN_EXTERNAL_JS_CHECK — a file:// page of our own in the data folder, forwarding to the authorize URL core built (SystemBrowserPort admits http(s) only); its state never reaches xdg-open's arguments.
  const systemBrowser = new SystemBrowserPort({ openBrowser: (url, until) => openThroughPrivatePage(dataDir, url, until, (fileUrl) => shell.openExternal(fileUrl)) });
  const frontEnd: FrontEnd = {
    authorizationPort: (mode) => (mode === 'window' ? { open: (url, session) => oauth.open(url, session) } : systemBrowser),
    // A getter: the device's address may change while the app runs (Wi-Fi to cable).
    get psuIpAddress() {
      return psuIpAddress();
    },
    emit: eventSender(trusted),
  };
  const session = storeSession(store, (s) => {
    const core = createAppCore({ fetch: electronFetch, ...storeWorld(s), redirectUri, logger, embedded: bank, vendorProfile });
    const handlers = createHandlers(core, frontEnd, electronFetch);
    // The app stays open: it keeps the local copy fresh on its own (see docs/sync.md).
    core.scheduler.start();
    // Payments a previous run left unfinished are followed to their end (see docs/payments.md).
    core.paymentFollower.start();
    return { core, handlers };
  });
  const disposeIpc = registerIpc(session.handlers, trusted);

  handleAppProtocol(join(here, '..', 'renderer'));
  const openWindow = () => {
    const win = createMainWindow(join(here, 'preload.cjs'));
    win.on('closed', () => slot.setWindow(undefined));
    slot.setWindow(win);
  };
  openWindow();
  app.on('activate', () => slot.window() ?? openWindow());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  onQuit(async () => {
    oauth.closeAll();
    disposeIpc();
    closeSession(session);
    await bank.close();
  });
}

/**
 * The sandbox's redirect follows the mode stored when the app starts (see system-browser.ts). A
 * locked local copy has no stored mode: the default, until the person starts fresh.
 */
function storedAuthorizationMode(store: LocalStore): Settings['authorizationMode'] {
  let db;
  try {
    db = openDatabase(store.databasePath, store.databaseKey);
  } catch (error) {
    if (error instanceof LocalStoreLockedError) return 'window';
    throw error;
  }
  try {
    return new SettingsStore(db).get().authorizationMode;
  } finally {
    db.close();
  }
}

/** Runs `cleanup` once before quitting: the sandbox bank flushes its state to disk on close. */
function onQuit(cleanup: () => Promise<void>): void {
  let done = false;
  app.on('before-quit', (event) => {
    if (done) return;
    event.preventDefault();
    cleanup()
      .catch((error: unknown) => console.error('conturi: cleanup failed', error))
      .finally(() => {
        done = true;
        app.quit();
      });
  });
}

function closeSession(session: StoreSession): void {
  try {
    session.close();
  } catch (error) {
    console.error('conturi: closing the database failed', error);
  }
}

function fatal(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.error('conturi: could not start', error);
  dialog.showErrorBox('Conturi could not start', message);
  app.exit(1);
}
