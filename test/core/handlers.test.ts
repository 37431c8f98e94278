import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  dispatch, type AccountsView, type BalanceHistoryView, type CounterpartiesView, type EventName, type Handlers, type MonthlyView, type Result,
  type StoredAccount, type TotalsView, type TransactionsView,
} from '../../common/index.js';
import { createHandlers } from '../../core/app-handlers.js';
import type { AuthorizationPort } from '../../core/auth/authorization-session.js';
import { toAppError } from '../../core/errors.js';
import { fingerprintTransactions } from '../../core/psd2/transaction-fingerprint.js';
import { storeAccountReport } from '../../core/store/account-history.js';
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

async function handlersWorld(options: { syncAfterConnect?: boolean } = {}): Promise<HandlersWorld> {
  const w = await coreWorld({ sandbox: { pageSize: 30 } });
  const t = { w, events: [], port: psuPort({ user: 'demo', decision: 'allow' }) } as unknown as HandlersWorld;
  const handlers: Handlers = createHandlers(w.core, {
    authorizationPort: () => t.port,
    psuIpAddress: '192.0.2.1',
    ...options,
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

  it('connects, announces it, syncs at once, then lists the accounts from the store without asking the bank', async () => {
    const connected = await t.call('connections:connect', { profileId: 'sandbox', label: 'Personal' });
    expect(connected).toMatchObject({ ok: true, value: { label: 'Personal', status: 'active' } });
    expect(t.events.slice(0, 2).map((e) => e.name)).toEqual(['authorization:settled', 'connections:changed']);
    expect(t.events[0]?.payload).toEqual({ outcome: 'connected' });
    await expect.poll(() => t.events.some((e) => e.name === 'sync:finished'), { timeout: 20_000 }).toBe(true);

    const before = t.w.bankRequests();
    const accounts = await t.call('accounts:list');
    if (!accounts.ok) throw new Error(accounts.error.message);
    const view = accounts.value as AccountsView;
    expect(t.w.bankRequests()).toBe(before);
    expect(view.failures).toEqual([]);
    expect(view.skipped).toEqual([]);
    expect(view.accounts).toHaveLength(4);
    expect(view.accounts.every((a) => a.readable && a.balances.length > 0 && a.syncedAt !== undefined)).toBe(true);
    expect(view.syncedAt).toEqual(expect.any(String));
  });

  it('answers transactions and insights from the store, each saying when it was synced, and never asks the bank', async () => {
    // The store holds only the report below: no sync after the connect.
    await t.w.close();
    t = await handlersWorld({ syncAfterConnect: false });
    await t.connect('Personal');
    const view = (await t.call('accounts:list')) as { ok: true; value: AccountsView };
    const ron = view.value.accounts.find((a) => a.kind === 'account' && a.currency === 'RON') as StoredAccount;
    storeAccountReport(t.w.core.db, {
      accountId: ron.id,
      booked: fingerprintTransactions([
        { accountId: ron.id, status: 'booked', bookingDate: '2027-02-03', amount: { amount: '-90071992547.409921', currency: 'RON' }, counterpartyName: 'KAUFLAND București' },
        { accountId: ron.id, status: 'booked', bookingDate: '2027-02-03', amount: { amount: '-0.01', currency: 'RON' }, counterpartyName: 'Mega Image' },
        { accountId: ron.id, status: 'booked', bookingDate: '2027-02-01', amount: { amount: '3000', currency: 'RON' }, counterpartyName: 'Salariu' },
      ]),
      pending: [],
      balances: [{ type: 'closingBooked', amount: { amount: '100.5', currency: 'RON' } }, { type: 'interimAvailable', amount: { amount: '99.5', currency: 'RON' } }],
      dateFrom: '2025-03-01', today: '2027-03-01', now: '2027-03-01T07:00:00.000Z',
    });
    const before = t.w.bankRequests();
    const value = async <T>(method: string, input: unknown = {}) => {
      const r = await t.call(method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value as T;
    };

    const first = await value<TransactionsView>('transactions:query', { accountIds: [ron.id], limit: 2 });
    expect(first.transactions.map((x) => [x.amount.amount, x.accountId])).toEqual([['-0.01', ron.id], ['-90071992547.409921', ron.id]]);
    expect(first.syncedAt).toBe('2027-03-01T07:00:00.000Z');
    const second = await value<TransactionsView>('transactions:query', { accountIds: [ron.id], limit: 2, cursor: first.cursor });
    expect(second).toEqual({ transactions: [expect.objectContaining({ counterpartyName: 'Salariu' })], syncedAt: '2027-03-01T07:00:00.000Z' });
    expect((await value<TransactionsView>('transactions:query', { text: 'bucuresti' })).transactions.map((x) => x.counterpartyName)).toEqual(['KAUFLAND București']);
    expect(await t.call('transactions:query', { accountIds: [ron.id], limit: 2, cursor: first.cursor, order: 'asc' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', state: 'invalid-input' } });

    const listed = (await value<AccountsView>('accounts:list')).accounts.find((a) => a.id === ron.id);
    expect(listed).toMatchObject({ syncedAt: '2027-03-01T07:00:00.000Z', balances: [expect.objectContaining({ type: 'closingBooked' }), expect.objectContaining({ type: 'interimAvailable' })] });
    expect(await value<TotalsView>('insights:totals')).toEqual({ totals: [{ currency: 'RON', amount: '99.5', accounts: [expect.objectContaining({ accountId: ron.id, type: 'interimAvailable' })] }] });
    expect(await value<BalanceHistoryView>('insights:balance-history', { accountId: ron.id })).toMatchObject({ type: 'closingBooked', points: [{ date: '2027-03-01', amount: '100.5' }], syncedAt: '2027-03-01T07:00:00.000Z' });
    expect(await value<MonthlyView>('insights:monthly', { accountIds: [ron.id] })).toEqual({
      months: [{ month: '2027-02', currency: 'RON', income: '3000', spending: '90071992547.419921', net: '-90071989547.419921' }], syncedAt: '2027-03-01T07:00:00.000Z',
    });
    expect((await value<CounterpartiesView>('insights:counterparties', { accountIds: [ron.id], limit: 1 })).counterparties).toEqual([
      { counterparty: 'KAUFLAND București', currency: 'RON', spending: '90071992547.409921', transactions: 1 },
    ]);
    expect(t.w.bankRequests()).toBe(before);
  });

  it('no longer offers the live transactions read: the bank’s pages never reach the renderer', async () => {
    expect(await t.call('transactions:list', { connectionId: 'c', accountId: 'a' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
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

  // accounts:list reads the store: a consent the bank no longer honours is met by the sync, which
  // records the consent's end; its accounts stay listed with what was stored, marked unreadable.
  it('after a sync meets a consent the PSU revoked at the bank, lists its accounts as unreadable while the others still read', async () => {
    await t.connect('Personal', 'demo');
    const { consentId } = await t.connect('Maria', 'demo2');
    await fetch(`${t.w.bankOrigin}/sandbox/consents/${consentId}/revoke`, { method: 'POST' });
    await t.call('sync:run', {});
    const connections = (await t.call('connections:list')) as { ok: true; value: { id: string; label: string; status: string }[] };
    const maria = connections.value.find((c) => c.label === 'Maria');
    expect(maria?.status).toBe('revoked');
    const accounts = await t.call('accounts:list');
    if (!accounts.ok) throw new Error(accounts.error.message);
    const view = accounts.value as AccountsView;
    const mine = view.accounts.filter((a) => a.connectionId !== maria?.id);
    const hers = view.accounts.filter((a) => a.connectionId === maria?.id);
    expect(mine).toHaveLength(4);
    expect(mine.every((a) => a.readable && a.syncedAt !== undefined && a.balances.length > 0)).toBe(true);
    expect(hers.length).toBeGreaterThan(0);
    expect(hers.every((a) => !a.readable)).toBe(true);
  });

  it('keeps the authorisation mode, auto-sync, language and theme settings, each changed on its own', async () => {
    expect(await t.call('settings:get')).toEqual({ ok: true, value: { authorizationMode: 'window', autoSyncHours: 6, language: 'system', theme: 'system' } });
    expect(await t.call('settings:set', { authorizationMode: 'system-browser' })).toEqual({ ok: true, value: { authorizationMode: 'system-browser', autoSyncHours: 6, language: 'system', theme: 'system' } });
    expect(await t.call('settings:set', { autoSyncHours: 12 })).toEqual({ ok: true, value: { authorizationMode: 'system-browser', autoSyncHours: 12, language: 'system', theme: 'system' } });
    expect(await t.call('settings:set', { language: 'ro', theme: 'dark' })).toEqual({ ok: true, value: { authorizationMode: 'system-browser', autoSyncHours: 12, language: 'ro', theme: 'dark' } });
    expect(await t.call('settings:set', { authorizationMode: 'carrier-pigeon' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.call('settings:set', { language: 'de' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await t.call('settings:set', { theme: 'sepia' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
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
