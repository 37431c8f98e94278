import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { createFakeBridge, type FakeBridge } from '../bridge/fake-bridge.js';
import { createI18n } from '../i18n/i18n.js';
import type { Language } from '../i18n/resources.js';
import { createAppStore, type AppStore } from '../store/app-store.js';
import type { AppState } from '../store/types.js';
import { AppProviders } from '../ui/app-providers.js';

/**
 * A screen's component as the server renders it (the tests have no DOM), under a router at
 * `path`. Server rendering reads the store's initial state, so the state goes there; `fake`
 * lets a test run store actions first and then render what they left.
 */
export function renderScreen(element: ReactElement, { state = {}, path = '/', language = 'ro', fake = createFakeBridge(), store }: {
  state?: Partial<AppState>; path?: string; language?: Language; fake?: FakeBridge; store?: AppStore;
} = {}): string {
  const s = store ?? createAppStore(fake.bridge);
  Object.assign(s.getInitialState(), s.getState(), state);
  const routed = createElement(MemoryRouter, { initialEntries: [path] }, element);
  return renderToStaticMarkup(createElement(AppProviders, { store: s, i18n: createI18n(language), children: routed }));
}
