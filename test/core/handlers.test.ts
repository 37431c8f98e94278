import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type EventName, type Handlers, type Result } from '../../common/index.js';
import { createHandlers } from '../../core/app-handlers.js';
import type { AuthorizationPort } from '../../core/auth/authorization-session.js';
import { toAppError } from '../../core/errors.js';
import { coreWorld, pageLeftOpen, psuPort, type CoreWorldForTest } from '../helpers/core-world.js';

/** One world per test (bank, database, keychain, handlers): no test sees another's connections or events. */
interface HandlersWorld {
  w: CoreWorldForTest;
  events: { name: EventName; payload: unknown }[];
  /** What the next authorisation's bank page does; the demo PSU allowing everything unless set. */
  port: AuthorizationPort;
  call(method: string, input?: unknown): Promise<Result<unknown>>;
  /** Connects through `port` as `user` and returns the connection, or fails the test with the error. */
  connect(label: string, user?: string): Promise<{ consentId: string }>;
}

async function handlersWorld(): Promise<HandlersWorld> {
  const w = await coreWorld({ sandbox: { pageSize: 30 } });
  const t = { w, events: [], port: psuPort({ user: 'demo', decision: 'allow' }) } as unknown as HandlersWorld;
  const handlers: Handlers = createHandlers(w.core, {
    authorizationPort: () => t.port,
    psuIpAddress: '192.0.2.1',
    emit: (name, payload) => t.events.push({ name, payload }),
  });
  t.call = (method, input = {}) => dispatch(handlers, method, input, toAppError);
  t.connect = async (label, user = 'demo') => {
    t.port = psuPort({ user, decision: 'allow' });
    const c = await t.call('connections:connect', { profileId: 'sandbox', label });
    if (!c.ok) throw new Error(`connect ${label}: ${c.error.code} ${c.error.message}`);
    return c.value as { consentId: string };
  };
  return t;
}

