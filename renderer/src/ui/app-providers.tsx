import type { i18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { AppStore } from '../store/app-store.js';
import { StoreProvider } from './store-context.js';

/** What every component expects above it: the window's store and its i18n instance (tests render with the same). */
export function AppProviders({ store, i18n, children }: { store: AppStore; i18n: i18n; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <StoreProvider store={store}>{children}</StoreProvider>
    </I18nextProvider>
  );
}
