import type { ServerResponse } from 'node:http';
import type { EventName, EventPayload } from '../common/index.js';

/** How often an idle stream carries a comment, so proxies and the browser keep it open. */
const HEARTBEAT_MS = 15_000;

/**
 * The contract's events as Server-Sent Events to every open `GET /api/events`. The renderer
 * reads the stream with `fetch` rather than `EventSource`, because `EventSource` cannot send the
 * secret header. An event that finds no listener is dropped: events are notices, and the
 * renderer reloads state through `invoke` when it (re)connects.
 * @see https://html.spec.whatwg.org/multipage/server-sent-events.html
 */
export class EventStream {
  readonly #clients = new Set<ServerResponse>();
  readonly #heartbeat: ReturnType<typeof setInterval>;

  constructor(heartbeatMs = HEARTBEAT_MS) {
    this.#heartbeat = setInterval(() => this.#write(': heartbeat\n\n'), heartbeatMs);
    this.#heartbeat.unref();
  }

  /** Takes over a response: sends the stream's headers and keeps it until the client leaves. */
  attach(res: ServerResponse, headers: Readonly<Record<string, string>>): void {
    res.writeHead(200, { ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
    // A first comment makes the browser's fetch resolve now rather than at the first event.
    res.write(': connected\n\n');
    this.#clients.add(res);
    res.on('close', () => this.#clients.delete(res));
  }

  /** Sends one event to every open stream. JSON never holds a raw newline, so one data line suffices. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    this.#write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  }

  get size(): number {
    return this.#clients.size;
  }

  /** Ends every stream, so the server can close without waiting for the browser to hang up. */
  close(): void {
    clearInterval(this.#heartbeat);
    for (const res of this.#clients) res.end();
    this.#clients.clear();
  }

  #write(chunk: string): void {
    for (const res of this.#clients) if (!res.writableEnded) res.write(chunk);
  }
}
