import { beforeAll, describe, expect, it } from 'vitest';
import {
  authorizeByForms,
  authorizeUrl,
  connectAis,
  enrol,
  psuAccounts,
  testClock,
} from '../helpers/bank.js';
import { useEnrolledBank } from '../helpers/enrolled-bank.js';
import { readForm, submit } from '../helpers/forms.js';
import { call, psd2Headers, tppCode } from '../helpers/http.js';
import {
  aisReader,
  authorisePayment,
  BULK,
  BULK_D,
  bucharestDay,
  cents,
  idOf,
  initiate,
  newTransactions,
  pay,
  pisGet,
  SINGLE,
  statusOf,
} from '../helpers/payments.js';
import { bgBulkItems, guideBulkCents, guideBulkItems, hugeAmount } from '../fixtures/payments.js';

const CEC_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const guideBulk = { payments: guideBulkItems };
const bulkOpts = { path: BULK };

describe('initiateBulkPayment: POST /psd29p/v1/bulk-payments/sepa-credit-transfers', () => {
  const clock = testClock(new Date());
  const env = useEnrolledBank({ now: clock.now, rateLimit: 100 });
  beforeAll(async () => {
    // The guide's gateway limit: "X-RateLimit-Limit: name=rate-limit,100;".
  });

  it('answers 201 in CEC\'s bulk shape: transactionId, paymentIdBulk, RCVD, creationDateTime, one paymentsResponse per item', async () => {
    const res = await initiate(env.bank, env.creds, guideBulk, bulkOpts);
    expect(res.status).toBe(201);
    const items = res.body.paymentsResponse as any[];
    expect(items).toHaveLength(2);
    expect(res.body).toEqual({
      transactionId: expect.any(String),
      paymentIdBulk: expect.stringMatching(CEC_ID),
      transactionStatus: 'RCVD',
      creationDateTime: clock.now().toISOString(),
      paymentsResponse: items.map(() => ({
        requestId: expect.stringMatching(UUID),
        response: { result: { transactionStatus: 'RCVD', paymentId: expect.stringMatching(CEC_ID) } },
      })),
    });
    const ids = [res.body.paymentIdBulk, ...items.map((i) => i.response.result.paymentId)];
    expect(new Set(ids).size).toBe(3);
    expect(res.body.transactionId).toMatch(/^\d+$/);
  });

  it('sends a Location authorize URL of scope PIS:<paymentIdBulk>', async () => {
    const res = await initiate(env.bank, env.creds, guideBulk, bulkOpts);
    const location = new URL(res.headers.get('location') as string);
    expect(`${location.origin}${location.pathname}`).toBe(`${env.bank.url}/oauthcec/oauth2/authorize`);
    expect(location.searchParams.get('scope')).toBe(`PIS:${res.body.paymentIdBulk}`);
    expect(location.searchParams.get('client_id')).toBe(env.creds.clientId);
    expect(location.searchParams.get('redirect_uri')).toBe(env.creds.redirectUri);
  });

  it('sends the gateway\'s X-RateLimit headers, counting the client\'s calls as in the guide (100, 99, 98)', async () => {
    const fresh = await enrol(env.bank);
    const first = await initiate(env.bank, fresh, guideBulk, bulkOpts);
    expect(first.status).toBe(201);
    expect(first.headers.get('x-ratelimit-limit')).toBe('name=rate-limit,100;');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('name=rate-limit,99;');
    const second = await initiate(env.bank, fresh, guideBulk, bulkOpts);
    expect(second.headers.get('x-ratelimit-remaining')).toBe('name=rate-limit,98;');
  });

  it('rejects payments in more than one currency with 400 FORMAT_ERROR', async () => {
    const res = await initiate(env.bank, env.creds, { payments: [guideBulkItems[0], bgBulkItems[0]] }, bulkOpts);
    expect(res.status).toBe(400);
    expect(tppCode(res)).toBe('FORMAT_ERROR');
    expect(res.headers.get('location')).toBeNull();
  });

  it('accepts the Berlin Group example\'s items, all in EUR', async () => {
    const res = await initiate(env.bank, env.creds, { payments: bgBulkItems }, bulkOpts);
    expect(res.status).toBe(201);
    expect(res.body.paymentsResponse).toHaveLength(2);
  });

  const rejected: [string, unknown][] = [
    ['an empty payments list', { payments: [] }],
    ['a body without payments', { debtorAccount: guideBulkItems[0]?.creditorAccount }],
    ['an item with 3 decimals', { payments: [guideBulkItems[0], { ...guideBulkItems[1], instructedAmount: { currency: 'RON', amount: '34.105' } }] }],
    ['an item without creditorAccount', { payments: [guideBulkItems[0], { ...guideBulkItems[1], creditorAccount: undefined }] }],
  ];
  it.each(rejected)('rejects %s with 400 FORMAT_ERROR', async (_what, body) => {
    const res = await initiate(env.bank, env.creds, body, bulkOpts);
    expect(res.status).toBe(400);
    expect(tppCode(res)).toBe('FORMAT_ERROR');
  });
});

