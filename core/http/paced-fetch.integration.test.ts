/**
 * The paced fetch in front of the sandbox bank over real HTTP: its faults, its gateway's
 * per-minute limit (429 with Retry-After) and its daily budget of unattended reads (429 without).
 * Reads go through the real client (getAccountListRequest, getBalancesRequest, send()); what
 * reached the bank is recorded by a wrapper around the real fetch.
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SandboxOptions } from '../../sandbox/index.js';
import { bankFor, connectAis, enrol, type TestBank } from '../../test/helpers/bank.js';
import { demoCertificatePem } from '../../test/helpers/certificates.js';
import { virtualTime } from '../../test/helpers/virtual-time.js';
import { BankError, NetworkError } from '../errors.js';
import { cecProfile } from '../profiles/bank-profile.js';
import { getAccountListRequest, getBalancesRequest, processAccountListResponse, processBalancesResponse } from '../psd2/accounts.js';
import { toHeaderCertificate, type AisAuth, type Psd2Context } from '../psd2/psd2-context.js';
import { psd2Headers } from '../psd2/psd2-headers.js';
import { pacedFetch } from './paced-fetch.js';
import { send } from './send.js';

const PRESENT = { psuIpAddress: '192.0.2.10' };
const UNATTENDED = {};
const scope = { connectionId: 'conn-1' };

/** One request as it reached the bank: what was sent, and what came back. */
interface Sent {
  method: string;
  path: string;
  requestId: string | null;
  outcome: number | 'failed';
  at: number;
}

/** The real fetch, noting every request that goes through it. */
function recordingFetch(clock: () => number = Date.now): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = [];
  const recording: typeof fetch = async (input, init) => {
    const req = new Request(input, init);
    const entry: Sent = { method: req.method, path: new URL(req.url).pathname, requestId: req.headers.get('x-request-id'), outcome: 'failed', at: clock() };
    sent.push(entry);
    const res = await fetch(input, init);
    entry.outcome = res.status;
    return res;
  };
  return { fetch: recording, sent };
}

interface Connected {
  bank: TestBank;
  auth: AisAuth;
  clientId: string;
  accountIds: string[];
  context(f: typeof fetch): Psd2Context;
}

const opened: { bank: TestBank; dir: string }[] = [];
afterEach(async () => {
  for (const { bank, dir } of opened.splice(0)) {
    await bank.close();
    await rm(dir, { recursive: true, force: true });
  }
});

/**
 * A TPP enrolled and connected (AIS, every account of the demo PSU) in a calm bank, which is
 * then restarted from its data folder with `options` (faults, a small limit): the set-up's own
 * calls neither fail nor spend the window the test is about.
 */
async function connected(options: SandboxOptions = {}): Promise<Connected> {
  const dir = await mkdtemp(join(tmpdir(), 'paced-fetch-'));
  const calm = await bankFor({ dataDir: dir, ...(options.now !== undefined && { now: options.now }) });
  const creds = await enrol(calm);
  const { consentId, accessToken } = await connectAis(calm, creds);
  const auth = { consentId, accessToken };
  const context = (bank: TestBank, f: typeof fetch): Psd2Context => ({
    fetch: f,
    baseUrl: bank.url,
    profile: cecProfile,
    clientId: creds.clientId,
    certificate: toHeaderCertificate(demoCertificatePem),
    newRequestId: randomUUID,
  });
  const list = await processAccountListResponse(await getAccountListRequest(context(calm, fetch), auth, PRESENT), scope);
  await calm.close();
  const bank = await bankFor({ ...options, dataDir: dir });
  opened.push({ bank, dir });
  return { bank, auth, clientId: creds.clientId, accountIds: list.accounts.map((a) => a.resourceId), context: (f) => context(bank, f) };
}

const listAccounts = async (ctx: Psd2Context, auth: AisAuth) => (await processAccountListResponse(await getAccountListRequest(ctx, auth, PRESENT), scope)).accounts.length;

