import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { raw, stubHandlers } from '../test/helpers/host-http.js';
import { startHost, type RunningHost } from './server.js';

let host: RunningHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

const start = async (ticketTtlMs?: number) => (host = await startHost({ staticDir: tmpdir(), handlers: () => stubHandlers(), ticketTtlMs }));
const ticketOf = (url: string) => new URL(url).hash.slice('#ticket='.length);
const redeem = (h: RunningHost, ticket: string, headers: Record<string, string> = { origin: h.origin }) =>
  raw(h.origin, '/api/ticket', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ ticket }) });

describe('POST /api/ticket', () => {
  it('trades a launch ticket for the secret exactly once', async () => {
    const h = await start();
    const launch = h.launchTicket();
    expect(launch.url).toMatch(new RegExp(`^${h.origin}/#ticket=[\\w-]{43}$`));
    const first = await redeem(h, ticketOf(launch.url));
    expect(first.status).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(first.body)).toEqual({ secret: new URL(h.url).hash.slice('#secret='.length) });
    await launch.done;
    expect((await redeem(h, ticketOf(launch.url))).status).toBe(403);
  });

  it('refuses a ticket it never issued, and keeps the real one working', async () => {
    const h = await start();
    const launch = h.launchTicket();
    expect((await redeem(h, 'x'.repeat(43))).status).toBe(403);
    expect((await redeem(h, '')).status).toBe(403);
    expect((await redeem(h, ticketOf(launch.url))).status).toBe(200);
  });

  it.each([
    ['no Origin (a program, not our page)', {}],
    ['another Origin', { origin: 'http://localhost:1234' }],
  ])('refuses a request with %s and leaves the ticket unspent', async (_what, headers) => {
    const h = await start();
    const launch = h.launchTicket();
    expect((await redeem(h, ticketOf(launch.url), headers)).status).toBe(403);
    expect((await redeem(h, ticketOf(launch.url))).status).toBe(200);
  });

  it('refuses a ticket once it expired', async () => {
    const h = await start(20);
    const launch = h.launchTicket();
    await launch.done;
    expect((await redeem(h, ticketOf(launch.url))).status).toBe(403);
  });
});
