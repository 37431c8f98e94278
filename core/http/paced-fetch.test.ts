/**
 * The paced fetch's concurrency cap, counted where it matters: at a real HTTP server on
 * 127.0.0.1 that holds each request a moment and notes how many it holds at once; and how an
 * abort ends its waits.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { pacedFetch } from './paced-fetch.js';

interface CountingServer {
  url: string;
  /** Requests received, and the most held at once. */
  received: number;
  maxConcurrent: number;
  close(): Promise<void>;
}

let server: CountingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Answers the n-th request (from 1) after `holdMs`: 200 "ok", or what `answer` says. */
async function countingServer(holdMs: number | ((n: number) => number), answer: { status: number; headers: Record<string, string> } = { status: 200, headers: {} }): Promise<CountingServer> {
  let current = 0;
  const s: Server = createServer((req, res) => {
    state.received += 1;
    current += 1;
    state.maxConcurrent = Math.max(state.maxConcurrent, current);
    setTimeout(() => {
      current -= 1;
      res.writeHead(answer.status, { 'content-type': 'text/plain', ...answer.headers }).end('ok');
    }, typeof holdMs === 'number' ? holdMs : holdMs(state.received));
  });
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const state: CountingServer = {
    url: `http://127.0.0.1:${(s.address() as AddressInfo).port}/`,
    received: 0,
    maxConcurrent: 0,
    close: () =>
      new Promise((resolve) => {
        s.close(() => resolve());
        // A request still held (the one a test gave up on) must not keep the server open.
        s.closeAllConnections();
      }),
  };
  return state;
}

describe('pacedFetch concurrency cap', () => {
  it('has at most `concurrency` requests in flight at the server, and uses all of them', async () => {
    server = await countingServer(100);
    const paced = pacedFetch(fetch, { concurrency: 3 });

    const answers = await Promise.all(Array.from({ length: 12 }, () => paced(server!.url).then((r) => r.text())));

    expect(answers).toEqual(Array(12).fill('ok'));
    expect(server.received).toBe(12);
    expect(server.maxConcurrent).toBe(3);
  });

  it('caps at 4 by default', async () => {
    server = await countingServer(100);
    const paced = pacedFetch(fetch);
    await Promise.all(Array.from({ length: 10 }, () => paced(server!.url).then((r) => r.text())));
    expect(server.maxConcurrent).toBe(4);
  });

  it('lets a request queued behind the cap go the moment its signal aborts, without sending it', async () => {
    server = await countingServer(1_500);
    const paced = pacedFetch(fetch, { concurrency: 1 });
    const first = paced(server.url).then((r) => r.text());
    const t0 = performance.now();
    const queued = paced(server.url, { signal: AbortSignal.timeout(30) });

    await expect(queued).rejects.toMatchObject({ name: 'TimeoutError' });
    // Long before the first request frees the slot.
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(await first).toBe('ok');
    expect(server.received).toBe(1);
    expect(paced.stats).toMatchObject({ requests: 2, sent: 1, aborted: 1 });
  });

  it('stops a backoff wait (a 503 asking for 5 s) the moment the signal aborts', async () => {
    server = await countingServer(0, { status: 503, headers: { 'retry-after': '5' } });
    const paced = pacedFetch(fetch);
    const t0 = performance.now();

    await expect(paced(server.url, { signal: AbortSignal.timeout(100) })).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(performance.now() - t0).toBeLessThan(2_500);
    expect(server.received).toBe(1);
    expect(paced.stats).toMatchObject({ sent: 1, retries: 1, aborted: 1 });
  });

  it('retries a GET whose answer does not come within attemptTimeoutMs, as a network failure', async () => {
    server = await countingServer((n) => (n === 1 ? 5_000 : 0));
    const paced = pacedFetch(fetch, { attemptTimeoutMs: 150, backoff: { baseMs: 1, capMs: 1 } });
    const t0 = performance.now();

    expect(await (await paced(server.url)).text()).toBe('ok');
    // Long before the first attempt's answer would have come.
    expect(performance.now() - t0).toBeLessThan(2_500);
    expect(server.received).toBe(2);
    expect(paced.stats).toMatchObject({ sent: 2, retries: 1 });
  });
});
