import { describe, expect, it, vi } from 'vitest';
import { createAuthPopup, POPUP_POLL_MS, type AuthPopupDeps, type PopupLike } from './auth-popup.js';

/** A popup, an event source and a clock the test drives by hand. */
function world({ blocked = false } = {}) {
  const popup = { closed: false as boolean, location: { href: 'about:blank' }, close: vi.fn(() => { popup.closed = true; }) } satisfies PopupLike;
  const listeners = new Map<string, Set<(payload: never) => void>>();
  const ticks = new Set<() => void>();
  const intervals: number[] = [];
  const deps: AuthPopupDeps = {
    open: vi.fn(() => (blocked ? null : popup)),
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
    every: (ms, tick) => {
      intervals.push(ms);
      ticks.add(tick);
      return () => ticks.delete(tick);
    },
  };
  const emit = (event: string, payload: unknown) => listeners.get(event)?.forEach((l) => (l as (p: unknown) => void)(payload));
  const tick = () => [...ticks].forEach((t) => t());
  const listening = () => [...listeners.values()].reduce((n, s) => n + s.size, 0);
  return { popup, deps, emit, tick, ticks, intervals, listening };
}

describe('createAuthPopup › begin', () => {
  it('opens the popup at once and polls it every 500 ms', () => {
    const w = world();
    const session = createAuthPopup(w.deps).begin(() => undefined);
    expect(session).not.toBeNull();
    expect(w.deps.open).toHaveBeenCalledTimes(1);
    expect(w.intervals).toEqual([POPUP_POLL_MS]);
    expect(POPUP_POLL_MS).toBe(500);
  });

  it('returns null when the browser blocked the popup, and listens to nothing', () => {
    const w = world({ blocked: true });
    expect(createAuthPopup(w.deps).begin(() => undefined)).toBeNull();
    expect(w.listening()).toBe(0);
    expect(w.ticks.size).toBe(0);
  });

  it('sends the popup to the bank page named by authorization:open', () => {
    const w = world();
    createAuthPopup(w.deps).begin(() => undefined);
    w.emit('authorization:open', { url: 'http://127.0.0.1:5000/cec/prod/oauthcec/oauth2/authorize?x=1' });
    expect(w.popup.location.href).toBe('http://127.0.0.1:5000/cec/prod/oauthcec/oauth2/authorize?x=1');
  });

  it('does not follow an address that is not http or https', () => {
    const w = world();
    createAuthPopup(w.deps).begin(() => undefined);
    w.emit('authorization:open', { url: 'javascript:alert(1)' });
    expect(w.popup.location.href).toBe('about:blank');
  });
});

describe('createAuthPopup › closing', () => {
  it('cancels once when the person closes the popup before the call settles', () => {
    const w = world();
    const cancel = vi.fn();
    createAuthPopup(w.deps).begin(cancel);
    w.tick();
    expect(cancel).not.toHaveBeenCalled();
    w.popup.closed = true;
    w.tick();
    w.tick();
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(w.ticks.size).toBe(0);
  });

  it('closes the popup on authorization:settled without cancelling', () => {
    const w = world();
    const cancel = vi.fn();
    createAuthPopup(w.deps).begin(cancel);
    w.emit('authorization:settled', { outcome: 'connected' });
    w.tick();
    expect(w.popup.close).toHaveBeenCalledTimes(1);
    expect(cancel).not.toHaveBeenCalled();
  });

  it('on end closes a still open popup, stops polling and unsubscribes', () => {
    const w = world();
    const cancel = vi.fn();
    const session = createAuthPopup(w.deps).begin(cancel);
    session?.end();
    session?.end();
    expect(w.popup.close).toHaveBeenCalledTimes(1);
    expect(w.ticks.size).toBe(0);
    expect(w.listening()).toBe(0);
    expect(cancel).not.toHaveBeenCalled();
  });

  it('ignores an authorization:open that arrives after the end', () => {
    const w = world();
    const session = createAuthPopup(w.deps).begin(() => undefined);
    session?.end();
    w.emit('authorization:open', { url: 'https://bank.example/late' });
    expect(w.popup.location.href).toBe('about:blank');
  });
});
