import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coreWorld, psuPort, type CoreWorldForTest } from '../helpers/core-world.js';
import { compareWithBank } from '../../scripts/ground-truth.js';
import { storedAccountsView } from '../../core/store/stored-accounts.js';

const PSU_IP = '192.0.2.10';

type Mangle = (url: URL, body: string) => string | undefined;

/**
 * The network between core and the bank, able to spoil the answers of report pages: what a bank
 * with a bug, or a proxy cutting a body short, would deliver. `undefined` leaves a page as it is.
 */
function spoiling(): { fetch: typeof fetch; set(m: Mangle | undefined): void } {
  let mangle: Mangle | undefined;
  return {
    set: (m) => { mangle = m; },
    fetch: async (input, init) => {
      const res = await fetch(input, init);
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      if (mangle === undefined || !url.pathname.endsWith('/transactions') || res.status !== 200) return res;
      const body = await res.text();
      const spoiled = mangle(url, body) ?? body;
      return new Response(spoiled, { status: res.status, headers: res.headers });
    },
  };
}

/** The first booked item's amount as "12,50": a comma no exact parser may guess at. */
function spoilFirstBookedAmount(body: string): string {
  const at = body.indexOf('"transactionAmount":', body.indexOf('"booked":['));
  if (at < 0) return body;
  return body.slice(0, at) + body.slice(at).replace(/"amount":-?[\d.]+/, '"amount":"12,50"');
}

const stored = (w: CoreWorldForTest) => (w.core.db.prepare('SELECT count(*) AS n FROM transactions').get() as { n: number }).n;

describe('a sync and the bank’s bad pages', () => {
  const net = spoiling();
  let w: CoreWorldForTest;
  beforeAll(async () => {
    w = await coreWorld({ sandbox: { pageSize: 100, seed: 5 }, fetch: net.fetch });
    await w.core.connections.connect({ profileId: 'sandbox', label: 'demo', port: psuPort({ user: 'demo', decision: 'allow' }), psuIpAddress: PSU_IP });
  });
  afterAll(async () => { await w?.close(); });

  it('skips and reports an unreadable item on a later page, and stores the rest of the account', async () => {
    // The second page of every report: its first booked amount becomes text no parser may guess at.
    net.set((url, body) => (url.searchParams.has('pageToken') ? spoilFirstBookedAmount(body) : undefined));
    const summary = await w.core.sync.run({ trigger: 'person', psuIpAddress: PSU_IP });
    net.set(undefined);
    const paged = summary.accounts.filter((a) => a.pages > 1);
    expect(paged.length).toBeGreaterThan(0);
    for (const a of paged) {
      expect(a.outcome).toBe('synced');
      // One spoiled item on every page after the first, each named by page, list and position.
      expect(a.skipped).toEqual(Array.from({ length: a.pages - 1 }, (_, i) =>
        ({ list: 'booked', index: 0, reason: `page ${i + 2}: booked[0]: transactionAmount.amount is not a decimal amount: "12,50"` })));
    }
    const diff = await compareWithBank(w.core.db, w.bankOrigin, 'demo');
    expect(diff.missing).toHaveLength(paged.reduce((n, a) => n + a.pages - 1, 0));
    // The accounts list, read from the store, still says what could not be read, per account.
    const view = storedAccountsView(w.core.db, w.core.connections.list());
    expect(view.skipped).toHaveLength(diff.missing.length);
    for (const a of paged) {
      expect(view.skipped).toContainEqual(expect.objectContaining({ connectionId: a.connectionId, accountId: a.accountId, list: 'booked', reason: expect.stringMatching(/^page 2: /) }));
    }
    expect(diff.extra).toEqual([]);
  });

  it('a page that is not JSON fails its account only; what was stored before stays as it was', async () => {
    const before = stored(w);
    const keys = w.core.db.prepare('SELECT account_id, status, bank_key FROM transactions ORDER BY 1, 2, 3').all();
    // Every report of the first account the engine reads is cut short.
    let victim: string | undefined;
    net.set((url, body) => {
      victim ??= url.pathname;
      return url.pathname === victim ? body.slice(0, Math.floor(body.length / 2)) : undefined;
    });
    const summary = await w.core.sync.run({ trigger: 'person', psuIpAddress: PSU_IP });
    net.set(undefined);
    const failed = summary.accounts.filter((a) => a.outcome === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed.every((a) => a.state === 'failed' && (a.message ?? '').length > 0)).toBe(true);
    expect(summary.outcome).toBe('partial');
    expect(stored(w)).toBe(before);
    expect(w.core.db.prepare('SELECT account_id, status, bank_key FROM transactions ORDER BY 1, 2, 3').all()).toEqual(keys);
    expect(w.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('the next clean sync converges to the bank’s books', async () => {
    expect((await w.core.sync.run({ trigger: 'person', psuIpAddress: PSU_IP })).outcome).toBe('ok');
    const diff = await compareWithBank(w.core.db, w.bankOrigin, 'demo');
    // The item skipped on the first run was on a day the overlap window does not read again.
    expect(diff.extra).toEqual([]);
    expect(storedAccountsView(w.core.db, w.core.connections.list()).skipped).toEqual([]);
  });

  it('renewing the consent keeps every account’s history: the new consent’s sync doubles nothing', async () => {
    const [old] = w.core.connections.list();
    const before = stored(w);
    const fresh = await w.core.connections.renew(old?.id as string, psuPort({ user: 'demo', decision: 'allow' }), PSU_IP);
    expect(fresh.accounts.map((a) => a.accountId).sort()).toEqual(old?.accounts.map((a) => a.accountId).sort());
    const summary = await w.core.sync.run({ trigger: 'person', psuIpAddress: PSU_IP });
    expect(summary.accounts.every((a) => a.connectionId === fresh.id && a.outcome === 'synced')).toBe(true);
    expect(stored(w)).toBe(before + summary.stored);
    const diff = await compareWithBank(w.core.db, w.bankOrigin, 'demo');
    expect(diff.extra).toEqual([]);
  });
});
