import { beforeAll, describe, expect, it } from 'vitest';
import {
  authorizeByForms,
  authorizeUrl,
  connectAis,
  enrol,
  psuAccounts,
  testClock,
  type Credentials,
  type PsuAccount,
  type TestBank,
} from '../helpers/bank.js';
import { useEnrolledBank } from '../helpers/enrolled-bank.js';
import { aisOnlyCertificate } from '../helpers/certificates.js';
import { readForm, submit } from '../helpers/forms.js';
import { call, psd2Headers, tppCode } from '../helpers/http.js';
import {
  aisReader,
  authorisePayment,
  bucharestDay,
  cents,
  decimal,
  idOf,
  initiate,
  newTransactions,
  pay,
  pisGet,
  SINGLE,
  statusOf,
} from '../helpers/payments.js';
import {
  badCheckDigitsIban,
  bgSinglePayment,
  foreignDebtorIban,
  guidePagePayment,
  guideSingleAmountCents,
  guideSinglePayment,
} from '../fixtures/payments.js';

const CEC_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const ibanOf = (accounts: PsuAccount[], kind: string, currency: string): string => {
  const found = accounts.find((a) => a.kind === kind && a.currency === currency);
  if (found === undefined) throw new Error(`no ${kind} ${currency} account`);
  return found.iban;
};

/** Opens an authorize URL, logs `user` in; returns the decision page's HTML and form. */
async function decisionPage(bank: TestBank, url: string, user = 'demo') {
  const page = await fetch(url, { redirect: 'manual' });
  if (page.status !== 200) throw new Error(`authorize: ${page.status}`);
  const afterLogin = await submit(readForm(await page.text(), bank.origin), [['username', user], ['accessCode', '123456']]);
  if (afterLogin.status !== 200) throw new Error(`login: ${afterLogin.status}`);
  const html = await afterLogin.text();
  return { html, form: readForm(html, bank.origin) };
}

const optionsOf = (html: string): string[] => [...html.matchAll(/<option value="([^"]*)"/g)].map((m) => m[1] as string);

