import { describe, expect, it, vi } from 'vitest';
import type { AuthPopup, AuthPopupSession } from '../auth-popup.js';
import { createFakeBridge } from '../bridge/fake-bridge.js';
import { createAppStore } from './app-store.js';
import { account, connection, settle, transaction } from './test-fixtures.js';

const refused = { code: 'CONSENT_INVALID', state: 'reauth-required' as const, message: 'no', retryable: false };

describe('connections › load', () => {
  it('loads the list and marks it loaded', async () => {
    const fake = createFakeBridge({ 'connections:list': () => ({ ok: true, value: [connection()] }) });
    const store = createAppStore(fake.bridge);
    await store.getState().loadConnections();
    expect(store.getState().connections).toEqual([connection()]);
    expect(store.getState().connectionsLoaded).toBe(true);
    expect(fake.inputsOf('connections:list')).toEqual([{}]);
  });

  it('replaces the list when the host pushes connections:changed', () => {
    const fake = createFakeBridge();
    const store = createAppStore(fake.bridge);
    expect(fake.listenerCount('connections:changed')).toBe(1);
    fake.emit('connections:changed', [connection({ id: 'c9' })]);
    expect(store.getState().connections.map((c) => c.id)).toEqual(['c9']);
  });
});

describe('connections › connect', () => {
  it('connects with the profile and label, keeps the connection and then loads accounts', async () => {
    const fake = createFakeBridge({
      'connections:connect': () => ({ ok: true, value: connection({ id: 'c2' }) }),
      'accounts:list': () => ({ ok: true, value: { accounts: [account({ connectionId: 'c2' })], failures: [], skipped: [] } }),
    });
    const store = createAppStore(fake.bridge);
    expect(await store.getState().connect('sandbox', 'Acasa')).toBe(true);
    await settle();
    expect(fake.inputsOf('connections:connect')).toEqual([{ profileId: 'sandbox', label: 'Acasa' }]);
    expect(store.getState().connections.map((c) => c.id)).toEqual(['c2']);
    expect(fake.calls.map((c) => c.method)).toEqual(['connections:connect', 'accounts:list']);
    expect(store.getState().accounts).toHaveLength(1);
  });

  it('is busy while the bank page is open and not after', async () => {
    let answer!: (c: ReturnType<typeof connection>) => void;
    const fake = createFakeBridge({ 'connections:connect': () => new Promise((r) => (answer = (c) => r({ ok: true, value: c }))) });
    const store = createAppStore(fake.bridge);
    const done = store.getState().connect('sandbox', '');
    expect(store.getState().busy.authorize).toBe(true);
    answer(connection());
    await done;
    expect(store.getState().busy.authorize).toBeUndefined();
  });

  it('makes a refusal the last error and loads no accounts', async () => {
    const fake = createFakeBridge({ 'connections:connect': () => ({ ok: false, error: refused }) });
    const store = createAppStore(fake.bridge);
    expect(await store.getState().connect('sandbox', '')).toBe(false);
    expect(store.getState().lastError).toEqual(refused);
    expect(fake.inputsOf('accounts:list')).toEqual([]);
  });
});

/** A popup module double: records begin/end and hands the cancel callback to the test. */
function popupDouble(blocked = false) {
  const events: string[] = [];
  let closedByPerson: (() => void) | undefined;
  const popup: AuthPopup = {
    begin(onClosed) {
      events.push('begin');
      closedByPerson = onClosed;
      if (blocked) return null;
      const session: AuthPopupSession = { end: () => events.push('end') };
      return session;
    },
  };
  return { popup, events, closeByPerson: () => closedByPerson?.() };
}

describe('connections › browser-mode popup', () => {
  it('opens the popup synchronously, before the connect call, and ends it when the call settles', async () => {
    const fake = createFakeBridge({ 'connections:connect': () => ({ ok: true, value: connection() }), 'accounts:list': () => ({ ok: true, value: { accounts: [], failures: [], skipped: [] } }) });
    const p = popupDouble();
    const store = createAppStore(fake.bridge, { authPopup: p.popup });
    const done = store.getState().connect('sandbox', '');
    expect(p.events).toEqual(['begin']);
    await done;
    expect(p.events).toEqual(['begin', 'end']);
  });

  it('tells the host to cancel when the person closes the popup', async () => {
    const fake = createFakeBridge({
      'connections:renew': () => new Promise(() => undefined),
      'connections:cancel-authorization': () => ({ ok: true, value: { cancelled: true } }),
    });
    const p = popupDouble();
    const store = createAppStore(fake.bridge, { authPopup: p.popup });
    void store.getState().renew('c1');
    p.closeByPerson();
    await settle();
    expect(fake.calls.map((c) => c.method)).toEqual(['connections:renew', 'connections:cancel-authorization']);
  });

  it('opens no popup when the person chose the system browser', async () => {
    const fake = createFakeBridge({ 'connections:connect': () => ({ ok: true, value: connection() }), 'accounts:list': () => ({ ok: true, value: { accounts: [], failures: [], skipped: [] } }) });
    const p = popupDouble();
    const store = createAppStore(fake.bridge, { authPopup: p.popup });
    store.setState({ settings: { authorizationMode: 'system-browser', autoSyncHours: 6, language: 'system', theme: 'system' } });
    expect(await store.getState().connect('sandbox', '')).toBe(true);
    expect(p.events).toEqual([]);
  });

  it('when the popup is blocked, says so and does not start an authorisation', async () => {
    const fake = createFakeBridge();
    const store = createAppStore(fake.bridge, { authPopup: popupDouble(true).popup });
    expect(await store.getState().connect('sandbox', '')).toBe(false);
    expect(store.getState().lastError?.code).toBe('POPUP_BLOCKED');
    expect(fake.calls).toEqual([]);
  });
});

