import { describe, expect, it } from 'vitest';
import type { Result } from '../../../common/result.js';
import type { SyncProgress, SyncStatus, SyncSummary } from '../../../common/sync.js';
import { createFakeBridge } from '../bridge/fake-bridge.js';
import { createAppStore } from './app-store.js';
import { nextAutoUpdate, selectSyncing } from './sync-slice.js';
import { settle } from './test-fixtures.js';

const status = (over: Partial<SyncStatus> = {}): SyncStatus => ({ running: false, intervalHours: 6, ...over });
const summary = (over: Partial<SyncSummary> = {}): SyncSummary => ({
  runId: 1, trigger: 'person', startedAt: '2026-12-01T10:00:00.000Z', finishedAt: '2026-12-01T10:01:00.000Z', outcome: 'ok',
  accounts: [], skippedConnections: [], requests: 2, stored: 0, ...over,
});
const progress = (over: Partial<SyncProgress>): SyncProgress => ({ runId: 1, connectionId: 'c1', accountId: 'a1', phase: 'queued', done: 0, total: 2, ...over });
const synced = (accountId: string, stored: number) => ({ connectionId: 'c1', accountId, outcome: 'synced' as const, stored, skipped: [], pages: 1 });
const offline = { code: 'OFFLINE', state: 'offline' as const, message: 'bank unreachable', retryable: true };

describe('sync › status', () => {
  it('is read at start and again after each finished run', async () => {
    let n = 0;
    const fake = createFakeBridge({ 'sync:status': () => ({ ok: true, value: status({ lastRun: { trigger: 'person', finishedAt: `2026-12-01T10:0${n++}:00.000Z`, outcome: 'ok' } }) }) });
    const store = createAppStore(fake.bridge);
    await store.getState().initialize();
    expect(fake.inputsOf('sync:status')).toHaveLength(1);
    expect(store.getState().syncStatus?.lastRun?.finishedAt).toBe('2026-12-01T10:00:00.000Z');
    fake.emit('sync:finished', summary());
    await settle();
    expect(fake.inputsOf('sync:status')).toHaveLength(2);
    expect(store.getState().syncStatus?.lastRun?.finishedAt).toBe('2026-12-01T10:01:00.000Z');
  });

  it('keeps the newest answer when an older one arrives after it', async () => {
    const answers: ((r: Result<SyncStatus>) => void)[] = [];
    const fake = createFakeBridge({ 'sync:status': () => new Promise((r) => answers.push(r)) });
    const store = createAppStore(fake.bridge);
    const first = store.getState().loadSyncStatus();
    const second = store.getState().loadSyncStatus();
    answers[1]?.({ ok: true, value: status({ running: false }) });
    answers[0]?.({ ok: true, value: status({ running: true }) });
    await Promise.all([first, second]);
    expect(store.getState().syncStatus?.running).toBe(false);
  });
});

describe('sync › progress', () => {
  it('keeps each account’s phase, page and count, and the run’s done/total', () => {
    const fake = createFakeBridge();
    const store = createAppStore(fake.bridge);
    fake.emit('sync:progress', progress({ accountId: 'a1' }));
    fake.emit('sync:progress', progress({ accountId: 'a2' }));
    fake.emit('sync:progress', progress({ accountId: 'a1', phase: 'reading', page: 3 }));
    fake.emit('sync:progress', progress({ accountId: 'a2', phase: 'done', stored: 142, done: 1 }));
    const run = store.getState().syncRun;
    expect(run).toMatchObject({ runId: 1, done: 1, total: 2, finished: false });
    expect(run?.accounts).toEqual({
      a1: { connectionId: 'c1', accountId: 'a1', phase: 'reading', page: 3 },
      a2: { connectionId: 'c1', accountId: 'a2', phase: 'done', stored: 142 },
    });
    expect(selectSyncing(store.getState())).toBe(true);
  });

  it('a new run starts its lines afresh; a late event of an older run changes nothing', () => {
    const fake = createFakeBridge();
    const store = createAppStore(fake.bridge);
    fake.emit('sync:progress', progress({ accountId: 'a1', phase: 'done', stored: 5, done: 1, total: 1 }));
    fake.emit('sync:progress', progress({ runId: 2, accountId: 'a2', total: 1 }));
    fake.emit('sync:progress', progress({ runId: 1, accountId: 'a1', phase: 'failed', message: 'late' }));
    expect(store.getState().syncRun).toEqual({ runId: 2, done: 0, total: 1, finished: false, accounts: { a2: { connectionId: 'c1', accountId: 'a2', phase: 'queued' } } });
  });

  it('the finished run fills the bar, keeps the summary, and adds the accounts whose events were missed', () => {
    const fake = createFakeBridge({ 'sync:status': () => ({ ok: true, value: status() }) });
    const store = createAppStore(fake.bridge);
    fake.emit('sync:progress', progress({ accountId: 'a1', phase: 'reading', page: 2 }));
    const deferred = { connectionId: 'c1', accountId: 'a2', outcome: 'deferred' as const, stored: 0, skipped: [], pages: 0, state: 'rate-limited' as const, message: 'budget', nextAttemptAt: '2026-12-01T22:00:00.000Z' };
    const done = summary({ outcome: 'partial', accounts: [synced('a1', 7), deferred] });
    fake.emit('sync:finished', done);
    const s = store.getState();
    expect(s.lastSyncSummary).toEqual(done);
    expect(s.syncRun).toMatchObject({ runId: 1, done: 2, total: 2, finished: true });
    expect(s.syncRun?.accounts.a1).toEqual({ connectionId: 'c1', accountId: 'a1', phase: 'done', stored: 7 });
    expect(s.syncRun?.accounts.a2).toEqual({ connectionId: 'c1', accountId: 'a2', phase: 'deferred', state: 'rate-limited', message: 'budget', nextAttemptAt: '2026-12-01T22:00:00.000Z' });
    expect(selectSyncing(s)).toBe(false);
  });
});

