import { HOST_ROUTES, isEventName, SECRET_HEADER } from '../../../common/contract-names.js';
import type { Bridge, EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '../../../common/contract.js';
import type { UiErrorState } from '../../../common/domain.js';
import type { AppError, Result } from '../../../common/result.js';
import { startEventStream } from './event-stream.js';
import { resolveSecret, type SecretSources } from './secret.js';
import type { SseEvent } from './sse.js';

export interface HttpBridgeDeps extends SecretSources {
  fetch: typeof fetch;
  location: SecretSources['location'] & Pick<Location, 'href'>;
  /** Events may have been missed while the stream was down: the store reloads what they carry. */
  onReconnected?: () => void;
  sleep?: (ms: number) => Promise<void>;
}

export interface HttpBridge extends Bridge {
  /** Stops the event stream; for tests and page unload. */
  close(): void;
}

const failure = (code: string, state: UiErrorState, message: string, retryable: boolean): Result<never> => ({ ok: false, error: { code, state, message, retryable } });

const isAppError = (e: unknown): e is AppError =>
  typeof e === 'object' && e !== null &&
  typeof (e as AppError).code === 'string' && typeof (e as AppError).state === 'string' &&
  typeof (e as AppError).message === 'string' && typeof (e as AppError).retryable === 'boolean';

/** The host answers with a Result; anything else broke the contract. */
const isResult = (body: unknown): body is Result<unknown> =>
  typeof body === 'object' && body !== null &&
  (((body as { ok: unknown }).ok === true && 'value' in body) || ((body as { ok: unknown }).ok === false && isAppError((body as { error: unknown }).error)));

/**
 * The browser-mode transport: the same `Bridge` as Electron's preload, over the host on
 * 127.0.0.1. Calls are `POST /api/invoke` and events a fetch-read SSE stream `GET /api/events`,
 * both carrying the secret (from the page address, or traded once for its launch ticket) in
 * `X-Conturi-Secret`. Every failure becomes
 * a Result, as over IPC, so the store never sees a thrown error from here.
 */
export function createHttpBridge(deps: HttpBridgeDeps): HttpBridge {
  // A launch ticket is traded with the host first; every call and the stream wait for it.
  const secretReady = resolveSecret({ ...deps, ticketUrl: new URL(HOST_ROUTES.ticket, deps.location.href).href });
  const invokeUrl = new URL(HOST_ROUTES.invoke, deps.location.href).href;
  const eventsUrl = new URL(HOST_ROUTES.events, deps.location.href).href;
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let stopStream: (() => void) | undefined;
  let streaming = false;
  let closed = false;

  const deliver = ({ event, data }: SseEvent) => {
    if (!isEventName(event)) return;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      console.warn(`conturi: event ${event} carried data that is not JSON`);
      return;
    }
    for (const listener of [...(listeners.get(event) ?? [])]) {
      try {
        (listener as (p: unknown) => void)(payload);
      } catch (error) {
        console.error(`conturi: a listener of ${event} threw`, error);
      }
    }
  };

  // Once known, the secret is read without waiting: a call's request then leaves within the
  // caller's own turn, before whatever the caller does next (a keystroke's list before the
  // address change and render that follow it).
  let known: { secret: string | undefined } | undefined;
  void secretReady.then((secret) => {
    known = { secret };
  });

  const invoke = async <M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> => {
    const secret = known === undefined ? await secretReady : known.secret;
    if (secret === undefined) return failure('HOST_REFUSED', 'app-refused', 'this page was opened without the host’s secret; open the address the host printed', false);
    let response: Response;
    try {
      response = await deps.fetch(invokeUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [SECRET_HEADER]: secret },
        body: JSON.stringify({ method, input }),
        cache: 'no-store',
        credentials: 'omit',
      });
    } catch {
      return failure('OFFLINE', 'app-unreachable', 'the app’s host does not answer', true);
    }
    if (response.status !== 200) {
      await response.body?.cancel().catch(() => undefined);
      return failure('HOST_REFUSED', 'app-refused', `the app’s host refused the call (HTTP ${response.status})`, false);
    }
    let text: string;
    try {
      text = await response.text();
    } catch {
      return failure('OFFLINE', 'app-unreachable', 'the connection to the app’s host broke during the answer', true);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return failure('PROTOCOL_ERROR', 'failed', 'the app’s host answered with something that is not JSON', false);
    }
    return isResult(body) ? (body as Result<MethodOutput<M>>) : failure('PROTOCOL_ERROR', 'failed', 'the app’s host answered without a Result', false);
  };

  const on = <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): (() => void) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener as (payload: never) => void);
    if (!streaming) {
      streaming = true;
      void secretReady.then((secret) => {
        if (secret === undefined || closed) return;
        stopStream = startEventStream({
          fetch: deps.fetch,
          url: eventsUrl,
          headers: { [SECRET_HEADER]: secret },
          onEvent: deliver,
          onOpen: (again) => {
            if (again) deps.onReconnected?.();
          },
          ...(deps.sleep === undefined ? {} : { sleep: deps.sleep }),
        });
      });
    }
    return () => {
      set.delete(listener as (payload: never) => void);
    };
  };

  return {
    invoke,
    on,
    close: () => {
      closed = true;
      stopStream?.();
      stopStream = undefined;
    },
  };
}
