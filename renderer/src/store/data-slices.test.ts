import { describe, expect, it } from 'vitest';
import type { TransactionPage } from '../../../common/domain.js';
import type { Result } from '../../../common/result.js';
import { createFakeBridge } from '../bridge/fake-bridge.js';
import { createAppStore } from './app-store.js';
import { account, transaction } from './test-fixtures.js';
import { accountKey } from './transactions-slice.js';

const offline = { code: 'OFFLINE', state: 'offline' as const, message: 'bank unreachable', retryable: true };

describe('accounts › loadAccounts', () => {
  it('keeps accounts, per-connection failures and the items that could not be read', async () => {
    const failure = { connectionId: 'c2', state: 'reauth-required' as const, error: { code: 'REAUTH_REQUIRED', state: 'reauth-required' as const, message: 'x', retryable: false } };
    const skipped = [{ connectionId: 'c1', list: 'cardAccounts', index: 1, reason: 'cardAccounts[1]: currency is missing' }];
    const fake = createFakeBridge({ 'accounts:list': () => ({ ok: true, value: { accounts: [account()], failures: [failure], skipped } }) });
    const store = createAppStore(fake.bridge);
    await store.getState().loadAccounts();
    expect(store.getState().accounts).toEqual([account()]);
    expect(store.getState().accountFailures).toEqual([failure]);
    expect(store.getState().accountsSkipped).toEqual(skipped);
    expect(store.getState().accountsLoaded).toBe(true);
  });

  it('lets the newest of two overlapping loads win', async () => {
    const answers: ((r: Result<{ accounts: ReturnType<typeof account>[]; failures: []; skipped: [] }>) => void)[] = [];
    const fake = createFakeBridge({ 'accounts:list': () => new Promise((r) => answers.push(r)) });
    const store = createAppStore(fake.bridge);
    const first = store.getState().loadAccounts();
    const second = store.getState().loadAccounts();
    answers[1]?.({ ok: true, value: { accounts: [account({ id: 'new' })], failures: [], skipped: [] } });
    answers[0]?.({ ok: true, value: { accounts: [account({ id: 'old' })], failures: [], skipped: [] } });
    await Promise.all([first, second]);
    expect(store.getState().accounts.map((a) => a.id)).toEqual(['new']);
  });

  it('on failure keeps what it had and reports the error', async () => {
    const fake = createFakeBridge({ 'accounts:list': () => ({ ok: false, error: offline }) });
    const store = createAppStore(fake.bridge);
    store.setState({ accounts: [account()] });
    await store.getState().loadAccounts();
    expect(store.getState().accounts).toHaveLength(1);
    expect(store.getState().lastError).toEqual(offline);
  });
});

describe('transactions › selectAccount and loadTransactions', () => {
  const ref = { connectionId: 'c1', accountId: account().id };
  const key = accountKey(ref);
  const pages: Record<string, TransactionPage> = {
    first: { transactions: [transaction({ id: 't1' }), transaction({ id: 't2', status: 'pending' })], skipped: [], cursor: 'cursor-2' },
    'cursor-2': { transactions: [transaction({ id: 't3' })], skipped: [{ list: 'booked', index: 1, reason: 'booked[1]: transactionAmount is missing' }] },
  };
  const bank = () => createFakeBridge({ 'transactions:list': (input) => ({ ok: true, value: pages[input.cursor ?? 'first'] as TransactionPage }) });

  it('selecting an account loads its first page, booked and pending', async () => {
    const fake = bank();
    const store = createAppStore(fake.bridge);
    await store.getState().selectAccount(ref);
    expect(fake.inputsOf('transactions:list')).toEqual([{ ...ref, bookingStatus: 'both' }]);
    expect(store.getState().selectedAccount).toEqual(ref);
    expect(store.getState().transactionLists[key]).toEqual({ transactions: pages.first?.transactions, skipped: 0, cursor: 'cursor-2', loading: false, error: null });
  });

  it('"more" passes the cursor and appends, counting unreadable items; the last page has no cursor', async () => {
    const fake = bank();
    const store = createAppStore(fake.bridge);
    await store.getState().selectAccount(ref);
    await store.getState().loadTransactions(ref, true);
    expect(fake.inputsOf('transactions:list')[1]).toEqual({ ...ref, bookingStatus: 'both', cursor: 'cursor-2' });
    const list = store.getState().transactionLists[key];
    expect(list?.transactions.map((t) => t.id)).toEqual(['t1', 't2', 't3']);
    expect(list?.skipped).toBe(1);
    expect(list?.cursor).toBeUndefined();
    await store.getState().loadTransactions(ref, true);
    expect(fake.inputsOf('transactions:list')).toHaveLength(2);
  });

  it('selecting an account already loaded does not ask the bank again', async () => {
    const fake = bank();
    const store = createAppStore(fake.bridge);
    await store.getState().selectAccount(ref);
    await store.getState().selectAccount(ref);
    expect(fake.inputsOf('transactions:list')).toHaveLength(1);
  });

  it('keeps a failure beside the list, not as the global error, and retries on the next selection', async () => {
    const fake = createFakeBridge({ 'transactions:list': () => ({ ok: false, error: offline }) });
    const store = createAppStore(fake.bridge);
    await store.getState().selectAccount(ref);
    expect(store.getState().transactionLists[key]).toEqual({ transactions: [], skipped: 0, loading: false, error: offline });
    expect(store.getState().lastError).toBeNull();
    await store.getState().selectAccount(ref);
    expect(fake.inputsOf('transactions:list')).toHaveLength(2);
  });
});

describe('settings', () => {
  it('loads and changes the authorisation mode', async () => {
    const fake = createFakeBridge({
      'settings:get': () => ({ ok: true, value: { authorizationMode: 'window', autoSyncHours: 6 } }),
      'settings:set': (input) => ({ ok: true, value: { authorizationMode: 'window', autoSyncHours: 6, ...input } }),
    });
    const store = createAppStore(fake.bridge);
    await store.getState().loadSettings();
    expect(store.getState().settings).toEqual({ authorizationMode: 'window' });
    expect(await store.getState().setAuthorizationMode('system-browser')).toBe(true);
    expect(fake.inputsOf('settings:set')).toEqual([{ authorizationMode: 'system-browser' }]);
    expect(store.getState().settings).toEqual({ authorizationMode: 'system-browser' });
  });
});
