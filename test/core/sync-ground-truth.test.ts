import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../helpers/http.js';
import { compareWithBank } from '../../scripts/ground-truth.js';
import { coreWorld, psuPort, type CoreWorldForTest } from '../helpers/core-world.js';

const PSU_IP = '192.0.2.10';

interface Activity { accounts: { iban: string; bookedFromPending: number; addedBooked: number; addedPending: number; twinPairs: number }[] }

async function connectDemo(w: CoreWorldForTest): Promise<string> {
  return (await w.core.connections.connect({ profileId: 'sandbox', label: 'demo', port: psuPort({ user: 'demo', decision: 'allow' }), psuIpAddress: PSU_IP })).id;
}

/** Syncs until every account synced in one run, at most `runs` times; the summaries, in order. */
async function syncUntilClean(w: CoreWorldForTest, runs = 12) {
  const outcomes: string[] = [];
  for (let i = 0; i < runs; i++) {
    const s = await w.core.sync.run({ trigger: 'person', psuIpAddress: PSU_IP });
    outcomes.push(s.outcome);
    if (s.outcome === 'ok') return outcomes;
  }
  return outcomes;
}

for (const dialect of ['cec', 'loose'] as const) {
  describe(`the store converges to the bank's books (${dialect} dialect)`, () => {
    let w: CoreWorldForTest;
    beforeAll(async () => {
      w = await coreWorld({ sandbox: { dialect, pageSize: 60, seed: 11 } });
      await connectDemo(w);
    });
    afterAll(async () => { await w?.close(); });

    it('after the first sync: every transaction, once, by id and exact amount', async () => {
      expect((await syncUntilClean(w, 1)).at(-1)).toBe('ok');
      const diff = await compareWithBank(w.core.db, w.bankOrigin, 'demo');
      expect(diff.atBank).toBeGreaterThan(1000);
      expect({ missing: diff.missing, extra: diff.extra }).toEqual({ missing: [], extra: [] });
    });

    it('after days of the bank’s life: pending booked without doubles, new items and identical twins kept', async () => {
      const activity = (await call<Activity>(`${w.bankOrigin}/sandbox/psus/demo/activity`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ days: 3 }),
      })).body;
      expect(activity.accounts.reduce((n, a) => n + a.bookedFromPending, 0)).toBeGreaterThan(0);
      expect(activity.accounts.reduce((n, a) => n + a.twinPairs, 0)).toBeGreaterThan(0);
      expect((await syncUntilClean(w, 1)).at(-1)).toBe('ok');
      const diff = await compareWithBank(w.core.db, w.bankOrigin, 'demo');
      expect({ missing: diff.missing, extra: diff.extra }).toEqual({ missing: [], extra: [] });
    });

    it('books a pending item under a new id: the pending row goes, the booked one comes, in one sync', async () => {
      const ledger = (await call<{ accounts: { iban: string; transactions: { status: string; sandboxId: string }[] }[] }>(`${w.bankOrigin}/sandbox/psus/demo/ledger`)).body;
      const pending = ledger.accounts.flatMap((a) => a.transactions).find((t) => t.status === 'pending');
      expect(pending).toBeDefined();
      const booked = await call(`${w.bankOrigin}/sandbox/transactions/${pending?.sandboxId}/book`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ newTransactionId: true }),
      });
      expect(booked.status).toBe(200);
      const summary = await w.core.sync.run({ trigger: 'person', psuIpAddress: PSU_IP });
      expect(summary.outcome).toBe('ok');
      const diff = await compareWithBank(w.core.db, w.bankOrigin, 'demo');
      expect({ missing: diff.missing, extra: diff.extra }).toEqual({ missing: [], extra: [] });
    });
  });
}