describe('pacedFetch over a faulty bank (faultRate 0.3)', () => {
  it('gets every GET through by retrying 500s, 503s and dropped connections, each as the same request', async () => {
    const time = virtualTime();
    const c = await connected({ faultRate: 0.3, seed: 7, now: time.date });
    const rec = recordingFetch(time.now);
    // At 30% faults, five attempts in a row fail for one request in 400 (this seed has such a run); eight, for one in 15,000.
    const paced = pacedFetch(time.track(rec.fetch), { sleep: time.sleep, now: time.now, maxAttempts: 8 });
    const ctx = c.context(paced);

    const counts: number[] = [];
    for (let i = 0; i < 25; i++) counts.push(await listAccounts(ctx, c.auth));

    expect(counts).toEqual(Array(25).fill(c.accountIds.length));
    const faults = rec.sent.filter((s) => s.outcome !== 200);
    expect(faults.length).toBeGreaterThan(0);
    expect(new Set(faults.map((s) => s.outcome))).toEqual(new Set([500, 503, 'failed']));
    expect(paced.stats).toMatchObject({ requests: 25, sent: rec.sent.length, retries: rec.sent.length - 25, exhausted: 0 });
    // A retry is the same request: every attempt of one request id went to the same path, and only its last one got through.
    const byId = new Map<string | null, Sent[]>();
    for (const s of rec.sent) byId.set(s.requestId, [...(byId.get(s.requestId) ?? []), s]);
    expect(byId.size).toBe(25);
    for (const attempts of byId.values()) {
      expect(new Set(attempts.map((a) => `${a.method} ${a.path}`)).size).toBe(1);
      expect(attempts.map((a) => a.outcome === 200)).toEqual([...Array(attempts.length - 1).fill(false), true]);
      // A 503 said Retry-After: 1; the next attempt waited for it.
      attempts.forEach((a, i) => {
        if (a.outcome === 503) expect((attempts[i + 1] as Sent).at - a.at).toBeGreaterThanOrEqual(1_000);
      });
    }
  });

  it('never re-sends a POST, PUT or DELETE that failed (a payment must not go twice), while a GET is retried', async () => {
    const c = await connected({ faultRate: 1, seed: 3 });
    const time = virtualTime();
    const rec = recordingFetch();
    const paced = pacedFetch(time.track(rec.fetch), { sleep: time.sleep, now: time.now });
    const ctx = c.context(paced);
    const url = `${c.bank.url}/psd29p/v1/payments/sepa-credit-transfers`;

    for (const method of ['POST', 'PUT', 'DELETE', 'POST', 'POST', 'POST'] as const) {
      const outcome = await send(paced, url, { method, headers: psd2Headers(ctx, { 'content-type': 'application/json' }), body: '{}' }).then(
        (res) => res.status,
        (error: unknown) => (error instanceof NetworkError ? 'dropped' : error),
      );
      expect([500, 503, 'dropped']).toContain(outcome);
    }
    expect(rec.sent.map((s) => s.method)).toEqual(['POST', 'PUT', 'DELETE', 'POST', 'POST', 'POST']);
    expect(paced.stats.retries).toBe(0);

    // The same faults on a GET are retried up to the attempt cap: the count above is not for want of retrying.
    await expect(listAccounts(ctx, c.auth)).rejects.toBeInstanceOf(Error);
    expect(rec.sent.slice(6).map((s) => s.method)).toEqual(Array(5).fill('GET'));
    expect(paced.stats).toMatchObject({ retries: 4, exhausted: 1 });
  });
});

describe('pacedFetch under the gateway limit (20 calls a minute)', () => {
  it('paces the calls below the limit from X-RateLimit-Remaining, so 45 reads meet no 429', async () => {
    const time = virtualTime();
    const c = await connected({ rateLimit: 20, now: time.date });
    const rec = recordingFetch(time.now);
    const paced = pacedFetch(time.track(rec.fetch), { sleep: time.sleep, now: time.now, random: () => 0.5 });
    const ctx = c.context(paced);

    const counts = await Promise.all(Array.from({ length: 45 }, () => listAccounts(ctx, c.auth)));

    expect(counts).toEqual(Array(45).fill(c.accountIds.length));
    expect(rec.sent.filter((s) => s.outcome !== 200)).toEqual([]);
    expect(paced.stats).toMatchObject({ requests: 45, sent: 45, retries: 0, rateLimitWaits: 0 });
    expect(paced.stats.pacedMs).toBeGreaterThan(0);
    // 45 calls at 20 a minute need two full windows and part of a third, and no more.
    expect(time.elapsed()).toBeGreaterThanOrEqual(120_000);
    expect(time.elapsed()).toBeLessThan(180_000);
  });

  it('waits out a 429 with Retry-After when another client spent the window, then gets through', async () => {
    const time = virtualTime();
    const c = await connected({ rateLimit: 20, now: time.date });
    const rec = recordingFetch(time.now);
    const paced = pacedFetch(time.track(rec.fetch), { sleep: time.sleep, now: time.now, random: () => 0.5 });
    const ctx = c.context(paced);
    // Another process with the same client id spends most of the minute; this fetch cannot know.
    const other = c.context(fetch);
    for (let i = 0; i < 18; i++) await listAccounts(other, c.auth);
    time.advance(20_000);

    const counts = await Promise.all(Array.from({ length: 6 }, () => listAccounts(ctx, c.auth)));

    expect(counts).toEqual(Array(6).fill(c.accountIds.length));
    const limited = rec.sent.filter((s) => s.outcome === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(paced.stats.rateLimitWaits).toBe(limited.length);
    // The window opened at t=0 with the other client's first call: at t=20 s, Retry-After said 40 s.
    const firstLimited = Math.min(...limited.map((s) => s.at));
    // Not before Retry-After, and not much later (a second's jitter, a second's recheck) for any of them.
    const afterWait = rec.sent.filter((o) => o.outcome === 200 && o.at > firstLimited).map((s) => s.at - firstLimited);
    expect(afterWait.length).toBeGreaterThan(0);
    for (const at of afterWait) {
      expect(at).toBeGreaterThanOrEqual(40_000);
      expect(at).toBeLessThanOrEqual(42_000);
    }
  });

  it('returns a 429 whose Retry-After is past the wait cap at once, as a BankError with its retryAfter', async () => {
    const time = virtualTime();
    const c = await connected({ rateLimit: 2, now: time.date });
    const rec = recordingFetch(time.now);
    const paced = pacedFetch(time.track(rec.fetch), { sleep: time.sleep, now: time.now, maxWaitMs: 30_000 });
    const other = c.context(fetch);
    for (let i = 0; i < 2; i++) await listAccounts(other, c.auth);

    const error = await listAccounts(c.context(paced), c.auth).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BankError);
    expect(error).toMatchObject({ status: 429, code: 'ACCESS_EXCEEDED', retryAfter: 60 });
    expect(rec.sent).toHaveLength(1);
    expect(time.elapsed()).toBe(0);
  });
});

