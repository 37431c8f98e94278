import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentView } from '../../common/index.js';
import { playPsu } from '../../sandbox/demo-psu.js';
import { pageLeftOpen, psuPort } from '../helpers/core-world.js';
import { CREDITOR, paymentWorld, single, type PaymentWorld } from '../helpers/payment-world.js';

/**
 * Payments through core's contract against the sandbox bank over HTTP: the demo PSU confirms or
 * refuses on the bank's pages, the bank settles by its clock, and its own books
 * (`/sandbox/payments`) say what was really initiated, authorised and settled.
 */
describe('payments › single', { timeout: 90_000 }, () => {
  let w: PaymentWorld;
  beforeAll(async () => {
    w = await paymentWorld();
  });
  afterAll(async () => w?.close());

  it('settles a confirmed payment: ACSC, one payment at the bank, booked, and a timeline of every step', async () => {
    w.psu.port = psuPort({ decision: 'allow' });
    const made = await w.ok('payments:create', single());
    expect(made.state).toEqual({ kind: 'draft' });
    const submitted = await w.ok('payments:submit', { paymentId: made.id });
    expect(submitted.state.kind).toBe('authorised');
    const done = await w.until(made.id, ['settled', 'cancelled', 'rejected', 'failed']);
    expect(done.state).toMatchObject({ kind: 'settled', status: 'ACSC' });
    const kinds = (await w.ok('payments:get', { paymentId: made.id })).timeline?.map((t) => t.state.kind);
    // The follower may see ACTC and ACSP, one of them, or neither between two polls.
    expect(kinds?.slice(0, 4)).toEqual(['draft', 'initiating', 'awaiting-sca', 'authorised']);
    expect(kinds?.at(-1)).toBe('settled');
    expect(new Set(kinds?.slice(4, -1))).toEqual(new Set(kinds?.slice(4, -1).length ? ['settling'] : []));
    const e2e = done.items[0]?.endToEndId as string;
    const atBank = await w.atBank(e2e);
    expect(atBank).toHaveLength(1);
    expect(atBank[0]).toMatchObject({ status: 'ACSC', amount: '12.50', authorised: true, endToEndIdentification: e2e });
    expect(atBank[0]?.bookedTransactionId).toBeDefined();
    expect(w.events.some((e) => e.name === 'payments:changed' && (e.payload as PaymentView).state.kind === 'settled')).toBe(true);
  });

  it('records a refusal on the bank’s page as RJCT, and the bank executed nothing', async () => {
    w.psu.port = psuPort({ decision: 'deny' });
    const made = await w.ok('payments:create', single());
    const view = await w.ok('payments:submit', { paymentId: made.id });
    expect(view.state).toMatchObject({ kind: 'rejected', status: 'RJCT' });
    expect(view.canRetry).toBe(true);
    const atBank = await w.atBank(view.items[0]?.endToEndId as string);
    expect(atBank.map((p) => [p.status, p.authorised])).toEqual([['RJCT', false]]);
  });

  it('shows CANC when the bank cancels for insufficient funds, and never offers to send it again', async () => {
    w.psu.port = psuPort({ decision: 'allow' });
    const made = await w.ok('payments:create', single({ amount: '99999999.00' }));
    await w.ok('payments:submit', { paymentId: made.id });
    const done = await w.until(made.id, ['settled', 'cancelled']);
    // The bank's status answer carries no reason code (digest §3.4): none is made up.
    expect(done.state).toEqual({ kind: 'cancelled', paymentId: expect.any(String), status: 'CANC', reason: null });
    expect(done.canRetry).toBe(false);
    expect((await w.atBank(done.items[0]?.endToEndId as string)).map((p) => p.status)).toEqual(['CANC']);
  });

  it('makes one intent and one payment of a double click: the same key twice, two submits at once', async () => {
    w.psu.port = psuPort({ decision: 'allow' });
    const input = single();
    const [a, b] = await Promise.all([w.ok('payments:create', input), w.ok('payments:create', input)]);
    expect(b.id).toBe(a.id);
    const pagesBefore = w.pages;
    const [s1, s2] = await Promise.all([w.ok('payments:submit', { paymentId: a.id }), w.ok('payments:submit', { paymentId: a.id })]);
    expect(s2.state).toEqual(s1.state);
    expect(w.pages - pagesBefore).toBe(1);
    // Submitted again once it is authorised: nothing more is sent.
    await w.ok('payments:submit', { paymentId: a.id });
    await w.until(a.id, ['settled']);
    const atBank = await w.atBank(a.items[0]?.endToEndId as string);
    expect(atBank.map((p) => p.status)).toEqual(['ACSC']);
    expect((await w.ok<PaymentView[]>('payments:list', {})).filter((p) => p.id === a.id)).toHaveLength(1);
  });

  it('survives a lost answer to the POST: the same X-Request-ID again, exactly one payment authorised and settled', async () => {
    w.psu.port = psuPort({ decision: 'allow' });
    await w.dropNextAnswers(1);
    const made = await w.ok('payments:create', single());
    await w.ok('payments:submit', { paymentId: made.id });
    const done = await w.until(made.id, ['settled']);
    const atBank = await w.atBank(done.items[0]?.endToEndId as string);
    // The first initiation was committed, its answer lost: it stays unauthorised and never executes.
    expect(atBank).toHaveLength(2);
    expect(atBank.filter((p) => p.authorised)).toHaveLength(1);
    expect(atBank.filter((p) => p.status === 'ACSC')).toHaveLength(1);
    expect(atBank.find((p) => !p.authorised)?.status).toBe('RCVD');
  });

  it('cancels before authorisation: DELETE, CANC at the bank, and the person may send it again', async () => {
    const page = pageLeftOpen();
    w.psu.port = page.port;
    const made = await w.ok('payments:create', single());
    const submitting = w.invoke('payments:submit', { paymentId: made.id });
    await page.opened(submitting);
    const cancelled = await w.ok('payments:cancel', { paymentId: made.id });
    expect(cancelled.state).toEqual({ kind: 'cancelled', paymentId: expect.any(String), status: 'CANC', reason: { code: 'cancelled-before-authorisation' } });
    expect(cancelled.canRetry).toBe(true);
    await w.invoke('connections:cancel-authorization', {});
    await submitting;
    expect((await w.atBank(made.items[0]?.endToEndId as string)).map((p) => p.status)).toEqual(['CANC']);
  });

  it('refuses to cancel once the PSU authorised, saying why, and the payment goes on', async () => {
    w.psu.port = psuPort({ decision: 'allow' });
    const made = await w.ok('payments:create', single());
    await w.ok('payments:submit', { paymentId: made.id });
    const refused = await w.invoke('payments:cancel', { paymentId: made.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PAYMENT_NOT_CANCELLABLE', state: 'failed' } });
    expect(refused.ok ? '' : refused.error.message).toMatch(/authorised/);
    expect((await w.until(made.id, ['settled'])).state.kind).toBe('settled');
  });

  it.each([
    ['an invalid IBAN', { creditorIban: 'RO49AAAA1B31007593840001' }, 'creditorIban'],
    ['an amount with three decimals', { amount: '12.505' }, 'amount'],
    ['a zero amount', { amount: '0.00' }, 'amount'],
    ['a currency CEC does not pay in', { currency: 'USD' }, 'currency'],
    ['details of 141 characters', { remittance: 'x'.repeat(141) }, 'remittance'],
  ])('refuses %s with a clear error and sends nothing', async (_what, over, field) => {
    const before = w.bankRequests();
    const result = await w.invoke('payments:create', single(over));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.state).toBe('invalid-input');
      expect(`${result.error.message} ${JSON.stringify(result.error)}`).toMatch(new RegExp(field === 'remittance' ? '140' : field === 'currency' ? 'USD' : '.'));
    }
    expect(w.bankRequests()).toBe(before);
  });
});

