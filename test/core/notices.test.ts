/**
 * The `notice` event: core tells the front end when a run it started on its own brought new
 * transactions, and when a consent is about to end or has ended — through the contract's
 * handlers, over the sandbox bank (its clock and core's the same), a real SQLite file and the
 * OS keychain.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type Connection, type EventName, type Notice, type Result } from '../../common/index.js';
import { createHandlers } from '../../core/app-handlers.js';
import { toAppError } from '../../core/errors.js';
import { testClock } from '../helpers/bank.js';
import { coreWorld, psuPort, type CoreWorldForTest } from '../helpers/core-world.js';

const DAY_MS = 86_400_000;

describe('notices after a sync', () => {
  const clock = testClock(new Date());
  let w: CoreWorldForTest;
  const events: { name: EventName; payload: unknown }[] = [];
  const notices = () => events.filter((e) => e.name === 'notice').map((e) => e.payload as Notice);
  let call: (method: string, input?: unknown) => Promise<Result<unknown>>;
  let connection: Connection;

  beforeAll(async () => {
    w = await coreWorld({ sandbox: { now: clock.now }, now: clock.now });
    const handlers = createHandlers(w.core, {
      authorizationPort: () => psuPort({ user: 'demo', decision: 'allow' }),
      psuIpAddress: '192.0.2.1',
      syncAfterConnect: false,
      emit: (name, payload) => events.push({ name, payload }),
    });
    call = (method, input = {}) => dispatch(handlers, method, input, toAppError);
    const connected = await call('connections:connect', { profileId: 'sandbox', label: 'Personal' });
    if (!connected.ok) throw new Error(connected.error.message);
    connection = connected.value as Connection;
  });
  afterAll(async () => {
    await w.close();
  });

  it('says nothing after a run the person started, however much it stored', async () => {
    const summary = await w.core.sync.run({ trigger: 'person', psuIpAddress: '192.0.2.1' });
    expect(summary.stored).toBeGreaterThan(0);
    expect(notices()).toEqual([]);
  });

  it('tells how many new transactions a scheduled run stored', async () => {
    const activity = await fetch(`${w.bankOrigin}/sandbox/psus/demo/activity`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ days: 2 }) });
    expect(activity.status).toBe(200);
    const summary = await w.core.sync.run({ trigger: 'schedule' });
    expect(summary.stored).toBeGreaterThan(0);
    expect(notices()).toEqual([{ kind: 'new-transactions', params: { count: summary.stored, runId: summary.runId } }]);
  });

  it('reminds of a consent ending within 14 days at most once a day, and of an ended one once', async () => {
    const validUntil = connection.validUntil;
    if (validUntil === undefined) throw new Error('the consent has no validUntil');
    events.length = 0;
    // Ten days before the consent's last day, at noon in Bucharest.
    clock.set(new Date(Date.parse(`${validUntil}T10:00:00Z`) - 10 * DAY_MS));
    await w.core.sync.run({ trigger: 'schedule' });
    await w.core.sync.run({ trigger: 'schedule' });
    const reminders = notices().filter((n) => n.kind !== 'new-transactions');
    expect(reminders).toEqual([{ kind: 'consent-expiring', params: { connectionId: connection.id, label: 'Personal', validUntil, daysLeft: 10 } }]);

    clock.advance(DAY_MS);
    await w.core.sync.run({ trigger: 'schedule' });
    expect(notices().filter((n) => n.kind !== 'new-transactions').at(-1)).toMatchObject({ kind: 'consent-expiring', params: { daysLeft: 9 } });

    events.length = 0;
    clock.set(new Date(Date.parse(`${validUntil}T10:00:00Z`) + 2 * DAY_MS));
    await w.core.sync.run({ trigger: 'schedule' });
    clock.advance(DAY_MS);
    await w.core.sync.run({ trigger: 'schedule' });
    expect(notices()).toEqual([{ kind: 'consent-expired', params: { connectionId: connection.id, label: 'Personal', validUntil } }]);
  });
});