describe('initiatePayment: POST /psd29p/v1/payments/sepa-credit-transfers', () => {
  const env = useEnrolledBank();

  it('answers 201 RCVD with the paymentId, the guide\'s _links and a Location authorize URL of scope PIS:<paymentId>', async () => {
    const res = await initiate(env.bank, env.creds, guideSinglePayment);
    expect(res.status).toBe(201);
    const paymentId = res.body.paymentId as string;
    expect(paymentId).toMatch(CEC_ID);
    expect(res.body).toEqual({
      transactionStatus: 'RCVD',
      paymentId,
      _links: {
        scaOAuth: { href: `${env.bank.url}/oauth/.well-known/oauthauthorization-server` },
        self: { href: `v1/payments/sepa-credit-transfers/${paymentId}` },
        status: { href: `v1/payments/sepa-credit-transfers/${paymentId}/status` },
      },
    });
    const location = new URL(res.headers.get('location') as string);
    expect(`${location.origin}${location.pathname}`).toBe(`${env.bank.url}/oauthcec/oauth2/authorize`);
    expect(location.searchParams.get('response_type')).toBe('code');
    expect(location.searchParams.get('scope')).toBe(`PIS:${paymentId}`);
    expect(location.searchParams.get('redirect_uri')).toBe(env.creds.redirectUri);
    expect(location.searchParams.get('client_id')).toBe(env.creds.clientId);
  });

  it('gives every initiation its own paymentId', async () => {
    const a = idOf(await initiate(env.bank, env.creds, guideSinglePayment));
    const b = idOf(await initiate(env.bank, env.creds, guideSinglePayment));
    expect(a).not.toBe(b);
  });

  it('accepts the Berlin Group example, which names the debtorAccount', async () => {
    const res = await initiate(env.bank, env.creds, bgSinglePayment);
    expect(res.status).toBe(201);
    expect(res.body.transactionStatus).toBe('RCVD');
    expect(new URL(res.headers.get('location') as string).searchParams.get('scope')).toBe(`PIS:${res.body.paymentId}`);
  });

  it('accepts a creditorName of 70 characters and a remittance of 140', async () => {
    const res = await initiate(env.bank, env.creds, {
      ...guideSinglePayment,
      creditorName: 'N'.repeat(70),
      remittanceInformationUnstructured: 'R'.repeat(140),
    });
    expect(res.status).toBe(201);
  });

  const rejected: [string, Record<string, unknown>][] = [
    ['a creditor IBAN whose mod-97 check digits are wrong', { ...guideSinglePayment, creditorAccount: { iban: badCheckDigitsIban } }],
    ['a debtor IBAN whose mod-97 check digits are wrong', { ...guideSinglePayment, debtorAccount: { iban: badCheckDigitsIban } }],
    ['an amount with 3 decimals ("1.005"), never rounding it', { ...guideSinglePayment, instructedAmount: { currency: 'RON', amount: '1.005' } }],
    ['an amount that is not a number ("abc")', { ...guideSinglePayment, instructedAmount: { currency: 'RON', amount: 'abc' } }],
    ['a zero amount ("0.00")', { ...guideSinglePayment, instructedAmount: { currency: 'RON', amount: '0.00' } }],
    ['a negative amount ("-3.50")', { ...guideSinglePayment, instructedAmount: { currency: 'RON', amount: '-3.50' } }],
    ['a creditorName of 71 characters', { ...guideSinglePayment, creditorName: 'N'.repeat(71) }],
    ['a remittance of 141 characters', { ...guideSinglePayment, remittanceInformationUnstructured: 'R'.repeat(141) }],
    ['a body without creditorAccount', { ...guideSinglePayment, creditorAccount: undefined }],
    ['a body without instructedAmount', { ...guideSinglePayment, instructedAmount: undefined }],
    ['a lower-case currency ("ron")', { ...guideSinglePayment, instructedAmount: { currency: 'ron', amount: '3.50' } }],
  ];
  it.each(rejected)('rejects %s with 400 FORMAT_ERROR', async (_what, body) => {
    const res = await initiate(env.bank, env.creds, body);
    expect(res.status).toBe(400);
    expect(tppCode(res)).toBe('FORMAT_ERROR');
    expect(res.headers.get('location')).toBeNull();
  });

  it('rejects malformed JSON with 400 FORMAT_ERROR', async () => {
    const res = await initiate(env.bank, env.creds, '{"instructedAmount": {"currency": "RON", "amount": "3.50"},');
    expect(res.status).toBe(400);
    expect(tppCode(res)).toBe('FORMAT_ERROR');
  });

  it('answers an unknown payment product with 404 PRODUCT_UNKNOWN', async () => {
    const res = await initiate(env.bank, env.creds, guideSinglePayment, { path: '/psd29p/v1/payments/foo-transfers' });
    expect(res.status).toBe(404);
    expect(tppCode(res)).toBe('PRODUCT_UNKNOWN');
  });

  it('rejects a call without TPP-Redirect-URI with 400 FORMAT_ERROR', async () => {
    const res = await initiate(env.bank, env.creds, guideSinglePayment, { headers: { 'TPP-Redirect-URI': undefined } });
    expect(res.status).toBe(400);
    expect(tppCode(res)).toBe('FORMAT_ERROR');
  });

  it('rejects a certificate without the PSP_PI role with 401 CERTIFICATE_INVALID', async () => {
    const res = await initiate(env.bank, env.creds, guideSinglePayment, { headers: { 'TPP-Signature-Certificate': aisOnlyCertificate() } });
    expect(res.status).toBe(401);
    expect(tppCode(res)).toBe('CERTIFICATE_INVALID');
  });
});