describe('bulk payment lifecycle: one authorisation, d/ read, ACSC or PART', () => {
  const SETTLE_MS = 3000;
  const clock = testClock(new Date());
  let ron: string;
  let reader: ReturnType<typeof aisReader>;
  const since = () => bucharestDay(new Date(clock.now().getTime() - 86_400_000));

  const env = useEnrolledBank({ now: clock.now, settleMs: SETTLE_MS });
  beforeAll(async () => {
    ron = (await psuAccounts(env.bank, 'demo')).find((a) => a.kind === 'current' && a.currency === 'RON')?.iban as string;
    reader = aisReader(env.bank, env.creds, await connectAis(env.bank, env.creds));
  });

  it('offers the PSU\'s RON current account as "Iban Platitor" on the one bulk page', async () => {
    const res = await initiate(env.bank, env.creds, guideBulk, bulkOpts);
    const page = await fetch(authorizeUrl(res.headers.get('location') as string), { redirect: 'manual' });
    const login = await submit(readForm(await page.text(), env.bank.origin), [['username', 'demo'], ['accessCode', '123456']]);
    expect(login.status).toBe(200);
    const html = await login.text();
    expect([...html.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1])).toEqual([ron]);
    for (const item of guideBulkItems) expect(html).toContain(item.creditorAccount.iban);
  });

  it('is authorised once for all items; d/ shows the debtor and every item; ACSC when all settle, each debited', async () => {
    const balanceBefore = await reader.booked(ron);
    const txBefore = await reader.bookedTransactions(ron, since());
    const res = await initiate(env.bank, env.creds, guideBulk, bulkOpts);
    const id = idOf(res);
    const token = await authorisePayment(env.bank, env.creds, res.headers.get('location') as string, id, { debtorIban: ron });

    const read = await pisGet(env.bank, env.creds, `${BULK_D}/${id}`, token);
    expect(read.status).toBe(200);
    expect(read.body).toEqual({
      transactionId: res.body.transactionId,
      paymentIdBulk: id,
      transactionStatus: 'ACCP',
      creationDateTime: res.body.creationDateTime,
      debtorAccount: { iban: ron },
      paymentsResponse: guideBulkItems.map((item, i) => ({
        requestId: res.body.paymentsResponse[i].requestId,
        response: {
          result: {
            transactionStatus: 'ACCP',
            paymentId: res.body.paymentsResponse[i].response.result.paymentId,
            creditorAccount: item.creditorAccount,
            creditorName: item.creditorName,
            instructedAmount: item.instructedAmount,
            remittanceInformationUnstructured: item.remittanceInformationUnstructured,
          },
        },
      })),
    });

    clock.advance(SETTLE_MS);
    expect(await statusOf(env.bank, env.creds, `${BULK}/${id}`, token)).toBe('ACSC');
    const after = await pisGet(env.bank, env.creds, `${BULK_D}/${id}`, token);
    expect(after.body.transactionStatus).toBe('ACSC');
    expect(after.body.paymentsResponse.map((p: any) => p.response.result.transactionStatus)).toEqual(['ACSC', 'ACSC']);

    const total = guideBulkCents.reduce((a, b) => a + b, 0);
    expect(await reader.booked(ron)).toBe(balanceBefore - total);
    const added = newTransactions(txBefore, await reader.bookedTransactions(ron, since()));
    expect(added.map((t) => cents(t.transactionAmount.amount)).sort((a, b) => a - b)).toEqual(guideBulkCents.map((c) => -c).sort((a, b) => a - b));
    expect(added.map((t) => t.creditorName).sort()).toEqual(guideBulkItems.map((i) => i.creditorName).sort());
  });

  it('ends PART when one item exceeds the funds: that item CANC, the others ACSC and debited', async () => {
    clock.advance(SETTLE_MS);
    const balanceBefore = await reader.booked(ron);
    const [small1, small2] = guideBulkItems;
    const huge = { ...small1, creditorName: 'Too Much', instructedAmount: { currency: 'RON', amount: hugeAmount } };
    const { id, token } = await pay(env.bank, env.creds, { debtorAccount: { iban: ron }, payments: [small1, huge, small2] }, bulkOpts);

    clock.advance(SETTLE_MS);
    const read = await pisGet(env.bank, env.creds, `${BULK_D}/${id}`, token);
    expect(read.status).toBe(200);
    expect(read.body.transactionStatus).toBe('PART');
    expect(read.body.debtorAccount).toEqual({ iban: ron });
    expect(read.body.paymentsResponse.map((p: any) => p.response.result.transactionStatus)).toEqual(['ACSC', 'CANC', 'ACSC']);
    expect(await statusOf(env.bank, env.creds, `${BULK}/${id}`, token)).toBe('PART');
    expect(await reader.booked(ron)).toBe(balanceBefore - guideBulkCents[0]! - guideBulkCents[1]!);
  });

  it('redirects a refused bulk with error=access_denied and no code', async () => {
    const res = await initiate(env.bank, env.creds, guideBulk, bulkOpts);
    const back = await authorizeByForms(env.bank, authorizeUrl(res.headers.get('location') as string), { decision: 'refuse' });
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('st-123');
    expect(back.searchParams.has('code')).toBe(false);
  });

  it('lets an item be read with the bulk\'s token, through the payments path', async () => {
    const res = await initiate(env.bank, env.creds, guideBulk, bulkOpts);
    const id = idOf(res);
    const token = await authorisePayment(env.bank, env.creds, res.headers.get('location') as string, id, { debtorIban: ron });
    const itemId = res.body.paymentsResponse[1].response.result.paymentId as string;
    const item = await pisGet(env.bank, env.creds, `${SINGLE}/${itemId}`, token);
    expect(item.status).toBe(200);
    expect(item.body.instructedAmount).toEqual(guideBulkItems[1]?.instructedAmount);
    clock.advance(SETTLE_MS);
  });

  describe('cancelling a bulk: DELETE', () => {
    const del = (path: string) => call(`${env.bank.url}${path}`, { method: 'DELETE', headers: psd2Headers(env.creds.clientId) });

    it('cancels the whole bulk before authorisation with 204; its page then refuses it', async () => {
      const res = await initiate(env.bank, env.creds, guideBulk, bulkOpts);
      const cancelled = await del(`${BULK}/${idOf(res)}`);
      expect(cancelled.status).toBe(204);
      const page = await fetch(authorizeUrl(res.headers.get('location') as string), { redirect: 'manual' });
      expect(page.status).toBe(400);
    });

    it('refuses after authorisation with 405 CANCELLATION_INVALID', async () => {
      const { id } = await pay(env.bank, env.creds, guideBulk, { ...bulkOpts, debtorIban: ron });
      const res = await del(`${BULK}/${id}`);
      expect(res.status).toBe(405);
      expect(tppCode(res)).toBe('CANCELLATION_INVALID');
      clock.advance(SETTLE_MS);
    });

    it('does not cancel one item apart from its bulk (405 CANCELLATION_INVALID): the authorised bulk pays every item', async () => {
      const res = await initiate(env.bank, env.creds, guideBulk, bulkOpts);
      const id = idOf(res);
      const itemId = res.body.paymentsResponse[0].response.result.paymentId as string;
      const refused = await del(`${SINGLE}/${itemId}`);
      expect(refused.status).toBe(405);
      expect(tppCode(refused)).toBe('CANCELLATION_INVALID');
      const token = await authorisePayment(env.bank, env.creds, res.headers.get('location') as string, id, { debtorIban: ron });
      clock.advance(SETTLE_MS);
      const read = await pisGet(env.bank, env.creds, `${BULK_D}/${id}`, token);
      expect(read.body.transactionStatus).toBe('ACSC');
      expect(read.body.paymentsResponse.map((p: any) => p.response.result.transactionStatus)).toEqual(['ACSC', 'ACSC']);
    });
  });
});
