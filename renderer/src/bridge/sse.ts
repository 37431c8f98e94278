import { createParser } from 'eventsource-parser';

/** One Server-Sent Event as the stream delivered it: `event` defaults to "message". */
export interface SseEvent {
  event: string;
  data: string;
  id?: string;
}

/**
 * Reads a `text/event-stream` body to its end, handing each complete event to `onEvent`, and
 * says whether anything at all arrived (a keep-alive comment counts). We read the stream with
 * fetch, not EventSource, because EventSource cannot send the `X-Conturi-Secret` header; the
 * parsing is eventsource-parser's. An event the stream cut before its blank line is dropped, as
 * the spec says; `retry` is ignored, as the transport owns its backoff.
 * @see https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation
 */
export async function readEventStream(body: ReadableStream<Uint8Array>, onEvent: (event: SseEvent) => void): Promise<boolean> {
  const parser = createParser({
    onEvent: ({ event, data, id }) => onEvent({ event: event ?? 'message', data, ...(id === undefined ? {} : { id }) }),
  });
  // The decoder drops a leading byte order mark and joins a character split across chunks.
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let carried = false;
  let last = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      carried = true;
      const text = decoder.decode(value, { stream: true });
      if (text !== '') last = text;
      parser.feed(text);
    }
    // The parser holds a final CR back in case an LF follows; the stream has ended, so it was a
    // line end on its own. An LF after it makes the same one line end, never a blank line.
    if (last.endsWith('\r')) parser.feed('\n');
  } finally {
    reader.releaseLock();
  }
  return carried;
}
