import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentView } from '../../common/index.js';
import { paymentWorld, single, type PaymentWorld } from '../helpers/payment-world.js';

/**
 * Versions before typed reasons stored a `cancelled`, `failed` or `unknown` state's reason as an
 * English sentence. Such rows, written here through SQL as that code wrote them, are still listed,
 * opened and followed, their reason read as a code.
 */
describe('payments › reasons an earlier version wrote as text', { timeout: 90_000 }, () => {
  let w: PaymentWorld;
  beforeAll(async () => {
    w = await paymentWorld();
  });
  afterAll(async () => w?.close());

  /** Puts an intent in `state` as the previous version did: the row's state and one transition, both JSON. */
  const writeOld = (id: string, state: Record<string, unknown>) => {
    const json = JSON.stringify(state);
    const at = new Date().toISOString();
    w.core.db.prepare('UPDATE payments SET state = ?, updated_at = ? WHERE id = ?').run(json, at, id);
    w.core.db.prepare('INSERT INTO payment_transitions (payment_id, at, state) VALUES (?, ?, ?)').run(id, at, json);
  };

  it('lists, opens and reconciles old rows: known sentences become their codes, any other text a legacy code with the text as detail', async () => {
    const lost = await w.ok('payments:create', single());
    writeOld(lost.id, { kind: 'unknown', paymentId: null, reason: 'the bank did not answer the initiation (fetch failed)', reconciliation: 'pending' });
    const refused = await w.ok('payments:create', single());
    writeOld(refused.id, { kind: 'failed', paymentId: null, reason: 'FORMAT_ERROR: creditorName is longer than 70 characters' });
    const dropped = await w.ok('payments:create', single());
    writeOld(dropped.id, { kind: 'cancelled', paymentId: null, status: 'CANC', reason: 'cancelled before it was sent to the bank' });

    const listed = new Map((await w.ok<PaymentView[]>('payments:list', {})).map((p) => [p.id, p.state]));
    expect(listed.get(lost.id)).toEqual({ kind: 'unknown', paymentId: null, reason: { code: 'initiation-unanswered', detail: 'fetch failed' }, reconciliation: 'pending' });
    expect(listed.get(refused.id)).toEqual({ kind: 'failed', paymentId: null, reason: { code: 'legacy', detail: 'FORMAT_ERROR: creditorName is longer than 70 characters' } });
    expect(listed.get(dropped.id)).toEqual({ kind: 'cancelled', paymentId: null, status: 'CANC', reason: { code: 'cancelled-before-sending' } });

    const opened = await w.ok('payments:get', { paymentId: refused.id });
    expect(opened.timeline?.at(-1)?.state).toEqual(opened.state);
    expect(opened.canRetry).toBe(true);

    // Followed as any unknown intent: the bank never gave it an id, so it did not execute.
    expect(w.core.payments.unfinished().map((p) => p.id)).toContain(lost.id);
    const reconciled = await w.ok('payments:reconcile', { paymentId: lost.id });
    expect(reconciled.state).toEqual({ kind: 'unknown', paymentId: null, reason: { code: 'never-identified' }, reconciliation: 'not-executed' });
    expect((await w.ok('payments:get', { paymentId: lost.id })).timeline?.map((t) => t.state.kind)).toEqual(['draft', 'unknown', 'unknown']);
  });
});
