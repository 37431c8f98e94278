import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type EventName, type Handlers } from '../../common/index.js';
import { createHandlers } from '../../core/app-handlers.js';
import type { AuthorizationPort } from '../../core/auth/authorization-session.js';
import { toAppError } from '../../core/errors.js';
import { coreWorld, psuPort, type CoreWorldForTest } from '../helpers/core-world.js';

describe('the contract’s handlers over core and the sandbox bank', () => {
  let w: CoreWorldForTest;
  let handlers: Handlers;
  const events: { name: EventName; payload: unknown }[] = [];
  let port: AuthorizationPort = psuPort({ user: 'demo', decision: 'allow' });
  const call = (method: string, input: unknown = {}) => dispatch(handlers, method, input, toAppError);

  beforeAll(async () => {
    w = await coreWorld({ sandbox: { pageSize: 30 } });
    handlers = createHandlers(w.core, {
      authorizationPort: () => port,
      psuIpAddress: '192.0.2.1',
      emit: (name, payload) => events.push({ name, payload }),
    });
  });
  afterAll(async () => { await w.close(); });

  it('lists the embedded sandbox as a profile', async () => {
    expect(await call('profiles:list')).toEqual({ ok: true, value: [{ id: 'sandbox', kind: 'sandbox', displayName: 'CEC Bank (sandbox)' }] });
  });

  it('connects, announces it, then reads accounts with balances and pages of transactions', async () => {
    const connected = await call('connections:connect', { profileId: 'sandbox', label: 'Personal' });
    expect(connected).toMatchObject({ ok: true, value: { label: 'Personal', status: 'active' } });
    expect(events.map((e) => e.name)).toEqual(['authorization:settled', 'connections:changed']);
    expect(events[0]?.payload).toEqual({ outcome: 'connected' });

    const accounts = await call('accounts:list');
    if (!accounts.ok) throw new Error(accounts.error.message);
    const view = accounts.value as { accounts: { id: string; connectionId: string; kind: string; currency: string }[]; failures: unknown[]; skipped: unknown[] };
    expect(view.failures).toEqual([]);
    expect(view.skipped).toEqual([]);
    expect(view.accounts).toHaveLength(4);

    const ron = view.accounts.find((a) => a.kind === 'account' && a.currency === 'RON') as { id: string; connectionId: string };
    const first = await call('transactions:list', { connectionId: ron.connectionId, accountId: ron.id, dateFrom: '2026-01-01' });
    if (!first.ok) throw new Error(first.error.message);
    const page = first.value as { transactions: { id: string }[]; skipped: unknown[]; cursor?: string };
    expect(page.transactions).toHaveLength(30);
    expect(page.skipped).toEqual([]);
    // The bank's next link stays in core: the renderer holds an opaque cursor.
    expect(page.cursor).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(first.value)).not.toMatch(/pageToken|\/transactions\?/);
    const second = await call('transactions:list', { connectionId: ron.connectionId, accountId: ron.id, cursor: page.cursor });
    if (!second.ok) throw new Error(second.error.message);
    const ids = new Set([...page.transactions, ...(second.value as { transactions: { id: string }[] }).transactions].map((t) => t.id));
    expect(ids.size).toBe(60);
  });

  it('refuses a second authorisation while one is open, and cancels the open one on request', async () => {
    let opened!: () => void;
    const openedOnce = new Promise<void>((resolve) => { opened = resolve; });
    port = { open: () => { opened(); } }; // the bank's page stays open: nobody answers
    const first = call('connections:connect', { profileId: 'sandbox', label: 'waiting' });
    await openedOnce;
    const second = await call('connections:connect', { profileId: 'sandbox', label: 'again' });
    expect(second).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    expect(await call('connections:cancel-authorization')).toEqual({ ok: true, value: { cancelled: true } });
    expect(await first).toMatchObject({ ok: false, error: { code: 'SCA_CANCELLED' } });
    expect(await call('connections:cancel-authorization')).toEqual({ ok: true, value: { cancelled: false } });
    const list = await call('connections:list');
    expect(list.ok && (list.value as { label: string }[]).map((c) => c.label)).toEqual(['Personal']);
    port = psuPort({ user: 'demo', decision: 'allow' });
  });

  it('reports a per-connection failure as a UI state while other connections still answer', async () => {
    port = psuPort({ user: 'demo2', decision: 'allow' });
    const c = await call('connections:connect', { profileId: 'sandbox', label: 'Maria' });
    if (!c.ok) throw new Error(c.error.message);
    const consentId = (c.value as { consentId: string }).consentId;
    await fetch(`${w.bankOrigin}/sandbox/consents/${consentId}/revoke`, { method: 'POST' });
    const accounts = await call('accounts:list');
    if (!accounts.ok) throw new Error(accounts.error.message);
    const view = accounts.value as { accounts: unknown[]; failures: { state: string; error: { code: string } }[] };
    expect(view.accounts).toHaveLength(4);
    expect(view.failures).toEqual([expect.objectContaining({ state: 'reauth-required', error: expect.objectContaining({ code: 'CONSENT_INVALID' }) })]);
  });

  it('keeps the authorisation mode setting', async () => {
    expect(await call('settings:get')).toEqual({ ok: true, value: { authorizationMode: 'window' } });
    expect(await call('settings:set', { authorizationMode: 'system-browser' })).toEqual({ ok: true, value: { authorizationMode: 'system-browser' } });
    expect(await call('settings:set', { authorizationMode: 'carrier-pigeon' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
