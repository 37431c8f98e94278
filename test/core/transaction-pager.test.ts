import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dispatch, type AccountsView, type Handlers, type MethodInput, type MethodName, type MethodOutput, type Result, type StoredAccount } from '../../common/index.js';
import { createHandlers } from '../../core/app-handlers.js';
import { toAppError } from '../../core/errors.js';
import { fingerprintTransactions } from '../../core/psd2/transaction-fingerprint.js';
import { storeAccountReport } from '../../core/store/account-history.js';
import { claim, earlyPager, listKey, startEarly } from '../../renderer/src/ui/early-pager.js';
import { FIRST_PAGE, SETTLE_MS, TransactionPager } from '../../renderer/src/ui/transaction-pager.js';
import { coreWorld, psuPort, type CoreWorldForTest } from '../helpers/core-world.js';

/**
 * The Transactions list's pager over the real handlers and store (the bridge's far side, without
 * HTTP): which calls a new list makes, and when.
 */
describe('TransactionPager over the local copy', () => {
  let w: CoreWorldForTest;
  let handlers: Handlers;
  const calls: { method: string; input: unknown }[] = [];
  let failNext = false;
  const read = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> => {
    calls.push({ method, input });
    if (failNext) {
      failNext = false;
      return { ok: false, error: { code: 'OFFLINE', state: 'offline', message: 'the host does not answer', retryable: true } };
    }
    return (await dispatch(handlers, method, input, toAppError)) as Result<MethodOutput<M>>;
  };
  const methods = () => calls.map((c) => c.method);

  beforeEach(async () => {
    calls.length = 0;
    w = await coreWorld({ now: () => new Date('2027-03-10T09:00:00Z') });
    handlers = createHandlers(w.core, { authorizationPort: () => psuPort({ user: 'demo', decision: 'allow' }), psuIpAddress: '192.0.2.1', syncAfterConnect: false, emit: () => {} });
    const c = await dispatch(handlers, 'connections:connect', { profileId: 'sandbox', label: 'Personal' }, toAppError);
    if (!c.ok) throw new Error(c.error.message);
    const listed = await dispatch(handlers, 'accounts:list', {}, toAppError);
    const ron = (listed as Result<AccountsView> & { ok: true }).value.accounts.find((a) => a.kind === 'account' && a.currency === 'RON') as StoredAccount;
    const day = (i: number) => `2027-0${1 + Math.floor(i / 28)}-${String(1 + (i % 28)).padStart(2, '0')}`;
    storeAccountReport(w.core.db, {
      accountId: ron.id,
      booked: fingerprintTransactions(Array.from({ length: 250 }, (_, i) => ({
        accountId: ron.id, status: 'booked' as const, bookingDate: day(i), valueDate: day(i), amount: { amount: `-${i + 1}.00`, currency: 'RON' }, counterpartyName: i % 2 === 0 ? 'Kaufland' : 'Lidl',
      }))),
      pending: [],
      balances: [],
      dateFrom: '2027-01-01', today: '2027-03-10', now: '2027-03-10T08:00:00.000Z',
    });
    calls.length = 0;
  });
  afterEach(async () => {
    vi.useRealTimers();
    await w.close();
  });

  it('opens with one call, its counts and first page; rows in view are read at once, the rest once the list has stood a moment', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const pager = new TransactionPager(read, {});
    await pager.start();
    expect(methods()).toEqual(['transactions:first-pages']);
    expect(pager.counts()).toEqual({ booked: 250, pending: 0 });
    expect(pager.item(1)).toMatchObject({ kind: 'row' });
    expect(pager.item(FIRST_PAGE + 1)).toMatchObject({ kind: 'placeholder' });
    // The first rows fill the view: what lies beyond them waits.
    pager.want(30);
    await vi.advanceTimersByTimeAsync(SETTLE_MS - 50);
    expect(methods()).toEqual(['transactions:first-pages']);
    await vi.advanceTimersByTimeAsync(100);
    expect(methods()).toEqual(['transactions:first-pages', 'transactions:query']);
    pager.dispose();

    // A line in view without its row: read now, however new the list.
    const scrolled = new TransactionPager(read, {});
    await scrolled.start();
    scrolled.want(FIRST_PAGE + 20);
    expect(methods().slice(2)).toEqual(['transactions:first-pages', 'transactions:query']);
    scrolled.dispose();
  });

  it('a keystroke’s list is started from the event, once; the list showing its filter takes it; the list on screen holds its read-ahead', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const onScreen = new TransactionPager(read, {});
    await onScreen.start();
    claim({ read, key: listKey({}), version: 0, pager: onScreen });
    onScreen.want(30);
    await vi.advanceTimersByTimeAsync(SETTLE_MS - 50);

    startEarly(read, 0, { text: 'kaufland' });
    // The request left with the keystroke, before any render.
    expect(calls.at(-1)).toEqual({ method: 'transactions:first-pages', input: { text: 'kaufland', limit: FIRST_PAGE } });
    startEarly(read, 0, { text: 'kaufland' });
    expect(methods().filter((m) => m === 'transactions:first-pages')).toHaveLength(2);
    const early = earlyPager(read, listKey({ text: 'kaufland' }), 0);
    expect(early).toBeDefined();
    expect(earlyPager(read, listKey({ text: 'kaufland' }), 1)).toBeUndefined();
    // The list on screen read nothing ahead when it was due (it gives way), nor for SETTLE_MS after the keystroke.
    await vi.advanceTimersByTimeAsync(SETTLE_MS - 50);
    expect(methods()).not.toContain('transactions:query');
    await vi.advanceTimersByTimeAsync(100);
    expect(methods()).toContain('transactions:query');
    await vi.waitFor(() => expect(early?.state.phase).toBe('ready'));
    expect(early?.counts()).toEqual({ booked: 125, pending: 0 });

    // The next keystroke's list replaces the one nobody took.
    startEarly(read, 0, { text: 'lidl' });
    expect(early?.disposed).toBe(true);
    expect(earlyPager(read, listKey({ text: 'lidl' }), 0)?.disposed).toBe(false);
    onScreen.dispose();
  });

  it('tried again after a failure, a list shows its skeletons, then its rows', async () => {
    failNext = true;
    const pager = new TransactionPager(read, {});
    await pager.start();
    expect(pager.state.phase).toBe('failed');
    const retry = pager.start();
    expect(pager.state.phase).toBe('loading');
    await retry;
    expect(pager.state.phase).toBe('ready');
    expect(pager.counts()).toEqual({ booked: 250, pending: 0 });
    pager.dispose();
  });
});
