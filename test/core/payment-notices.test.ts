import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notice, PaymentView } from '../../common/index.js';
import { pageLeftOpen, psuPort } from '../helpers/core-world.js';
import { CREDITOR, paymentWorld, single, type PaymentWorld } from '../helpers/payment-world.js';

/**
 * A payment's end is news (issue: "a settled payment raises a notification"): core's `notice`
 * event, through the contract's handlers, against the sandbox bank over HTTP. The renderer turns
 * it into a system notification (test/e2e covers that path for the other notices).
 */
describe('payment notices', { timeout: 90_000 }, () => {
  let w: PaymentWorld;
  beforeAll(async () => {
    w = await paymentWorld();
  });
  afterAll(async () => w?.close());

  const noticesOf = (paymentId: string): Notice[] =>
    w.events.filter((e) => e.name === 'notice').map((e) => e.payload as Notice).filter((n) => n.kind === 'payment-finished' && n.params.paymentId === paymentId);
  const finalViews = (paymentId: string): PaymentView[] =>
    w.events.filter((e) => e.name === 'payments:changed').map((e) => e.payload as PaymentView).filter((v) => v.id === paymentId && ['settled', 'cancelled', 'rejected', 'failed', 'partial'].includes(v.state.kind));

  it('tells a settled payment once: its beneficiary and amount, exact', async () => {
    w.psu.port = psuPort({ decision: 'allow' });
    const made = await w.ok<PaymentView>('payments:create', single({ amount: '1234.56' }));
    expect(noticesOf(made.id)).toEqual([]);
    await w.ok('payments:submit', { paymentId: made.id });
    await w.until(made.id, ['settled']);
    expect(noticesOf(made.id)).toEqual([{
      kind: 'payment-finished',
      params: { paymentId: made.id, outcome: 'settled', creditorName: CREDITOR.creditorName, transfers: 1, total: { amount: '1234.56', currency: 'RON' } },
    }]);
    // Told again about the settled payment (as a bulk's item updates or a second look do): still one notice.
    w.core.payments.changed(made.id);
    expect(finalViews(made.id).length).toBeGreaterThan(1);
    expect(noticesOf(made.id)).toHaveLength(1);
  });

  it('tells a refusal on the bank’s page as rejected', async () => {
    w.psu.port = psuPort({ decision: 'deny' });
    const made = await w.ok<PaymentView>('payments:create', single());
    await w.ok('payments:submit', { paymentId: made.id });
    expect(noticesOf(made.id).map((n) => n.kind === 'payment-finished' && n.params.outcome)).toEqual(['rejected']);
  });

  it('tells a payment the bank cancelled (insufficient funds)', async () => {
    w.psu.port = psuPort({ decision: 'allow' });
    const made = await w.ok<PaymentView>('payments:create', single({ amount: '99999999.00' }));
    await w.ok('payments:submit', { paymentId: made.id });
    await w.until(made.id, ['cancelled']);
    expect(noticesOf(made.id).map((n) => n.kind === 'payment-finished' && n.params.outcome)).toEqual(['cancelled']);
  });

  it('says nothing of the person’s own cancel', async () => {
    const page = pageLeftOpen();
    w.psu.port = page.port;
    const made = await w.ok<PaymentView>('payments:create', single());
    const submitting = w.invoke('payments:submit', { paymentId: made.id });
    await page.opened(submitting);
    await w.ok('payments:cancel', { paymentId: made.id });
    await w.invoke('connections:cancel-authorization', {});
    await submitting;
    expect(finalViews(made.id).length).toBeGreaterThan(0);
    expect(noticesOf(made.id)).toEqual([]);
  });
});
