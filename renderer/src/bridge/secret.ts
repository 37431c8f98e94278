/** Where the tab keeps the secret between reloads. */
export const SECRET_STORAGE_KEY = 'conturi.secret';

export interface SecretSources {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  /** The tab's `sessionStorage`; absent or throwing (storage disabled) means memory only. */
  storage?: Pick<Storage, 'getItem' | 'setItem'> | undefined;
}

/**
 * Takes the browser-mode host's secret from `#secret=…` and removes it from the address, so it
 * is neither kept in history nor bookmarked nor shown over a shoulder. The fragment never
 * reaches a server, not even the host.
 *
 * Why sessionStorage as well as memory: a reload of the tab (F5) would otherwise lose the
 * secret and lock the person out until the host prints a new link. sessionStorage is per tab,
 * not shared with other tabs, and cleared when the tab closes; localStorage would outlive the
 * host's process and sit on disk. A script injected into the page could read the secret from
 * memory just as well, so storing it there adds no new reader; the CSP is what keeps such
 * scripts out.
 */
export function takeSecret({ location, history, storage }: SecretSources): string | undefined {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const fromHash = params.get('secret');
  if (fromHash !== null && fromHash !== '') {
    params.delete('secret');
    const rest = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${location.search}${rest === '' ? '' : `#${rest}`}`);
    try {
      storage?.setItem(SECRET_STORAGE_KEY, fromHash);
    } catch {
      // Storage disabled by the person's settings: memory still works until a reload.
    }
    return fromHash;
  }
  try {
    return storage?.getItem(SECRET_STORAGE_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}
