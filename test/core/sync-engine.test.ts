import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncProgress, SyncSummary } from '../../common/index.js';
import { UNATTENDED_READS_PER_DAY } from '../../core/sync/sync-engine.js';
import { coreWorld, psuPort, type CoreWorldForTest } from '../helpers/core-world.js';

const PSU_IP = '192.0.2.10';

/** The app's and the bank's one clock, moved by the tests to cross bank days. */
function clock(start: string) {
  let t = Date.parse(start);
  return { now: () => new Date(t), set: (iso: string) => { t = Date.parse(iso); }, advance: (ms: number) => { t += ms; } };
}

const count = (w: CoreWorldForTest, sql: string, ...args: unknown[]) => (w.core.db.prepare(sql).get(...args) as { n: number }).n;

describe('sync engine against the sandbox bank', () => {
  const time = clock('2027-03-10T08:00:00Z');
  let w: CoreWorldForTest;
  let connectionId: string;
  const progress: SyncProgress[] = [];
  const finished: SyncSummary[] = [];
  /** The status of every answer the bank gave core, in order. */
  const statuses: number[] = [];
  const recording: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    statuses.push(res.status);
    return res;
  };

  beforeAll(async () => {
    w = await coreWorld({ sandbox: { now: time.now, pageSize: 200 }, now: time.now, fetch: recording });
    w.core.onSync((e) => ('progress' in e ? progress.push(e.progress) : finished.push(e.finished)));
    const c = await w.core.connections.connect({ profileId: 'sandbox', label: 'demo', port: psuPort({ user: 'demo', decision: 'allow' }), psuIpAddress: PSU_IP });
    connectionId = c.id;
  });
  afterAll(async () => { await w?.close(); });

  it('first sync: every granted account synced, its whole report stored, with balances', async () => {
    const summary = await w.core.sync.run({ trigger: 'person', psuIpAddress: PSU_IP });
    expect(summary.outcome).toBe('ok');
    expect(summary.accounts).toHaveLength(4);
    for (const a of summary.accounts) {
      expect(a.outcome, a.accountId).toBe('synced');
      expect(a.stored, a.accountId).toBe(count(w, 'SELECT count(*) AS n FROM transactions WHERE account_id = ?', a.accountId));
      expect(count(w, 'SELECT count(*) AS n FROM balances WHERE account_id = ?', a.accountId), a.accountId).toBeGreaterThan(0);
    }
    // The current RON account has two years of history, read in pages of 200.
    const busiest = summary.accounts.reduce((a, b) => (a.pages > b.pages ? a : b));
    expect(busiest.pages).toBeGreaterThan(1);
    const first = w.core.db.prepare(`SELECT MIN(day) AS d FROM transactions WHERE account_id = ?`).get(busiest.accountId) as { d: string };
    expect(first.d < '2025-04-10').toBe(true);
  });

  it('reports progress per account: queued, each page, done, with done/total rising to the total', () => {
    const run = finished[0]?.runId;
    const mine = progress.filter((p) => p.runId === run);
    const accountIds = new Set(mine.map((p) => p.accountId));
    expect(accountIds.size).toBe(4);
    for (const id of accountIds) {
      const phases = mine.filter((p) => p.accountId === id).map((p) => p.phase);
      expect(phases[0]).toBe('queued');
      expect(phases.at(-1)).toBe('done');
      expect(phases.filter((p) => p === 'reading').length).toBeGreaterThan(0);
    }
    expect(mine.at(-1)).toMatchObject({ done: 4, total: 4 });
  });

  it('a resync with nothing new stores nothing and costs about one request per account', async () => {
    const before = count(w, 'SELECT count(*) AS n FROM transactions');
    const summary = await w.core.sync.run({ trigger: 'schedule' });
    expect(summary.stored).toBe(0);
    expect(count(w, 'SELECT count(*) AS n FROM transactions')).toBe(before);
    // The account list was read today already; the token is still good: one report per account.
    expect(summary.requests / summary.accounts.length).toBeLessThanOrEqual(1.1);
  });

  it('a person’s resync within the hour of the last account-list read costs about one request per account', async () => {
    const summary = await w.core.sync.run({ trigger: 'person', psuIpAddress: PSU_IP });
    expect(summary.stored).toBe(0);
    expect(summary.requests / summary.accounts.length).toBeLessThanOrEqual(1.1);
  });

  it('a person’s sync reads the consent and account lists again once the last read is over an hour old', async () => {
    const readAt = () => w.core.db.prepare('SELECT accounts_read_at FROM connections WHERE id = ?').pluck().get(connectionId) as string;
    const before = readAt();
    time.advance(61 * 60_000);
    const summary = await w.core.sync.run({ trigger: 'person', psuIpAddress: PSU_IP });
    expect(summary.outcome).toBe('ok');
    expect(readAt()).toBe(time.now().toISOString());
    expect(readAt() > before).toBe(true);
  });

  it('never overlaps runs: a background run asked for during one joins it, the person’s follows it', async () => {
    const a = w.core.sync.run({ trigger: 'person', psuIpAddress: PSU_IP });
    const b = w.core.sync.run({ trigger: 'schedule' });
    const c = w.core.sync.run({ trigger: 'person', psuIpAddress: PSU_IP });
    const [ra, rb, rc] = await Promise.all([a, b, c]);
    expect(rb.runId).toBe(ra.runId);
    expect(rc.runId).toBeGreaterThan(ra.runId);
    expect(Date.parse(rc.startedAt)).toBeGreaterThanOrEqual(Date.parse(ra.finishedAt));
  });

  it('keeps within the daily budget: automatic runs stop at 4 a day without a 429, the person’s still work', async () => {
    time.set('2027-03-11T06:00:00Z');
    statuses.length = 0;
    const outcomes: string[][] = [];
    for (let i = 0; i < 8; i++) {
      const s = await w.core.sync.run({ trigger: 'schedule' });
      outcomes.push(s.accounts.map((a) => a.outcome));
      time.advance(60 * 60_000);
    }
    expect(outcomes.slice(0, UNATTENDED_READS_PER_DAY).flat().every((o) => o === 'synced')).toBe(true);
    expect(outcomes.slice(UNATTENDED_READS_PER_DAY).flat().every((o) => o === 'deferred')).toBe(true);
    expect(statuses.length).toBeGreaterThanOrEqual(UNATTENDED_READS_PER_DAY * 4);
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    const deferred = (await w.core.sync.run({ trigger: 'schedule' })).accounts[0];
    expect(deferred).toMatchObject({ outcome: 'deferred', state: 'rate-limited', nextAttemptAt: '2027-03-11T22:00:00.000Z' });
    const person = await w.core.sync.run({ trigger: 'person', psuIpAddress: PSU_IP });
    expect(person.accounts.every((a) => a.outcome === 'synced')).toBe(true);
    time.set('2027-03-11T22:05:00Z');
    expect((await w.core.sync.run({ trigger: 'schedule' })).accounts.every((a) => a.outcome === 'synced')).toBe(true);
  });

  it('stops for the day when the bank refuses an automatic read the ledger allowed, and says so', async () => {
    time.set('2027-03-13T06:00:00Z');
    // The budget was spent elsewhere (a restored backup of the app): the ledger knows nothing of it.
    for (let i = 0; i < UNATTENDED_READS_PER_DAY; i++) await w.core.sync.run({ trigger: 'schedule' });
    w.core.db.prepare('DELETE FROM unattended_accesses').run();
    statuses.length = 0;
    const refused = await w.core.sync.run({ trigger: 'schedule' });
    expect(refused.accounts.every((a) => a.outcome === 'deferred')).toBe(true);
    expect(statuses.filter((s) => s === 429)).toHaveLength(4);
    const before = count(w, 'SELECT count(*) AS n FROM sync_runs');
    const next = await w.core.sync.run({ trigger: 'schedule' });
    expect(next.requests).toBe(0);
    expect(count(w, 'SELECT count(*) AS n FROM sync_runs')).toBe(before + 1);
    expect(w.core.connections.get(connectionId).status).toBe('active');
  });
});