describe('payment lifecycle: authorisation, status walk, settlement', () => {
  const SETTLE_MS = 3000;
  const clock = testClock(new Date());
  let demo: PsuAccount[];
  let demo2: PsuAccount[];
  let reader: ReturnType<typeof aisReader>;
  let reader2: ReturnType<typeof aisReader>;
  const since = () => bucharestDay(new Date(clock.now().getTime() - 86_400_000));

  const env = useEnrolledBank({ now: clock.now, settleMs: SETTLE_MS });
  beforeAll(async () => {
    demo = await psuAccounts(env.bank, 'demo');
    demo2 = await psuAccounts(env.bank, 'demo2');
    reader = aisReader(env.bank, env.creds, await connectAis(env.bank, env.creds));
    reader2 = aisReader(env.bank, env.creds, await connectAis(env.bank, env.creds, { user: 'demo2' }));
  });

  it('walks ACCP → ACTC → ACSP → ACSC as the clock advances, then shows the debit on the payer account', async () => {
    const ron = ibanOf(demo, 'current', 'RON');
    const balanceBefore = await reader.booked(ron);
    const txBefore = await reader.bookedTransactions(ron, since());

    const res = await initiate(env.bank, env.creds, guideSinglePayment);
    const id = idOf(res);
    const token = await authorisePayment(env.bank, env.creds, res.headers.get('location') as string, id, { debtorIban: ron });
    const path = `${SINGLE}/${id}`;

    expect(await statusOf(env.bank, env.creds, path, token)).toBe('ACCP');
    clock.advance(SETTLE_MS / 3);
    expect(await statusOf(env.bank, env.creds, path, token)).toBe('ACTC');
    clock.advance(SETTLE_MS / 3);
    expect(await statusOf(env.bank, env.creds, path, token)).toBe('ACSP');
    expect(await reader.booked(ron)).toBe(balanceBefore); // not debited before settlement
    clock.advance(SETTLE_MS / 3);
    expect(await statusOf(env.bank, env.creds, path, token)).toBe('ACSC');

    expect(await reader.booked(ron)).toBe(balanceBefore - guideSingleAmountCents);
    const added = newTransactions(txBefore, await reader.bookedTransactions(ron, since()));
    expect(added).toHaveLength(1);
    const tx = added[0];
    expect(cents(tx.transactionAmount.amount)).toBe(-guideSingleAmountCents);
    expect(tx.transactionAmount.currency).toBe('RON');
    expect(tx.creditorName).toBe(guideSinglePayment.creditorName);
    expect(tx.creditorAccount).toEqual({ iban: guideSinglePayment.creditorAccount.iban });
    expect(tx.remittanceInformationUnstructured).toBe(guideSinglePayment.remittanceInformationUnstructured);
    expect(tx.bookingDate).toBe(bucharestDay(clock.now()));
  });

  it('credits the creditor account too when the creditor banks at CEC (demo pays demo2)', async () => {
    const from = ibanOf(demo, 'current', 'RON');
    const to = ibanOf(demo2, 'current', 'RON');
    const payerBefore = await reader.booked(from);
    const payeeBefore = await reader2.booked(to);
    const payeeTxBefore = await reader2.bookedTransactions(to, since());
    const body = { ...guidePagePayment, creditorAccount: { iban: to }, creditorName: 'Maria Ionescu' };

    const { id, token } = await pay(env.bank, env.creds, body, { debtorIban: from });
    clock.advance(SETTLE_MS);
    expect(await statusOf(env.bank, env.creds, `${SINGLE}/${id}`, token)).toBe('ACSC');

    expect(await reader.booked(from)).toBe(payerBefore - 10_000);
    expect(await reader2.booked(to)).toBe(payeeBefore + 10_000);
    const credited = newTransactions(payeeTxBefore, await reader2.bookedTransactions(to, since()));
    expect(credited).toHaveLength(1);
    expect(cents(credited[0].transactionAmount.amount)).toBe(10_000);
    expect(credited[0].debtorAccount).toEqual({ iban: from });
    expect(credited[0].remittanceInformationUnstructured).toBe(guidePagePayment.remittanceInformationUnstructured);
  });

  it('pays from the debtorAccount the TPP sent, without a choice on the page', async () => {
    const ron = ibanOf(demo, 'current', 'RON');
    const { id, token } = await pay(env.bank, env.creds, { ...guideSinglePayment, debtorAccount: { iban: ron } });
    const res = await pisGet(env.bank, env.creds, `${SINGLE}/${id}`, token);
    expect(res.status).toBe(200);
    expect(res.body.debtorAccount).toEqual({ iban: ron });
    expect(res.body.transactionStatus).toBe('ACCP');
    clock.advance(SETTLE_MS);
  });

  it('cancels (CANC) a payment larger than the available balance and books nothing', async () => {
    const ron = ibanOf(demo, 'current', 'RON');
    clock.advance(SETTLE_MS); // whatever earlier tests authorised has settled
    const available = await reader.available(ron);
    const balanceBefore = await reader.booked(ron);
    const txBefore = await reader.bookedTransactions(ron, since());
    const body = { ...guideSinglePayment, instructedAmount: { currency: 'RON', amount: decimal(available + 1) } };

    const { id, token } = await pay(env.bank, env.creds, body, { debtorIban: ron });
    expect(await statusOf(env.bank, env.creds, `${SINGLE}/${id}`, token)).toBe('ACCP');
    clock.advance(SETTLE_MS);
    expect(await statusOf(env.bank, env.creds, `${SINGLE}/${id}`, token)).toBe('CANC');
    expect(await reader.booked(ron)).toBe(balanceBefore);
    expect(newTransactions(txBefore, await reader.bookedTransactions(ron, since()))).toEqual([]);
  });

  it('settles a payment of exactly the available balance', async () => {
    const eur = ibanOf(demo2, 'current', 'EUR');
    clock.advance(SETTLE_MS);
    const available = await reader2.available(eur);
    const balanceBefore = await reader2.booked(eur);
    expect(available).toBeGreaterThan(0);
    const body = { ...bgSinglePayment, debtorAccount: { iban: eur }, instructedAmount: { currency: 'EUR', amount: decimal(available) } };

    const { id, token } = await pay(env.bank, env.creds, body, { user: 'demo2' });
    clock.advance(SETTLE_MS);
    expect(await statusOf(env.bank, env.creds, `${SINGLE}/${id}`, token)).toBe('ACSC');
    expect(await reader2.booked(eur)).toBe(balanceBefore - available);
    expect(await reader2.available(eur)).toBe(0);
  });
});

