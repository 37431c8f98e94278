import { describe, expect, it } from 'vitest';
import { readEventStream, type SseEvent } from './sse.js';

const bytesOf = (text: string) => new TextEncoder().encode(text);

/** A body delivering these chunks, as the network may cut them. */
const body = (...chunks: Uint8Array[]) =>
  new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });

const parseAll = async (...chunks: string[]): Promise<SseEvent[]> => {
  const events: SseEvent[] = [];
  await readEventStream(body(...chunks.map(bytesOf)), (e) => events.push(e));
  return events;
};

describe('readEventStream', () => {
  it('parses a named event with JSON data', async () => {
    expect(await parseAll('event: authorization:open\ndata: {"url":"https://bank/x"}\n\n')).toEqual([
      { event: 'authorization:open', data: '{"url":"https://bank/x"}' },
    ]);
  });

  it('parses several events in one chunk', async () => {
    const events = await parseAll('event: a\ndata: 1\n\nevent: b\ndata: 2\n\n');
    expect(events).toEqual([{ event: 'a', data: '1' }, { event: 'b', data: '2' }]);
  });

  it('joins an event split at every possible byte, a CR LF pair and a character included', async () => {
    const bytes = bytesOf('event: connections:changed\r\ndata: [1,\r\ndata: "Brașov"]\r\n\r\n');
    for (let cut = 0; cut <= bytes.length; cut++) {
      const events: SseEvent[] = [];
      await readEventStream(body(bytes.slice(0, cut), bytes.slice(cut)), (e) => events.push(e));
      expect(events, `cut at ${cut}`).toEqual([{ event: 'connections:changed', data: '[1,\n"Brașov"]' }]);
    }
  });

  it('accepts a lone CR as a line end', async () => {
    expect(await parseAll('event: a\rdata: x\r\r')).toEqual([{ event: 'a', data: 'x' }]);
  });

  it('joins multiple data lines with a newline', async () => {
    expect(await parseAll('data: one\ndata: two\n\n')).toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });

  it('ignores comments used as keep-alives and unknown fields', async () => {
    expect(await parseAll(': ping\n\nretry: 10\nfoo: bar\nevent: a\ndata: 1\n\n')).toEqual([{ event: 'a', data: '1' }]);
  });

  it('removes only one space after the colon and keeps data without a space', async () => {
    expect(await parseAll('data:x\n\ndata:  y\n\n')).toEqual([{ event: 'message', data: 'x' }, { event: 'message', data: ' y' }]);
  });

  it('does not dispatch an event without data', async () => {
    expect(await parseAll('event: a\n\n')).toEqual([]);
  });

  it('drops an event the stream cut before its blank line', async () => {
    expect(await parseAll('event: a\ndata: 1\n\nevent: b\ndata: 2\n')).toEqual([{ event: 'a', data: '1' }]);
  });

  it('strips a leading byte order mark', async () => {
    expect(await parseAll('\uFEFFdata: 1\n\n')).toEqual([{ event: 'message', data: '1' }]);
  });

  it('keeps the last event id', async () => {
    expect(await parseAll('id: 7\ndata: 1\n\n')).toEqual([{ event: 'message', data: '1', id: '7' }]);
  });

  it('says whether anything arrived: a keep-alive does, an empty body does not', async () => {
    expect(await readEventStream(body(bytesOf(': ping\n\n')), () => undefined)).toBe(true);
    expect(await readEventStream(body(), () => undefined)).toBe(false);
  });
});
