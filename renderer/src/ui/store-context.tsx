import { createContext, use, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { AppStore } from '../store/app-store.js';
import type { AppState } from '../store/types.js';

const StoreContext = createContext<AppStore | null>(null);

/** The store comes from the context, not a module global, so each window (and test) has its own. */
export function StoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return <StoreContext value={store}>{children}</StoreContext>;
}

export function useApp<T>(selector: (state: AppState) => T): T {
  const store = use(StoreContext);
  if (store === null) throw new Error('useApp outside StoreProvider');
  return useStore(store, selector);
}

/** For selectors that build a new array each time: re-renders only when an element changes. */
export function useAppList<T>(selector: (state: AppState) => T[]): T[] {
  return useApp(useShallow(selector));
}

/** Several fields at once (typically actions, which never change) without re-rendering on every update. */
export function usePick<K extends keyof AppState>(...keys: K[]): Pick<AppState, K> {
  return useApp(useShallow((s) => Object.fromEntries(keys.map((k) => [k, s[k]])) as Pick<AppState, K>));
}