describe('connections › per-connection actions', () => {
  it('revoke keeps the revoked connection, its stored accounts and their transactions: the history does not vanish', async () => {
    const fake = createFakeBridge({ 'connections:revoke': ({ connectionId }) => ({ ok: true, value: connection({ id: connectionId, status: 'revoked' }) }) });
    const store = createAppStore(fake.bridge);
    const ref = { connectionId: 'c1', accountId: account().id };
    const lists = { [`c1/${ref.accountId}`]: { transactions: [transaction()], loading: false, error: null } };
    store.setState({ connections: [connection()], accounts: [account()], selectedAccount: ref, transactionLists: lists });
    expect(await store.getState().revoke('c1')).toBe(true);
    expect(fake.inputsOf('connections:revoke')).toEqual([{ connectionId: 'c1' }]);
    expect(store.getState().connections[0]?.status).toBe('revoked');
    expect(store.getState().accounts).toEqual([account()]);
    expect(store.getState().selectedAccount).toEqual(ref);
    expect(store.getState().transactionLists).toEqual(lists);
  });

  it('remove drops the connection’s accounts, transactions and selection', async () => {
    const fake = createFakeBridge({ 'connections:remove': () => ({ ok: true, value: { removed: true } }) });
    const store = createAppStore(fake.bridge);
    const ref = { connectionId: 'c1', accountId: account().id };
    store.setState({ connections: [connection()], accounts: [account()], selectedAccount: ref, transactionLists: { [`c1/${ref.accountId}`]: { transactions: [transaction()], loading: false, error: null } } });
    expect(await store.getState().remove('c1')).toBe(true);
    expect(store.getState().accounts).toEqual([]);
    expect(store.getState().selectedAccount).toBeNull();
    expect(store.getState().transactionLists).toEqual({});
  });

  it('remove forgets the connection and its failure; others stay', async () => {
    const fake = createFakeBridge({ 'connections:remove': () => ({ ok: true, value: { removed: true } }) });
    const store = createAppStore(fake.bridge);
    store.setState({
      connections: [connection(), connection({ id: 'c2' })],
      accounts: [account({ connectionId: 'c2' })],
      accountFailures: [{ connectionId: 'c1', state: 'offline', error: { code: 'OFFLINE', state: 'offline' as const, message: 'x', retryable: true } }],
    });
    expect(await store.getState().remove('c1')).toBe(true);
    expect(store.getState().connections.map((c) => c.id)).toEqual(['c2']);
    expect(store.getState().accounts).toHaveLength(1);
    expect(store.getState().accountFailures).toEqual([]);
  });

  it('refresh-status replaces the connection in place and is busy per connection meanwhile', async () => {
    const fake = createFakeBridge({ 'connections:refresh-status': () => ({ ok: true, value: connection({ status: 'expiring', daysLeft: 3 }) }) });
    const store = createAppStore(fake.bridge);
    store.setState({ connections: [connection(), connection({ id: 'c2' })] });
    const done = store.getState().refreshStatus('c1');
    expect(store.getState().busy['connection:c1']).toBe(true);
    await done;
    expect(store.getState().connections.map((c) => [c.id, c.status])).toEqual([['c1', 'expiring'], ['c2', 'active']]);
    expect(store.getState().busy).toEqual({});
  });

  it('a failed cancel stays quiet', async () => {
    const fake = createFakeBridge({ 'connections:cancel-authorization': () => ({ ok: false, error: refused }) });
    const store = createAppStore(fake.bridge);
    await store.getState().cancelAuthorization();
    expect(store.getState().lastError).toBeNull();
  });
});

describe('ui › tracked', () => {
  it('turns a bridge that throws into a BUG error rather than an unhandled rejection', async () => {
    const fake = createFakeBridge({ 'connections:list': () => { throw new Error('boom'); } });
    const store = createAppStore(fake.bridge);
    await store.getState().loadConnections();
    expect(store.getState().lastError).toEqual({ code: 'BUG', state: 'failed', message: 'boom', retryable: false });
    store.getState().dismissError();
    expect(store.getState().lastError).toBeNull();
  });

  it('initialize loads the app info, profiles, connections, settings, accounts, the sync status and the overview’s totals and newest transactions', async () => {
    const fake = createFakeBridge({ 'app:info': () => ({ ok: true, value: { ephemeral: false, reason: null, dataDir: '/d', locked: false, logFile: null, vendorProfile: null } }) });
    const spy = vi.spyOn(fake.bridge, 'invoke');
    await createAppStore(fake.bridge).getState().initialize();
    expect(spy.mock.calls.map((c) => c[0]).sort()).toEqual(['accounts:list', 'app:info', 'connections:list', 'insights:totals', 'profiles:list', 'settings:get', 'sync:status', 'transactions:query']);
  });

  it('initialize reads nothing else while the local copy is locked, and start fresh reloads it all', async () => {
    let locked = true;
    const info = () => ({ ok: true as const, value: { ephemeral: false, reason: null, dataDir: '/d', locked, logFile: null, vendorProfile: null } });
    const fake = createFakeBridge({
      'app:info': info,
      'store:reset': () => {
        locked = false;
        return info();
      },
    });
    const spy = vi.spyOn(fake.bridge, 'invoke');
    const store = createAppStore(fake.bridge);
    await store.getState().initialize();
    expect(spy.mock.calls.map((c) => c[0])).toEqual(['app:info']);
    expect(store.getState().appInfo?.locked).toBe(true);
    expect(await store.getState().startFresh()).toBe(true);
    expect(store.getState().appInfo?.locked).toBe(false);
    expect(spy.mock.calls.map((c) => c[0])).toContain('connections:list');
  });
});
