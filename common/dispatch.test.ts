import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Bridge, Handlers, MethodOutput } from './contract.js';
import { dispatch } from './dispatch.js';
import type { Connection } from './domain.js';

const toAppError = (e: unknown) => ({ code: 'X', state: 'failed' as const, message: e instanceof Error ? e.message : 'x', retryable: false });

/** Only the methods a test needs; the rest would throw if called. */
const handlers = new Proxy({} as Handlers, {
  get: (_t, name) => {
    if (name === 'connections:revoke') return async (input: { connectionId: string }) => ({ id: input.connectionId });
    if (name === 'transactions:query') return async (input: unknown) => input;
    if (name === 'connections:list') return async () => { throw new Error('bank down'); };
    return undefined;
  },
});

describe('dispatch', () => {
  it('refuses an unknown method before any handler runs', async () => {
    expect(await dispatch(handlers, 'connections:nope', {}, toAppError)).toEqual({
      ok: false, error: { code: 'UNKNOWN_METHOD', state: 'failed', message: 'no method "connections:nope"', retryable: false },
    });
    expect((await dispatch(handlers, '__proto__', {}, toAppError)).ok).toBe(false);
    expect((await dispatch(handlers, 42, {}, toAppError)).ok).toBe(false);
  });

  it('refuses input that breaks the schema, naming the field', async () => {
    const r = await dispatch(handlers, 'connections:revoke', { connectionId: 7 }, toAppError);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!r.ok && r.error.message).toContain('connectionId');
    const extra = await dispatch(handlers, 'connections:revoke', { connectionId: 'a', evil: true }, toAppError);
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('passes parsed input (defaults applied) and wraps the value', async () => {
    expect(await dispatch(handlers, 'connections:revoke', { connectionId: 'c-1' }, toAppError)).toEqual({ ok: true, value: { id: 'c-1' } });
    const r = await dispatch(handlers, 'transactions:query', { accountIds: ['RO1:RON'] }, toAppError);
    expect(r).toEqual({ ok: true, value: { accountIds: ['RO1:RON'], sort: 'date', order: 'desc', limit: 100 } });
  });

  it('holds a page to at most 500 rows and amounts to exact decimals', async () => {
    expect(await dispatch(handlers, 'transactions:query', { limit: 501 }, toAppError)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch(handlers, 'transactions:query', { limit: 500 }, toAppError)).toMatchObject({ ok: true });
    expect(await dispatch(handlers, 'transactions:query', { amountMin: 12.5 }, toAppError)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch(handlers, 'transactions:query', { amountMin: '1e3' }, toAppError)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await dispatch(handlers, 'transactions:query', { amountMin: '-90071992547.409921' }, toAppError)).toMatchObject({ ok: true });
    expect(await dispatch(handlers, 'transactions:query', { cursor: 'a b' }, toAppError)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('turns a thrown error into a Result error', async () => {
    expect(await dispatch(handlers, 'connections:list', {}, toAppError)).toEqual({ ok: false, error: { code: 'X', state: 'failed', message: 'bank down', retryable: false } });
  });
});

describe('contract types', () => {
  it('types each method’s input and result', () => {
    const bridge = {} as Bridge;
    expectTypeOf<MethodOutput<'connections:list'>>().toEqualTypeOf<Connection[]>();
    expectTypeOf(bridge.invoke<'connections:revoke'>).parameter(1).toEqualTypeOf<{ connectionId: string }>();
    // @ts-expect-error: no such method
    void (() => bridge.invoke('connections:nope', {}));
    // @ts-expect-error: connectionId must be a string
    void (() => bridge.invoke('connections:revoke', { connectionId: 1 }));
    // @ts-expect-error: no such event
    void (() => bridge.on('accounts:exploded', () => {}));
  });
});
