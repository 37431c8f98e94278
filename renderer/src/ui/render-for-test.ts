import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { createFakeBridge } from '../bridge/fake-bridge.js';
import { createI18n } from '../i18n/i18n.js';
import type { Language } from '../i18n/resources.js';
import { createAppStore } from '../store/app-store.js';
import type { AppState } from '../store/types.js';
import { AppProviders } from './app-providers.js';

/**
 * A component's markup for a given store state, inside the providers and a router (links need
 * one). Server rendering reads a zustand store's initial state: the state goes there.
 */
export function renderWith(state: Partial<AppState>, element: ReactElement, language: Language = 'ro'): string {
  const store = createAppStore(createFakeBridge().bridge);
  Object.assign(store.getInitialState(), state);
  return renderToStaticMarkup(
    createElement(AppProviders, { store, i18n: createI18n(language), children: createElement(MemoryRouter, null, element) }),
  );
}

/** The text a person reads, tags dropped and spaces collapsed. */
export const visibleText = (html: string): string => html.replace(/<[^>]+>/g, ' ').replace(/&nbsp;|\u00a0|\u202f/g, ' ').replace(/\s+/g, ' ').trim();