describe('payment page: the PSU confirms or refuses', () => {
  let demo: PsuAccount[];
  const env = useEnrolledBank();
  beforeAll(async () => {
    demo = await psuAccounts(env.bank, 'demo');
  });

  it('redirects a refusal with error=access_denied and the state, without a code', async () => {
    const res = await initiate(env.bank, env.creds, guideSinglePayment);
    const back = await authorizeByForms(env.bank, authorizeUrl(res.headers.get('location') as string, 'st-refuse'), { decision: 'refuse' });
    expect(`${back.origin}${back.pathname}`).toBe(env.creds.redirectUri);
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('st-refuse');
    expect(back.searchParams.has('code')).toBe(false);
  });

  it('does not let a refused payment be authorised again', async () => {
    const res = await initiate(env.bank, env.creds, guideSinglePayment);
    const url = authorizeUrl(res.headers.get('location') as string);
    await authorizeByForms(env.bank, url, { decision: 'refuse' });
    const again = await fetch(url, { redirect: 'manual' });
    expect(again.status).toBe(400);
    expect(again.headers.get('location')).toBeNull();
    expect(await again.text()).toContain('role="alert"');
  });

  it('offers as payer only the PSU\'s current accounts in the payment\'s currency', async () => {
    const ron = await decisionPage(env.bank, authorizeUrl((await initiate(env.bank, env.creds, guideSinglePayment)).headers.get('location') as string));
    expect(optionsOf(ron.html)).toEqual([ibanOf(demo, 'current', 'RON')]);
    const eurBody = { ...bgSinglePayment, debtorAccount: undefined };
    const eur = await decisionPage(env.bank, authorizeUrl((await initiate(env.bank, env.creds, eurBody)).headers.get('location') as string));
    expect(optionsOf(eur.html)).toEqual([ibanOf(demo, 'current', 'EUR')]);
  });

  const refusedPayers: [string, (accounts: PsuAccount[]) => { debtorAccount?: string; picked?: string }][] = [
    ['a debtorAccount the PSU does not own', () => ({ debtorAccount: foreignDebtorIban })],
    ['a debtorAccount of the PSU in another currency', (a) => ({ debtorAccount: ibanOf(a, 'current', 'EUR') })],
    ['a picked savings account, which is not a current account', (a) => ({ picked: ibanOf(a, 'savings', 'RON') })],
  ];
  it.each(refusedPayers)('answers a confirmation with %s by the page again, 400 with an error, no redirect', async (_what, choose) => {
    const { debtorAccount, picked } = choose(demo);
    const body = debtorAccount === undefined ? guideSinglePayment : { ...guideSinglePayment, debtorAccount: { iban: debtorAccount } };
    const res = await initiate(env.bank, env.creds, body);
    expect(res.status).toBe(201);
    const { form } = await decisionPage(env.bank, authorizeUrl(res.headers.get('location') as string));
    const fields: [string, string][] = [['decision', 'confirm']];
    if (picked !== undefined) fields.push(['debtorIban', picked]);
    const done = await submit(form, fields);
    expect(done.status).toBe(400);
    expect(done.headers.get('location')).toBeNull();
    expect(await done.text()).toMatch(/role="alert"[^>]*>[^<]+</);
  });
});

