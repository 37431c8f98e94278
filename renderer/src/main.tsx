import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Bridge } from '../../common/contract.js';
import { createAuthPopup, POPUP_FEATURES, POPUP_NAME, type AuthPopup, type PopupLike } from './auth-popup.js';
import { createHttpBridge } from './bridge/http-bridge.js';
import { withoutStoredSecret } from './bridge/secret.js';
import { createAppStore } from './store/app-store.js';
import { RouterProvider, createHashRouter } from 'react-router';
import { createI18n } from './i18n/i18n.js';
import { localeFor, resolveLanguage } from './i18n/language.js';
import { NAMESPACES, type Language } from './i18n/resources.js';
import { noticeWords } from './notice-words.js';
import { showNotice } from './notify.js';
import { systemLanguages } from './i18n/use-text.js';
import { AppProviders } from './ui/app-providers.js';
import { ROUTES } from './ui/routes.js';
import './styles.css';

// The system's language until the person's own choice arrives with the settings (see preferences.ts).
const i18n = createI18n(resolveLanguage('system', systemLanguages()));

const sessionStorageOrNone = (): Storage | undefined => {
  try {
    return window.sessionStorage;
  } catch {
    return undefined; // storage disabled: the secret lives in memory only
  }
};

/** Opens the popup and cuts its way back to us: the bank's pages get no handle on this tab. */
function openBankWindow(): PopupLike | null {
  const popup = window.open('about:blank', POPUP_NAME, POPUP_FEATURES);
  if (popup === null) return null;
  popup.opener = null;
  try {
    popup.document.title = i18n.t('appTitle');
    popup.document.body.textContent = i18n.t('popupWaiting');
  } catch {
    // A reused window may already show another origin: nothing to write, nothing lost.
  }
  return popup;
}

/** Electron's preload bridge when present, else browser mode over the local host. */
function chooseBridge(onReconnected: () => void): { bridge: Bridge; authPopup?: AuthPopup } {
  if (window.conturi !== undefined) return { bridge: window.conturi };
  const bridge = createHttpBridge({
    fetch: window.fetch.bind(window),
    location: window.location,
    history: window.history,
    storage: sessionStorageOrNone(),
    onReconnected,
  });
  const authPopup = createAuthPopup({
    // The popup must not start with a copy of this tab's sessionStorage, secret included.
    open: () => withoutStoredSecret(sessionStorageOrNone(), openBankWindow),
    on: (event, listener) => bridge.on(event, listener),
    every: (ms, tick) => {
      const handle = window.setInterval(tick, ms);
      return () => window.clearInterval(handle);
    },
  });
  return { bridge, authPopup };
}

// Events missed while the stream was down: reload what `connections:changed` and `sync:finished` would have carried.
let reload = () => {};
const { bridge, authPopup } = chooseBridge(() => reload());
const store = createAppStore(bridge, authPopup === undefined ? {} : { authPopup });
reload = () => {
  const s = store.getState();
  void Promise.all([s.loadConnections(), s.loadSyncStatus()]);
};
void store.getState().initialize();
// Core decides when to tell the person; shown only once they allowed it (the palette asks, on their gesture).
bridge.on('notice', (notice) => {
  showNotice(notice, (n) => noticeWords(i18n.getFixedT(null, NAMESPACES), localeFor(i18n.language as Language, systemLanguages()), n));
});
// Created after the bridge: the bridge takes browser mode's `#secret=` off the address first.
const router = createHashRouter(ROUTES);

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <AppProviders store={store} i18n={i18n}>
      <RouterProvider router={router} />
    </AppProviders>
  </StrictMode>,
);