describe('payments › bulk', { timeout: 90_000 }, () => {
  let w: PaymentWorld;
  beforeAll(async () => {
    w = await paymentWorld();
  });
  afterAll(async () => w?.close());

  it('authorises a bulk once and ends PART naming the item that failed', async () => {
    const pages = w.pages;
    const made = await w.ok('payments:create-bulk', {
      idempotencyKey: randomUUID(),
      profileId: 'sandbox',
      currency: 'RON',
      items: [
        { ...CREDITOR, amount: '1.00', remittance: 'one' },
        { ...CREDITOR, creditorName: 'Too Much', amount: '99999999.00', remittance: 'two' },
        { ...CREDITOR, amount: '2.00', remittance: 'three' },
      ],
    });
    expect(made.kind).toBe('bulk');
    await w.ok('payments:submit', { paymentId: made.id });
    expect(w.pages - pages).toBe(1);
    const done = await w.until(made.id, ['partial', 'settled', 'cancelled']);
    expect(done.state).toMatchObject({ kind: 'partial', status: 'PART' });
    expect(done.items.map((i) => [i.creditorName, i.status])).toEqual([['Creditor Name', 'ACSC'], ['Too Much', 'CANC'], ['Creditor Name', 'ACSC']]);
  });
});

describe('payments › restart', { timeout: 90_000 }, () => {
  let w: PaymentWorld;
  beforeAll(async () => {
    w = await paymentWorld({ settleMs: 4000 });
  });
  afterAll(async () => w?.close());

  it('follows a payment to the end after a restart while it settles', async () => {
    const made = await w.ok('payments:create', single());
    await w.ok('payments:submit', { paymentId: made.id });
    // Quit while the bank is still settling it: the new run has only the store and the keychain.
    await w.base.restart();
    const again = await paymentWorld({}, w.base);
    w = again;
    expect((await again.ok('payments:get', { paymentId: made.id })).state.kind).toMatch(/authorised|settling/);
    again.core.paymentFollower.start();
    const done = await again.until(made.id, ['settled', 'cancelled', 'unknown'], 40_000);
    expect(done.state).toMatchObject({ kind: 'settled', status: 'ACSC' });
    expect((await again.atBank(done.items[0]?.endToEndId as string)).map((p) => p.status)).toEqual(['ACSC']);
  });

  it('reconciles an initiation a crash left unanswered: proved never executed, then sent once', async () => {
    const made = await w.ok('payments:create', single());
    // A run that wrote `initiating` and died before the bank's answer: the bank got it (drop) and we never learnt its id.
    await w.dropNextAnswers(3);
    const lost = await w.invoke('payments:submit', { paymentId: made.id });
    expect(lost).toMatchObject({ ok: false, error: { state: 'offline' } });
    const unknown = await w.ok('payments:get', { paymentId: made.id });
    expect(unknown.state).toMatchObject({ kind: 'unknown', reconciliation: 'pending', reason: { code: 'initiation-unanswered', detail: expect.any(String) } });
    expect(unknown.canRetry).toBe(false);
    const reconciled = await w.ok('payments:reconcile', { paymentId: made.id });
    expect(reconciled.state).toEqual({ kind: 'unknown', paymentId: null, reconciliation: 'not-executed', reason: { code: 'never-identified' } });
    expect(reconciled.canRetry).toBe(true);
    await w.ok('payments:retry', { paymentId: made.id });
    await w.until(made.id, ['settled'], 40_000);
    const atBank = await w.atBank(made.items[0]?.endToEndId as string);
    expect(atBank.filter((p) => p.authorised).map((p) => p.status)).toEqual(['ACSC']);
    expect(atBank.filter((p) => !p.authorised).map((p) => p.status)).toEqual(['RCVD', 'RCVD', 'RCVD']);
  });
});

