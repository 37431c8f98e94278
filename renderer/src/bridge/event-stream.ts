import { readEventStream, type SseEvent } from './sse.js';

export interface EventStreamOptions {
  fetch: typeof fetch;
  url: string;
  headers: Record<string, string>;
  onEvent(event: SseEvent): void;
  /** Called each time the stream opens; `again` is true after a break, when events may have been missed. */
  onOpen?(again: boolean): void;
  sleep?: (ms: number) => Promise<void>;
}

/** 0.5 s after a stream that carried something, then 1, 2, 4 … up to 30 s while it keeps failing. */
const backoffMs = (failures: number): number => (failures === 0 ? 500 : Math.min(30_000, 1000 * 2 ** (failures - 1)));

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Keeps one `text/event-stream` open over fetch and reopens it with backoff whenever it ends or
 * fails (host restarted, laptop slept). Returns a function that stops it for good.
 */
export function startEventStream(options: EventStreamOptions): () => void {
  const sleep = options.sleep ?? defaultSleep;
  const controller = new AbortController();
  let stopped = false;

  const readOnce = async (): Promise<boolean> => {
    const response = await options.fetch(options.url, {
      headers: { Accept: 'text/event-stream', ...options.headers },
      cache: 'no-store',
      credentials: 'omit',
      signal: controller.signal,
    });
    if (response.status !== 200 || response.body === null) {
      await response.body?.cancel().catch(() => undefined);
      return false;
    }
    return pump(response.body);
  };

  let opened = false;
  const pump = async (body: ReadableStream<Uint8Array>): Promise<boolean> => {
    options.onOpen?.(opened);
    opened = true;
    return readEventStream(body, options.onEvent);
  };

  void (async () => {
    let failures = 0;
    while (!stopped) {
      const healthy = await readOnce().catch(() => false);
      if (stopped) break;
      failures = healthy ? 0 : failures + 1;
      await sleep(backoffMs(failures));
    }
  })();

  return () => {
    stopped = true;
    controller.abort();
  };
}