describe('getPaymentInitiationStatus and getPaymentInformation: GET …/{paymentId}[/status]', () => {
  let ron: string;
  let paid: { id: string; token: string };
  let aisToken: string;
  const env = useEnrolledBank();
  beforeAll(async () => {
    ron = ibanOf(await psuAccounts(env.bank, 'demo'), 'current', 'RON');
    paid = await pay(env.bank, env.creds, guideSinglePayment, { debtorIban: ron });
    aisToken = (await connectAis(env.bank, env.creds)).accessToken;
  });

  it('shows the payment as initiated, the amount as a string, to its PIS token', async () => {
    const res = await pisGet(env.bank, env.creds, `${SINGLE}/${paid.id}`, paid.token);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      debtorAccount: { iban: ron },
      instructedAmount: { currency: 'RON', amount: '3.50' },
      creditorAccount: { iban: guideSinglePayment.creditorAccount.iban },
      creditorName: guideSinglePayment.creditorName,
      remittanceInformationUnstructured: guideSinglePayment.remittanceInformationUnstructured,
      transactionStatus: 'ACCP',
    });
  });

  it('answers the d/ twin the same', async () => {
    const res = await pisGet(env.bank, env.creds, `/psd29p/v1/d/payments/sepa-credit-transfers/${paid.id}`, paid.token);
    expect(res.status).toBe(200);
    expect(res.body.instructedAmount).toEqual({ currency: 'RON', amount: '3.50' });
  });

  it('answers the status as {"transactionStatus"}', async () => {
    const res = await pisGet(env.bank, env.creds, `${SINGLE}/${paid.id}/status`, paid.token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ transactionStatus: 'ACCP' });
  });

  const reads = [['status', '/status'], ['payment', '']] as const;
  it.each(reads)('rejects a %s read without a bearer token with 401 TOKEN_INVALID', async (_what, suffix) => {
    const res = await pisGet(env.bank, env.creds, `${SINGLE}/${paid.id}${suffix}`, undefined);
    expect(res.status).toBe(401);
    expect(tppCode(res)).toBe('TOKEN_INVALID');
  });

  it.each(reads)('rejects a %s read with an AIS token with 401 TOKEN_INVALID', async (_what, suffix) => {
    const res = await pisGet(env.bank, env.creds, `${SINGLE}/${paid.id}${suffix}`, aisToken);
    expect(res.status).toBe(401);
    expect(tppCode(res)).toBe('TOKEN_INVALID');
  });

  it.each(reads)('rejects a %s read with the PIS token of another payment with 401 TOKEN_INVALID', async (_what, suffix) => {
    const other = await pay(env.bank, env.creds, guidePagePayment, { debtorIban: ron });
    const res = await pisGet(env.bank, env.creds, `${SINGLE}/${paid.id}${suffix}`, other.token);
    expect(res.status).toBe(401);
    expect(tppCode(res)).toBe('TOKEN_INVALID');
  });

  it('answers an unknown paymentId with 404 RESOURCE_UNKNOWN', async () => {
    const res = await pisGet(env.bank, env.creds, `${SINGLE}/00000000-0000-11f0-8000-0a0800610000/status`, paid.token);
    expect(res.status).toBe(404);
    expect(tppCode(res)).toBe('RESOURCE_UNKNOWN');
  });
});