describe('the contract’s handlers over core and the sandbox bank', () => {
  let t: HandlersWorld;
  beforeEach(async () => { t = await handlersWorld(); });
  afterEach(async () => { await t.w.close(); });

  it('lists the embedded sandbox as a profile', async () => {
    expect(await t.call('profiles:list')).toEqual({ ok: true, value: [{ id: 'sandbox', kind: 'sandbox', displayName: 'CEC Bank (sandbox)' }] });
  });

  it('connects, announces it, then reads accounts with balances and pages of transactions', async () => {
    const connected = await t.call('connections:connect', { profileId: 'sandbox', label: 'Personal' });
    expect(connected).toMatchObject({ ok: true, value: { label: 'Personal', status: 'active' } });
    expect(t.events.map((e) => e.name)).toEqual(['authorization:settled', 'connections:changed']);
    expect(t.events[0]?.payload).toEqual({ outcome: 'connected' });

    const accounts = await t.call('accounts:list');
    if (!accounts.ok) throw new Error(accounts.error.message);
    const view = accounts.value as { accounts: { id: string; connectionId: string; kind: string; currency: string }[]; failures: unknown[]; skipped: unknown[] };
    expect(view.failures).toEqual([]);
    expect(view.skipped).toEqual([]);
    expect(view.accounts).toHaveLength(4);

    const ron = view.accounts.find((a) => a.kind === 'account' && a.currency === 'RON') as { id: string; connectionId: string };
    const first = await t.call('transactions:list', { connectionId: ron.connectionId, accountId: ron.id, dateFrom: '2026-01-01' });
    if (!first.ok) throw new Error(first.error.message);
    const page = first.value as { transactions: { id: string }[]; skipped: unknown[]; cursor?: string };
    expect(page.transactions).toHaveLength(30);
    expect(page.skipped).toEqual([]);
    // The bank's next link stays in core: the renderer holds an opaque cursor.
    expect(page.cursor).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(first.value)).not.toMatch(/pageToken|\/transactions\?/);
    const second = await t.call('transactions:list', { connectionId: ron.connectionId, accountId: ron.id, cursor: page.cursor });
    if (!second.ok) throw new Error(second.error.message);
    const ids = new Set([...page.transactions, ...(second.value as { transactions: { id: string }[] }).transactions].map((x) => x.id));
    expect(ids.size).toBe(60);
  });

  it('refuses a second authorisation while one is open, and cancels the open one on request', async () => {
    await t.connect('Personal');
    const page = pageLeftOpen(); // the bank's page stays open: nobody answers
    t.port = page.port;
    const first = t.call('connections:connect', { profileId: 'sandbox', label: 'waiting' });
    await page.opened(first);
    const second = await t.call('connections:connect', { profileId: 'sandbox', label: 'again' });
    expect(second).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    expect(await t.call('connections:cancel-authorization')).toEqual({ ok: true, value: { cancelled: true } });
    expect(await first).toMatchObject({ ok: false, error: { code: 'SCA_CANCELLED' } });
    expect(await t.call('connections:cancel-authorization')).toEqual({ ok: true, value: { cancelled: false } });
    const list = await t.call('connections:list');
    expect(list.ok && (list.value as { label: string }[]).map((c) => c.label)).toEqual(['Personal']);
  });

  it('reports a per-connection failure as a UI state while other connections still answer', async () => {
    await t.connect('Personal', 'demo');
    const { consentId } = await t.connect('Maria', 'demo2');
    await fetch(`${t.w.bankOrigin}/sandbox/consents/${consentId}/revoke`, { method: 'POST' });
    const accounts = await t.call('accounts:list');
    if (!accounts.ok) throw new Error(accounts.error.message);
    const view = accounts.value as { accounts: unknown[]; failures: { state: string; error: { code: string } }[] };
    expect(view.accounts).toHaveLength(4);
    expect(view.failures).toEqual([expect.objectContaining({ state: 'reauth-required', error: expect.objectContaining({ code: 'CONSENT_INVALID' }) })]);
  });

  it('keeps the authorisation mode and auto-sync settings, each changed on its own', async () => {
    expect(await t.call('settings:get')).toEqual({ ok: true, value: { authorizationMode: 'window', autoSyncHours: 6 } });
    expect(await t.call('settings:set', { authorizationMode: 'system-browser' })).toEqual({ ok: true, value: { authorizationMode: 'system-browser', autoSyncHours: 6 } });
    expect(await t.call('settings:set', { autoSyncHours: 12 })).toEqual({ ok: true, value: { authorizationMode: 'system-browser', autoSyncHours: 12 } });
    expect(await t.call('settings:set', { authorizationMode: 'carrier-pigeon' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.call('settings:set', { autoSyncHours: 0.5 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  // Far below the 5-minute authorisation timeout and the 30 s test timeout: a connect that cannot
  // finish must come back as an error, not leave the test waiting.
  it('answers a connect whose bank redirect goes elsewhere with an error at once', { timeout: 5_000 }, async () => {
    t.port = psuPort({ user: 'demo', decision: 'allow' }, (back) => new URL(`https://elsewhere.invalid/cb${back.search}`));
    const started = Date.now();
    const c = await t.call('connections:connect', { profileId: 'sandbox', label: 'lost' });
    expect(c).toMatchObject({ ok: false });
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(t.events.map((e) => e.name)).toEqual(['authorization:settled', 'connections:changed']);
    expect(t.events[0]?.payload).toEqual({ outcome: 'failed' });
  });

  it('fails a wait for the bank’s page at once when the connect fails before opening it', { timeout: 5_000 }, async () => {
    const page = pageLeftOpen();
    t.port = page.port;
    const attempt = t.call('connections:connect', { profileId: 'no-such-profile', label: 'x' });
    await expect(page.opened(attempt)).rejects.toThrow(/settled before the bank's page opened/);
  });
});