describe('payments › the payer’s booked transactions', { timeout: 90_000 }, () => {
  let w: PaymentWorld;
  beforeAll(async () => {
    w = await paymentWorld();
    w.psu.port = psuPort({ decision: 'allow' });
    await w.ok('connections:connect', { profileId: 'sandbox', label: 'CEC' });
  });
  afterAll(async () => w?.close());

  it('shows a settled payment among the payer’s transactions after a sync, linked by its endToEndIdentification', async () => {
    const made = await w.ok('payments:create', single({ amount: '7.35' }));
    await w.ok('payments:submit', { paymentId: made.id });
    const done = await w.until(made.id, ['settled']);
    await w.ok('sync:run', {});
    const e2e = done.items[0]?.endToEndId as string;
    const rows = (await w.ok<{ transactions: { endToEndId?: string; amount: { amount: string } }[] }>('transactions:query', { text: 'Factura 42' })).transactions;
    const linked = rows.filter((t) => t.endToEndId === e2e);
    expect(linked.map((t) => t.amount.amount)).toEqual(['-7.35']);
  });

  it('never reopens a page the PSU may have confirmed: after a crash before the token, DELETE says 405, and the booking settles it', async () => {
    // The PSU confirms on the bank's page, then the app dies before it exchanges the code.
    w.psu.port = { open: async (url) => void (await playPsu(url, { decision: 'allow' })) };
    const made = await w.ok('payments:create', single({ amount: '5.55' }));
    void w.invoke('payments:submit', { paymentId: made.id });
    const e2e = made.items[0]?.endToEndId as string;
    await expect.poll(async () => (await w.atBank(e2e)).map((p) => p.authorised), { timeout: 10_000 }).toEqual([true]);
    await w.base.restart();
    w = await paymentWorld({}, w.base);
    w.psu.port = psuPort({ decision: 'allow' });
    const pages = w.pages;
    const after = await w.ok('payments:submit', { paymentId: made.id });
    expect(w.pages).toBe(pages);
    expect(after.state).toEqual({ kind: 'unknown', paymentId: expect.any(String), reconciliation: 'pending', reason: { code: 'authorised-at-bank' } });
    expect(after.canRetry).toBe(false);
    await expect.poll(async () => (await w.atBank(e2e)).map((p) => p.status), { timeout: 10_000 }).toEqual(['ACSC']);
    const reconciled = await w.ok('payments:reconcile', { paymentId: made.id });
    expect(reconciled.state).toMatchObject({ kind: 'settled', status: 'ACSC' });
    expect((await w.atBank(e2e)).length).toBe(1);
  });
});

