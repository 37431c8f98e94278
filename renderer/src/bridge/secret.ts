/** Where the tab keeps the secret between reloads. */
export const SECRET_STORAGE_KEY = 'conturi.secret';

export interface SecretSources {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  /** The tab's `sessionStorage`; absent or throwing (storage disabled) means memory only. */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined;
}

/** What the page address (or the tab) holds: the secret itself, a launch ticket to trade for it, or nothing. */
export type SecretSource = { kind: 'secret'; secret: string } | { kind: 'ticket'; ticket: string } | { kind: 'none' };

/**
 * Takes `#secret=…` (the address the host printed) or `#ticket=…` (the address the host opened
 * the browser at) from the fragment and removes it from the address, so it is neither kept in
 * history nor bookmarked nor shown over a shoulder. The fragment never reaches a server.
 *
 * Why sessionStorage as well as memory: a reload of the tab (F5) would otherwise lose the
 * secret and lock the person out until the host prints a new link. sessionStorage is per tab,
 * cleared when the tab closes; localStorage would outlive the host's process and sit on disk.
 * A script injected into the page could read the secret from memory just as well, so storing it
 * there adds no new reader; the CSP is what keeps such scripts out. The one copy the browser
 * makes by itself, into a window the page opens, is prevented by `withoutStoredSecret`.
 */
function takeSecret({ location, history, storage }: SecretSources): SecretSource {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const secret = params.get('secret');
  const ticket = params.get('ticket');
  if ((secret !== null && secret !== '') || (ticket !== null && ticket !== '')) {
    params.delete('secret');
    params.delete('ticket');
    const rest = params.toString();
    history.replaceState(history.state, '', `${location.pathname}${location.search}${rest === '' ? '' : `#${rest}`}`);
  }
  if (secret !== null && secret !== '') {
    keep(storage, secret);
    return { kind: 'secret', secret };
  }
  if (ticket !== null && ticket !== '') return { kind: 'ticket', ticket };
  try {
    const kept = storage?.getItem(SECRET_STORAGE_KEY);
    return kept === null || kept === undefined || kept === '' ? { kind: 'none' } : { kind: 'secret', secret: kept };
  } catch {
    return { kind: 'none' };
  }
}

export interface ResolveSecretDeps extends SecretSources {
  fetch: typeof fetch;
  /** `POST /api/ticket` on the host. */
  ticketUrl: string;
}

/**
 * The secret this tab uses: from the address or the tab, or by trading the launch ticket once
 * with the host. `undefined` when there is none (the ticket was used already or expired).
 */
export async function resolveSecret(deps: ResolveSecretDeps): Promise<string | undefined> {
  const source = takeSecret(deps);
  if (source.kind === 'secret') return source.secret;
  if (source.kind === 'none') return undefined;
  try {
    const response = await deps.fetch(deps.ticketUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ticket: source.ticket }),
      cache: 'no-store',
      credentials: 'omit',
    });
    if (response.status !== 200) return undefined;
    const body = (await response.json()) as { secret?: unknown };
    if (typeof body.secret !== 'string' || body.secret === '') return undefined;
    keep(deps.storage, body.secret);
    return body.secret;
  } catch {
    return undefined;
  }
}

/**
 * Runs `open` (a `window.open`) with the secret out of the tab's sessionStorage. Browsers copy
 * the opener's sessionStorage into a window opened without `noopener`, so the bank's popup would
 * otherwise carry the secret and, once back on our origin, run a fully authorised copy of the
 * app. The copy is taken synchronously inside `window.open`, so the secret is back before any
 * other script of ours runs.
 */
export function withoutStoredSecret<T>(storage: SecretSources['storage'], open: () => T): T {
  let kept: string | null = null;
  try {
    kept = storage?.getItem(SECRET_STORAGE_KEY) ?? null;
    storage?.removeItem(SECRET_STORAGE_KEY);
  } catch {
    // Storage disabled: nothing stored, nothing to copy.
  }
  try {
    return open();
  } finally {
    if (kept !== null) keep(storage, kept);
  }
}

function keep(storage: SecretSources['storage'], secret: string): void {
  try {
    storage?.setItem(SECRET_STORAGE_KEY, secret);
  } catch {
    // Storage disabled by the person's settings: memory still works until a reload.
  }
}
