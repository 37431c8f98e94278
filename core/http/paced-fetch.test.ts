/**
 * The paced fetch's concurrency cap, counted where it matters: at a real HTTP server on
 * 127.0.0.1 that holds each request a moment and notes how many it holds at once.
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

/** Answers every request with 200 after `holdMs`. */
async function countingServer(holdMs: number): Promise<CountingServer> {
  let current = 0;
  const s: Server = createServer((req, res) => {
    state.received += 1;
    current += 1;
    state.maxConcurrent = Math.max(state.maxConcurrent, current);
    setTimeout(() => {
      current -= 1;
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    }, holdMs);
  });
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const state: CountingServer = {
    url: `http://127.0.0.1:${(s.address() as AddressInfo).port}/`,
    received: 0,
    maxConcurrent: 0,
    close: () => new Promise((resolve) => s.close(() => resolve())),
  };
  return state;
}

describe('pacedFetch concurrency cap', () => {
  it('has at most `concurrency` requests in flight at the server, and uses all of them', async () => {
    server = await countingServer(40);
    const paced = pacedFetch(fetch, { concurrency: 3 });

    const answers = await Promise.all(Array.from({ length: 12 }, () => paced(server!.url).then((r) => r.text())));

    expect(answers).toEqual(Array(12).fill('ok'));
    expect(server.received).toBe(12);
    expect(server.maxConcurrent).toBe(3);
  });

  it('caps at 4 by default', async () => {
    server = await countingServer(40);
    const paced = pacedFetch(fetch);
    await Promise.all(Array.from({ length: 10 }, () => paced(server!.url).then((r) => r.text())));
    expect(server.maxConcurrent).toBe(4);
  });

  it('lets a request queued behind the cap go the moment its signal aborts, without sending it', async () => {
    server = await countingServer(300);
    const paced = pacedFetch(fetch, { concurrency: 1 });
    const first = paced(server.url).then((r) => r.text());
    const t0 = performance.now();
    const queued = paced(server.url, { signal: AbortSignal.timeout(30) });

    await expect(queued).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(performance.now() - t0).toBeLessThan(200);
    expect(await first).toBe('ok');
    expect(server.received).toBe(1);
    expect(paced.stats).toMatchObject({ requests: 2, sent: 1, aborted: 1 });
  });
});
