import { describe, expect, it } from 'vitest';
import type { TransactionsView } from '../../../common/queries.js';
import type { AccountsView } from '../../../common/contract.js';
import type { Result } from '../../../common/result.js';
import { createFakeBridge } from '../bridge/fake-bridge.js';
import { createAppStore } from './app-store.js';
import { account, settle, transaction } from './test-fixtures.js';
import { accountKey, TRANSACTIONS_PAGE } from './transactions-slice.js';

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
    const answers: ((r: Result<AccountsView>) => void)[] = [];
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
  const pages: Record<string, TransactionsView> = {
    first: { transactions: [transaction({ rowId: 9, id: 't1' }), transaction({ rowId: 8, id: 't2', status: 'pending' })], cursor: 'cursor-2', syncedAt: '2025-11-20T10:05:00.000Z' },
    'cursor-2': { transactions: [transaction({ rowId: 3, id: 't3' })], syncedAt: '2025-11-20T10:05:00.000Z' },
  };
  const stored = () => createFakeBridge({ 'transactions:query': (input) => ({ ok: true, value: pages[input.cursor ?? 'first'] as TransactionsView }) });

  it('selecting an account loads the first page of its stored transactions, booked and pending', async () => {
    const fake = stored();
    const store = createAppStore(fake.bridge);
    await store.getState().selectAccount(ref);
    expect(fake.inputsOf('transactions:query')).toEqual([{ accountIds: [ref.accountId], limit: TRANSACTIONS_PAGE }]);
    expect(store.getState().selectedAccount).toEqual(ref);
    expect(store.getState().transactionLists[key]).toEqual({ transactions: pages.first?.transactions, cursor: 'cursor-2', syncedAt: '2025-11-20T10:05:00.000Z', loading: false, error: null });
  });

  it('"more" passes the keyset cursor and appends; the last page has no cursor', async () => {
    const fake = stored();
    const store = createAppStore(fake.bridge);
    await store.getState().selectAccount(ref);
    await store.getState().loadTransactions(ref, true);
    expect(fake.inputsOf('transactions:query')[1]).toEqual({ accountIds: [ref.accountId], limit: TRANSACTIONS_PAGE, cursor: 'cursor-2' });
    const list = store.getState().transactionLists[key];
    expect(list?.transactions.map((t) => t.id)).toEqual(['t1', 't2', 't3']);
    expect(list?.cursor).toBeUndefined();
    await store.getState().loadTransactions(ref, true);
    expect(fake.inputsOf('transactions:query')).toHaveLength(2);
  });

  it('selecting an account already loaded does not read again', async () => {
    const fake = stored();
    const store = createAppStore(fake.bridge);
    await store.getState().selectAccount(ref);
    await store.getState().selectAccount(ref);
    expect(fake.inputsOf('transactions:query')).toHaveLength(1);
  });

  it('keeps a failure beside the list, not as the global error, and retries on the next selection', async () => {
    const fake = createFakeBridge({ 'transactions:query': () => ({ ok: false, error: offline }) });
    const store = createAppStore(fake.bridge);
    await store.getState().selectAccount(ref);
    expect(store.getState().transactionLists[key]).toEqual({ transactions: [], loading: false, error: offline });
    expect(store.getState().lastError).toBeNull();
    await store.getState().selectAccount(ref);
    expect(fake.inputsOf('transactions:query')).toHaveLength(2);
  });

  it('after a sync, reads the accounts and the selected list again from its first page, and forgets the other lists', async () => {
    const fake = stored();
    fake.handle('accounts:list', () => ({ ok: true, value: { accounts: [account()], failures: [], skipped: [] } }));
    const store = createAppStore(fake.bridge);
    await store.getState().selectAccount(ref);
    await store.getState().loadTransactions(ref, true);
    store.setState((s) => ({ transactionLists: { ...s.transactionLists, 'c1/other': { transactions: [], loading: false, error: null } } }));
    fake.emit('sync:finished', { runId: 1, trigger: 'person', startedAt: 'a', finishedAt: 'b', outcome: 'ok', accounts: [], skippedConnections: [], requests: 1, stored: 1 });
    await settle();
    expect(fake.inputsOf('accounts:list')).toHaveLength(1);
    // The overview's newest transactions are read too (every account): this list's read is the one naming its account.
    expect(fake.inputsOf('transactions:query').filter((i) => i.accountIds !== undefined).at(-1)).toEqual({ accountIds: [ref.accountId], limit: TRANSACTIONS_PAGE });
    expect(Object.keys(store.getState().transactionLists)).toEqual([key]);
    expect(store.getState().transactionLists[key]?.transactions.map((t) => t.id)).toEqual(['t1', 't2']);
  });

  it('drops a page that was asked for before a sync and answered after it', async () => {
    let answer!: (r: { ok: true; value: TransactionsView }) => void;
    const fake = stored();
    const store = createAppStore(fake.bridge);
    await store.getState().selectAccount(ref);
    fake.handle('transactions:query', (input) => (input.cursor === undefined ? { ok: true, value: pages.first as TransactionsView } : new Promise((r) => (answer = r))));
    const more = store.getState().loadTransactions(ref, true);
    await store.getState().reloadTransactions();
    answer({ ok: true, value: pages['cursor-2'] as TransactionsView });
    await more;
    expect(store.getState().transactionLists[key]?.transactions.map((t) => t.id)).toEqual(['t1', 't2']);
  });
});

describe('settings', () => {
  it('loads and changes the authorisation mode', async () => {
    const fake = createFakeBridge({
      'settings:get': () => ({ ok: true, value: { authorizationMode: 'window', autoSyncHours: 6, language: 'system', theme: 'system' } }),
      'settings:set': (input) => ({ ok: true, value: { authorizationMode: 'window', autoSyncHours: 6, language: 'system', theme: 'system', ...input } }),
    });
    const store = createAppStore(fake.bridge);
    await store.getState().loadSettings();
    expect(store.getState().settings).toEqual({ authorizationMode: 'window', autoSyncHours: 6, language: 'system', theme: 'system' });
    expect(await store.getState().setAuthorizationMode('system-browser')).toBe(true);
    expect(fake.inputsOf('settings:set')).toEqual([{ authorizationMode: 'system-browser' }]);
    expect(store.getState().settings).toEqual({ authorizationMode: 'system-browser', autoSyncHours: 6, language: 'system', theme: 'system' });
  });
});