describe('an account two consents cover', () => {
  let w: CoreWorldForTest;
  afterAll(async () => { await w?.close(); });

  it('is read once, through the consent that covers its transactions, whichever was connected first', async () => {
    w = await coreWorld();
    const psus = (await (await fetch(`${w.bankOrigin}/sandbox/psus`)).json()) as { psus: { userId: string; accounts: { iban: string }[] }[] };
    const ibans = psus.psus.find((p) => p.userId === 'demo')?.accounts.map((a) => a.iban) ?? [];
    const balancesOnly = await w.core.connections.connect({
      profileId: 'sandbox', label: 'balances only', psuIpAddress: PSU_IP,
      port: psuPort({ user: 'demo', decision: 'allow', ticks: { accounts: ibans, balances: ibans, transactions: [] } }),
    });
    const full = await w.core.connections.connect({ profileId: 'sandbox', label: 'full', port: psuPort({ user: 'demo', decision: 'allow' }), psuIpAddress: PSU_IP });
    expect(balancesOnly.accounts.every((a) => a.balances && !a.transactions)).toBe(true);
    const summary = await w.core.sync.run({ trigger: 'person', psuIpAddress: PSU_IP });
    expect(summary.accounts).toHaveLength(full.accounts.length);
    for (const a of summary.accounts) {
      expect(a, a.accountId).toMatchObject({ connectionId: full.id, outcome: 'synced' });
      expect(a.pages, a.accountId).toBeGreaterThan(0);
    }
  });
});
