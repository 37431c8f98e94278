import { describe, expect, it } from 'vitest';
import { createSseParser, type SseEvent } from './sse.js';

const parseAll = (...chunks: string[]): SseEvent[] => {
  const events: SseEvent[] = [];
  const parser = createSseParser((e) => events.push(e));
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return events;
};

describe('createSseParser', () => {
  it('parses a named event with JSON data', () => {
    expect(parseAll('event: authorization:open\ndata: {"url":"https://bank/x"}\n\n')).toEqual([
      { event: 'authorization:open', data: '{"url":"https://bank/x"}' },
    ]);
  });

  it('parses several events in one chunk', () => {
    const events = parseAll('event: a\ndata: 1\n\nevent: b\ndata: 2\n\n');
    expect(events).toEqual([{ event: 'a', data: '1' }, { event: 'b', data: '2' }]);
  });

  it('joins an event split at every possible point', () => {
    const text = 'event: connections:changed\r\ndata: [1,\r\ndata: 2]\r\n\r\n';
    for (let cut = 0; cut <= text.length; cut++) {
      expect(parseAll(text.slice(0, cut), text.slice(cut)), `cut at ${cut}`).toEqual([{ event: 'connections:changed', data: '[1,\n2]' }]);
    }
  });

  it('accepts a lone CR as a line end', () => {
    expect(parseAll('event: a\rdata: x\r\r')).toEqual([{ event: 'a', data: 'x' }]);
  });

  it('joins multiple data lines with a newline', () => {
    expect(parseAll('data: one\ndata: two\n\n')).toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });

  it('ignores comments used as keep-alives and unknown fields', () => {
    expect(parseAll(': ping\n\nretry: 10\nfoo: bar\nevent: a\ndata: 1\n\n')).toEqual([{ event: 'a', data: '1' }]);
  });

  it('removes only one space after the colon and keeps data without a space', () => {
    expect(parseAll('data:x\n\ndata:  y\n\n')).toEqual([{ event: 'message', data: 'x' }, { event: 'message', data: ' y' }]);
  });

  it('does not dispatch an event without data', () => {
    expect(parseAll('event: a\n\n')).toEqual([]);
  });

  it('drops an event the stream cut before its blank line', () => {
    expect(parseAll('event: a\ndata: 1\n\nevent: b\ndata: 2\n')).toEqual([{ event: 'a', data: '1' }]);
  });

  it('strips a leading byte order mark', () => {
    expect(parseAll('\uFEFFdata: 1\n\n')).toEqual([{ event: 'message', data: '1' }]);
  });

  it('keeps the last event id', () => {
    expect(parseAll('id: 7\ndata: 1\n\n')).toEqual([{ event: 'message', data: '1', id: '7' }]);
  });
});
