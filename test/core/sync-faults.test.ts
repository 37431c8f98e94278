import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncSummary } from '../../common/index.js';
import { pacedBank } from '../../core/sync/bank-run.js';
import { compareWithBank } from '../../scripts/ground-truth.js';
import { coreWorld, psuPort, type CoreWorldForTest } from '../helpers/core-world.js';
import { virtualTime } from '../helpers/virtual-time.js';

const PSU_IP = '192.0.2.10';

describe('syncs through a faulty, rate-limited bank whose tokens expire mid-run', () => {
  const vt = virtualTime();
  const seen: { method: string; path: string; status: number }[] = [];
  /**
   * Another app of the same client (a second device) spends the gateway's minute now and then,
   * so the pacer's view of the limit is stale and the bank answers 429 with Retry-After.
   */
  let burnWith: { url: string; clientId: string } | undefined;
  const burn = async () => {
    if (burnWith === undefined) return;
    for (let i = 0; i < 15; i++) await fetch(burnWith.url, { headers: { 'x-ibm-client-id': burnWith.clientId } }).then((r) => r.arrayBuffer());
  };
  const recording: typeof fetch = async (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if (seen.length === 20 || seen.length === 60) await burn();
    try {
      const res = await fetch(input, init);
      seen.push({ method: init?.method ?? 'GET', path: url.pathname, status: res.status });
      return res;
    } catch (error) {
      seen.push({ method: init?.method ?? 'GET', path: url.pathname, status: 0 });
      throw error;
    }
  };
  let w: CoreWorldForTest;
  const runs: SyncSummary[] = [];

  beforeAll(async () => {
    w = await coreWorld({
      // 10% of API calls fail (500, 503, dropped connection); 15 calls a minute; tokens live 45 s.
      sandbox: { now: vt.date, faultRate: 0.1, rateLimit: 15, tokenTtl: 45, pageSize: 25, seed: 3 },
      now: vt.date,
      fetch: vt.track(recording),
      core: { pacing: pacedBank(4, { now: vt.now, sleep: vt.sleep }) },
    });
    // The person would try again when the bank failed the connect itself.
    for (let attempt = 0; ; attempt++) {
      try {
        await w.core.connections.connect({ profileId: 'sandbox', label: 'demo', port: psuPort({ user: 'demo', decision: 'allow' }), psuIpAddress: PSU_IP });
        break;
      } catch (error) {
        if (attempt === 10) throw error;
      }
    }
    seen.length = 0;
    const { client_id: clientId } = w.core.db.prepare('SELECT client_id FROM bank_registrations').get() as { client_id: string };
    burnWith = { url: `${w.bankUrl}/psd29c/v1/accounts`, clientId };
    for (let i = 0; i < 12 && runs.at(-1)?.outcome !== 'ok'; i++) runs.push(await w.core.sync.run({ trigger: 'person', psuIpAddress: PSU_IP }));
  }, 120_000);
  afterAll(async () => { await w?.close(); });

  it('meets every kind of trouble on the way', () => {
    expect(seen.filter((s) => s.status === 500 || s.status === 503 || s.status === 0).length).toBeGreaterThan(0);
    expect(seen.filter((s) => s.status === 429).length).toBeGreaterThan(0);
    expect(seen.filter((s) => s.method === 'POST' && s.path.endsWith('/token')).length).toBeGreaterThan(1);
    expect(vt.elapsed()).toBeGreaterThan(60_000);
  });

  it('recovers: a run ends with every account synced, and the store equals the bank’s books by id and amount', async () => {
    expect(runs.map((r) => [r.outcome, ...r.accounts.map((a) => a.message ?? a.outcome)]).at(-1)).toEqual(['ok', 'synced', 'synced', 'synced', 'synced']);
    const diff = await compareWithBank(w.core.db, w.bankOrigin, 'demo');
    expect(diff.atBank).toBeGreaterThan(1000);
    expect({ missing: diff.missing, extra: diff.extra }).toEqual({ missing: [], extra: [] });
    expect(w.core.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