describe('cancelPayment: DELETE /psd29p/v1/payments/sepa-credit-transfers/{paymentId}', () => {
  let ron: string;
  const del = (id: string, c: Credentials = env.creds) =>
    call(`${env.bank.url}${SINGLE}/${id}`, { method: 'DELETE', headers: psd2Headers(c.clientId) });
  const env = useEnrolledBank();
  beforeAll(async () => {
    ron = ibanOf(await psuAccounts(env.bank, 'demo'), 'current', 'RON');
  });

  it('cancels before authorisation with 204, identified by client id and certificate alone', async () => {
    const res = await initiate(env.bank, env.creds, guideSinglePayment);
    const cancelled = await del(idOf(res));
    expect(cancelled.status).toBe(204);
    expect(cancelled.text).toBe('');
    // The cancelled payment can no longer be authorised.
    const page = await fetch(authorizeUrl(res.headers.get('location') as string), { redirect: 'manual' });
    expect(page.status).toBe(400);
    expect(page.headers.get('location')).toBeNull();
  });

  it('refuses after authorisation with 405 CANCELLATION_INVALID, and the payment goes on', async () => {
    const { id, token } = await pay(env.bank, env.creds, guideSinglePayment, { debtorIban: ron });
    const res = await del(id);
    expect(res.status).toBe(405);
    expect(tppCode(res)).toBe('CANCELLATION_INVALID');
    expect(await statusOf(env.bank, env.creds, `${SINGLE}/${id}`, token)).toBe('ACCP');
  });

  it('refuses a second cancellation with 405 CANCELLATION_INVALID', async () => {
    const id = idOf(await initiate(env.bank, env.creds, guideSinglePayment));
    expect((await del(id)).status).toBe(204);
    const again = await del(id);
    expect(again.status).toBe(405);
    expect(tppCode(again)).toBe('CANCELLATION_INVALID');
  });

  it('answers an unknown paymentId with 404 RESOURCE_UNKNOWN', async () => {
    const res = await del('00000000-0000-11f0-8000-0a0800610000');
    expect(res.status).toBe(404);
    expect(tppCode(res)).toBe('RESOURCE_UNKNOWN');
  });

  it('answers another TPP\'s payment with 404 RESOURCE_UNKNOWN and leaves it payable', async () => {
    const other = await enrol(env.bank);
    const res = await initiate(env.bank, env.creds, guideSinglePayment);
    const id = idOf(res);
    const denied = await del(id, other);
    expect(denied.status).toBe(404);
    expect(tppCode(denied)).toBe('RESOURCE_UNKNOWN');
    const token = await authorisePayment(env.bank, env.creds, res.headers.get('location') as string, id, { debtorIban: ron });
    expect(await statusOf(env.bank, env.creds, `${SINGLE}/${id}`, token)).toBe('ACCP');
  });
});