describe('pacedFetch and the daily budget of unattended reads', () => {
  it('does not retry the 5th unattended read of an account (429 without Retry-After): it surfaces to the caller', async () => {
    const c = await connected();
    const rec = recordingFetch();
    const paced = pacedFetch(rec.fetch, { backoff: { baseMs: 1, capMs: 1 } });
    const ctx = c.context(paced);
    const account = c.accountIds[0] as string;

    for (let i = 0; i < 4; i++) expect((await processBalancesResponse(await getBalancesRequest(ctx, c.auth, UNATTENDED, { accountResourceId: account }))).length).toBeGreaterThan(0);
    const error = await processBalancesResponse(await getBalancesRequest(ctx, c.auth, UNATTENDED, { accountResourceId: account })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BankError);
    expect(error).toMatchObject({ status: 429, code: 'ACCESS_EXCEEDED', retryAfter: undefined });
    expect(rec.sent.map((s) => s.outcome)).toEqual([200, 200, 200, 200, 429]);
    expect(paced.stats).toMatchObject({ sent: 5, retries: 0, rateLimitWaits: 0 });
  });
});

describe('pacedFetch and the caller’s signal', () => {
  it('stops waiting out a 429 the moment send()’s timeout fires', async () => {
    const c = await connected({ rateLimit: 1 });
    await listAccounts(c.context(fetch), c.auth);
    const rec = recordingFetch();
    const paced = pacedFetch(rec.fetch);

    const t0 = performance.now();
    const error = await listAccounts({ ...c.context(paced), timeoutMs: 300 }, c.auth).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(NetworkError);
    // The gate was a minute long.
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(rec.sent.map((s) => s.outcome)).toEqual([429]);
    expect(paced.stats).toMatchObject({ rateLimitWaits: 1, aborted: 1 });
  });
});

describe('the sandbox gateway', () => {
  it('sends the rate-limit headers on every answer: a read, a refusal, the daily budget’s 429 and an injected fault', async () => {
    const c = await connected({ faultRate: 0, rateLimit: 100 });
    const ctx = c.context(fetch);
    const answers = [
      await getAccountListRequest(ctx, c.auth, PRESENT),
      await send(fetch, `${c.bank.url}/psd29c/v1/accounts`, { method: 'GET', headers: psd2Headers(ctx) }),
    ];
    for (let i = 0; i < 5; i++) answers.push(await getBalancesRequest(ctx, c.auth, UNATTENDED, { accountResourceId: c.accountIds[0] as string }));
    const statuses = answers.map((a) => a.status);
    expect(statuses).toEqual([200, statuses[1], 200, 200, 200, 200, 429]);
    expect(statuses[1]).toBeGreaterThanOrEqual(400);
    expect(statuses[1]).toBeLessThan(429);
    answers.forEach((a, i) => {
      expect(a.headers.get('x-ratelimit-limit')).toBe('name=rate-limit,100;');
      expect(a.headers.get('x-ratelimit-remaining')).toBe(`name=rate-limit,${99 - i};`);
    });

    const faulty = await connected({ faultRate: 1, seed: 11 });
    const faults: Response[] = [];
    while (faults.length < 2) {
      const res = await fetch(`${faulty.bank.url}/psd29c/v1/accounts`).catch(() => undefined);
      if (res !== undefined) faults.push(res);
    }
    for (const f of faults) {
      expect([500, 503]).toContain(f.status);
      expect(f.headers.get('x-ratelimit-remaining')).toMatch(/^name=rate-limit,\d+;$/);
    }
  });
});