describe('sync › runSync', () => {
  it('calls sync:run, for one connection when named, and is syncing until the run answers', async () => {
    let answer!: (r: Result<SyncSummary>) => void;
    const fake = createFakeBridge({ 'sync:run': () => new Promise((r) => (answer = r)) });
    const store = createAppStore(fake.bridge);
    const running = store.getState().runSync();
    expect(selectSyncing(store.getState())).toBe(true);
    answer({ ok: true, value: summary({ accounts: [synced('a1', 3)] }) });
    expect(await running).toBe(true);
    expect(selectSyncing(store.getState())).toBe(false);
    expect(store.getState().lastSyncSummary?.accounts).toHaveLength(1);
    fake.handle('sync:run', () => ({ ok: true, value: summary({ runId: 2 }) }));
    await store.getState().runSync('c7');
    expect(fake.inputsOf('sync:run')).toEqual([{}, { connectionId: 'c7' }]);
  });

  it('a refused run is the last error, by its state, and leaves the button free', async () => {
    const fake = createFakeBridge({ 'sync:run': () => ({ ok: false, error: offline }) });
    const store = createAppStore(fake.bridge);
    expect(await store.getState().runSync()).toBe(false);
    expect(store.getState().lastError).toEqual(offline);
    expect(selectSyncing(store.getState())).toBe(false);
  });

  it('a run going when the app opens counts as syncing until its events say otherwise', async () => {
    const fake = createFakeBridge({ 'sync:status': () => ({ ok: true, value: status({ running: true }) }) });
    const store = createAppStore(fake.bridge);
    await store.getState().loadSyncStatus();
    expect(selectSyncing(store.getState())).toBe(true);
    fake.emit('sync:finished', summary());
    expect(selectSyncing(store.getState())).toBe(false);
  });
});

describe('sync › nextAutoUpdate', () => {
  const deferredAt = (nextAttemptAt: string) => summary({ accounts: [{ ...synced('a1', 0), outcome: 'deferred', nextAttemptAt }] });

  it('is the first scheduled run at or after the deferred accounts’ retry time', () => {
    const s = status({ nextRunAt: '2026-12-01T16:00:00.000Z', intervalHours: 6 });
    expect(nextAutoUpdate(deferredAt('2026-12-01T22:00:00.000Z'), s)?.toISOString()).toBe('2026-12-01T22:00:00.000Z');
    expect(nextAutoUpdate(deferredAt('2026-12-01T22:30:00.000Z'), s)?.toISOString()).toBe('2026-12-02T04:00:00.000Z');
    expect(nextAutoUpdate(deferredAt('2026-12-01T12:00:00.000Z'), s)?.toISOString()).toBe('2026-12-01T16:00:00.000Z');
  });

  it('is absent when nothing was deferred or auto-sync is off', () => {
    expect(nextAutoUpdate(summary({ accounts: [synced('a1', 1)] }), status({ nextRunAt: '2026-12-01T16:00:00.000Z' }))).toBeUndefined();
    expect(nextAutoUpdate(deferredAt('2026-12-01T22:00:00.000Z'), status({ intervalHours: 0 }))).toBeUndefined();
  });
});

describe('settings › auto-sync interval', () => {
  it('saves the hours alone through settings:set, then reads the engine’s new plan', async () => {
    const fake = createFakeBridge({
      'settings:set': (input) => ({ ok: true, value: { authorizationMode: 'window', autoSyncHours: 6, language: 'system', theme: 'system', ...input } }),
      'sync:status': () => ({ ok: true, value: status({ intervalHours: 12, nextRunAt: '2026-12-01T22:00:00.000Z' }) }),
    });
    const store = createAppStore(fake.bridge);
    expect(await store.getState().setAutoSyncHours(12)).toBe(true);
    expect(fake.inputsOf('settings:set')).toEqual([{ autoSyncHours: 12 }]);
    expect(store.getState().settings?.autoSyncHours).toBe(12);
    expect(store.getState().syncStatus?.intervalHours).toBe(12);
  });
});