describe('payments › a restart while the bank’s page is open', { timeout: 90_000 }, () => {
  let w: PaymentWorld;
  beforeAll(async () => {
    w = await paymentWorld();
  });
  afterAll(async () => w?.close());

  it('cancels the page’s payment at start-up (204: it never executes), then a retry pays once', async () => {
    const page = pageLeftOpen();
    w.psu.port = page.port;
    const made = await w.ok('payments:create', single({ saveBeneficiary: true }));
    await page.opened(w.invoke('payments:submit', { paymentId: made.id }));
    await w.base.restart();
    w = await paymentWorld({}, w.base);
    w.core.paymentFollower.start();
    const cancelled = await w.until(made.id, ['cancelled', 'unknown']);
    expect(cancelled.state).toMatchObject({ kind: 'cancelled', status: 'CANC' });
    expect(cancelled.canRetry).toBe(true);
    w.psu.port = psuPort({ decision: 'allow' });
    await w.ok('payments:retry', { paymentId: made.id });
    await w.until(made.id, ['settled']);
    const atBank = await w.atBank(made.items[0]?.endToEndId as string);
    expect(atBank.map((p) => [p.status, p.authorised])).toEqual([['CANC', false], ['ACSC', true]]);
    // Ticked "save": the settled payment's beneficiary is in the address book with this amount.
    const book = await w.ok<{ iban: string; lastAmount?: { amount: string } }[]>('beneficiaries:list', {});
    expect(book.find((b) => b.iban === CREDITOR.creditorIban)?.lastAmount?.amount).toBe('12.5');
  });
});
