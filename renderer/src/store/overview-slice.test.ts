import { describe, expect, it } from 'vitest';
import { createFakeBridge } from '../bridge/fake-bridge.js';
import { createAppStore } from './app-store.js';
import { RECENT_COUNT } from './overview-slice.js';
import { connection, settle, transaction } from './test-fixtures.js';

const totals = (amount: string) => ({ ok: true as const, value: { totals: [{ currency: 'RON', amount, accounts: [] }], syncedAt: '2026-03-01T10:00:00Z' } });

function world() {
  let amount = '100';
  const fake = createFakeBridge({
    'insights:totals': () => totals(amount),
    'transactions:query': () => ({ ok: true, value: { transactions: [transaction()] } }),
    'accounts:list': () => ({ ok: true, value: { accounts: [], failures: [], skipped: [] } }),
    'sync:status': () => ({ ok: true, value: { running: false, intervalHours: 0 } }),
  });
  return { fake, store: createAppStore(fake.bridge), setAmount: (a: string) => void (amount = a) };
}

describe('the overview slice', () => {
  it('reads the totals and the newest transactions of every account', async () => {
    const { fake, store } = world();
    await store.getState().loadOverview();
    expect(store.getState().totals?.totals[0]?.amount).toBe('100');
    expect(store.getState().recent?.map((t) => t.id)).toEqual(['t1']);
    expect(fake.inputsOf('transactions:query')).toEqual([{ limit: RECENT_COUNT }]);
  });

  it('reads them again after a sync and after the connections change (a revoke changes the totals)', async () => {
    const { fake, store, setAmount } = world();
    await store.getState().loadOverview();
    setAmount('250');
    fake.emit('sync:finished', { runId: 1, trigger: 'person', startedAt: 'a', finishedAt: 'b', outcome: 'ok', accounts: [], skippedConnections: [], requests: 1, stored: 1 });
    await settle();
    expect(store.getState().totals?.totals[0]?.amount).toBe('250');
    setAmount('0');
    fake.emit('connections:changed', [connection({ status: 'revoked' })]);
    await settle();
    expect(store.getState().totals?.totals[0]?.amount).toBe('0');
  });

  it('a failed read keeps the figures shown and says why beside them, not as the app’s last error', async () => {
    const { fake, store } = world();
    await store.getState().loadOverview();
    fake.handle('insights:totals', () => ({ ok: false, error: { code: 'X', state: 'failed', message: 'db', retryable: false } }));
    await store.getState().loadOverview();
    expect(store.getState().totals?.totals[0]?.amount).toBe('100');
    expect(store.getState().totalsError?.message).toBe('db');
    expect(store.getState().lastError).toBeNull();
  });

  it('changes the theme or the language alone through settings:set', async () => {
    const { fake, store } = world();
    fake.handle('settings:set', (input) => ({ ok: true, value: { authorizationMode: 'window', autoSyncHours: 6, language: input.language ?? 'ro', theme: input.theme ?? 'light' } }));
    expect(await store.getState().setPreference({ theme: 'dark' })).toBe(true);
    expect(fake.inputsOf('settings:set')).toEqual([{ theme: 'dark' }]);
    expect(store.getState().settings?.theme).toBe('dark');
  });
});
