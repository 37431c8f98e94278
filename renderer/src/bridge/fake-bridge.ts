import type { Bridge, EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '../../../common/contract.js';
import type { Result } from '../../../common/result.js';

export type FakeHandlers = {
  [M in MethodName]?: (input: MethodInput<M>) => Result<MethodOutput<M>> | Promise<Result<MethodOutput<M>>>;
};

export interface RecordedCall {
  method: MethodName;
  input: unknown;
}

/**
 * A bridge for tests and screenshots: records every call, answers from the handlers given,
 * and lets the test push events. The store cannot tell it from the preload or the HTTP one.
 */
export function createFakeBridge(initial: FakeHandlers = {}) {
  const handlers: FakeHandlers = { ...initial };
  const calls: RecordedCall[] = [];
  const listeners = new Map<EventName, Set<(payload: never) => void>>();

  const bridge: Bridge = {
    async invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
      calls.push({ method, input });
      const handler = handlers[method] as ((input: MethodInput<M>) => Result<MethodOutput<M>> | Promise<Result<MethodOutput<M>>>) | undefined;
      if (handler === undefined) return { ok: false, error: { code: 'UNKNOWN_METHOD', state: 'failed', message: `fake bridge: no handler for ${method}`, retryable: false } };
      return handler(input);
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
  };

  return {
    bridge,
    calls,
    /** Calls of one method, inputs only, in order. */
    inputsOf: <M extends MethodName>(method: M) => calls.filter((c) => c.method === method).map((c) => c.input as MethodInput<M>),
    handle<M extends MethodName>(method: M, handler: NonNullable<FakeHandlers[M]>) {
      (handlers as Record<string, unknown>)[method] = handler;
    },
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      for (const listener of [...(listeners.get(event) ?? [])]) (listener as (p: EventPayload<E>) => void)(payload);
    },
    listenerCount: (event: EventName) => listeners.get(event)?.size ?? 0,
  };
}

export type FakeBridge = ReturnType<typeof createFakeBridge>;
