/**
 * getTransactionList (`GET /v1/accounts/{id}/transactions`) as the digest's §2.6 and Berlin Group
 * 1.3.12 define its query: bookingStatus, dateFrom/dateTo, entryReferenceFrom, deltaList,
 * withBalance; CEC's wire shape (signed JSON numbers, "" and {} for missing parties); deltas after
 * a real booking; `_links.next` pages.
 */
import { isValidIBAN } from 'ibantools';
import { describe, expect, it } from 'vitest';
import { authorizeByForms, authorizeUrl, connectAis } from '../helpers/bank.js';
import { call, psd2Headers, tppCode } from '../helpers/http.js';
import { aisBank, aisReader, minorOf, monthsBefore, WINTER_DAY, type AisBank, type AisReader } from './accounts-support.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Before the demo history's first day (about 26 months back). */
const since = monthsBefore(WINTER_DAY, 27);
/** The guide's example IBAN (§2.6): a CEC account that is not one of the sandbox's demo accounts. */
const GUIDE_IBAN = 'RO42CECEAG0202RON0007466';

const ids = (list: any[]): string[] => list.map((t) => t.transactionId);

/** The id of the PSU's RON current account (the guide's product). */
async function ronCurrent(reader: AisReader): Promise<{ resourceId: string; iban: string }> {
  const res = await reader.get('/v1/accounts');
  return res.body.accounts.find((a: any) => a.currency === 'RON' && a.cashAccountType === 'CurrentAccount');
}

async function report(reader: AisReader, id: string, query: string) {
  const res = await reader.get(`/v1/accounts/${id}/transactions?${query}`);
  expect(res.status, res.text).toBe(200);
  return res.body;
}

describe('GET /v1/accounts/{id}/transactions — query checks', () => {
  const s = aisBank();

  it.each([
    ['bookingStatus missing', `dateFrom=${since}`, 'FORMAT_ERROR'],
    ['bookingStatus=foo', `bookingStatus=foo&dateFrom=${since}`, 'FORMAT_ERROR'],
    ['dateFrom missing, no entryReferenceFrom or deltaList', 'bookingStatus=booked', 'FORMAT_ERROR'],
    ['dateFrom=2025-02-30 (no such day)', 'bookingStatus=booked&dateFrom=2025-02-30', 'FORMAT_ERROR'],
    ['dateTo=2025-02-30 (no such day)', `bookingStatus=booked&dateFrom=2025-01-01&dateTo=2025-02-30`, 'FORMAT_ERROR'],
    ['dateFrom in day-month-year order', 'bookingStatus=booked&dateFrom=14-01-2027', 'FORMAT_ERROR'],
    ['dateFrom after dateTo', 'bookingStatus=booked&dateFrom=2026-12-31&dateTo=2026-12-01', 'PERIOD_INVALID'],
  ])('answers 400 %s with %s', async (_name, query, code) => {
    const a = await ronCurrent(s.reader);
    const res = await s.reader.get(`/v1/accounts/${a.resourceId}/transactions?${query}`);
    expect(res.status).toBe(400);
    expect(tppCode(res)).toBe(code);
  });

  it('answers 400 PARAMETER_NOT_SUPPORTED to bookingStatus=information', async () => {
    const a = await ronCurrent(s.reader);
    const res = await s.reader.get(`/v1/accounts/${a.resourceId}/transactions?bookingStatus=information&dateFrom=${since}`);
    expect(res.status).toBe(400);
    expect(tppCode(res)).toBe('PARAMETER_NOT_SUPPORTED');
  });
});

describe('GET /v1/accounts/{id}/transactions — report', () => {
  const s = aisBank();

  it('with bookingStatus booked, pending or both returns exactly those lists', async () => {
    const a = await ronCurrent(s.reader);
    const booked = await report(s.reader, a.resourceId, `bookingStatus=booked&dateFrom=${since}`);
    expect(booked.transactions.booked.length).toBeGreaterThan(0);
    expect(booked.transactions).not.toHaveProperty('pending');
    const pending = await report(s.reader, a.resourceId, `bookingStatus=pending&dateFrom=${since}`);
    expect(pending.transactions.pending.length).toBeGreaterThan(0);
    expect(pending.transactions).not.toHaveProperty('booked');
    for (const t of pending.transactions.pending) expect(t).not.toHaveProperty('bookingDate');
    const both = await report(s.reader, a.resourceId, `bookingStatus=both&dateFrom=${since}`);
    expect(ids(both.transactions.booked)).toEqual(ids(booked.transactions.booked));
    expect(ids(both.transactions.pending)).toEqual(ids(pending.transactions.pending));
    expect(both.account).toEqual({ iban: a.iban });
  });

  it('keeps every bookingDate inside dateFrom..dateTo, both ends included', async () => {
    const a = await ronCurrent(s.reader);
    const all = (await report(s.reader, a.resourceId, `bookingStatus=booked&dateFrom=${since}`)).transactions.booked as any[];
    const days = [...new Set(all.map((t) => t.bookingDate as string))].sort();
    expect(days.length).toBeGreaterThan(10);
    // Windows whose ends are booking days: a single day, and a span of several.
    for (const [from, to] of [[days[5], days[5]], [days[3], days[9]]] as [string, string][]) {
      const got = (await report(s.reader, a.resourceId, `bookingStatus=booked&dateFrom=${from}&dateTo=${to}`)).transactions.booked;
      const expected = all.filter((t) => t.bookingDate >= from && t.bookingDate <= to);
      expect(expected.length).toBeGreaterThan(0);
      expect(ids(got).sort()).toEqual(ids(expected).sort());
      expect(got.some((t: any) => t.bookingDate === from)).toBe(true);
      expect(got.some((t: any) => t.bookingDate === to)).toBe(true);
    }
  });

  it('holds two years of history: dateFrom 24 months back returns transactions older than 23 months', async () => {
    const a = await ronCurrent(s.reader);
    const from = monthsBefore(WINTER_DAY, 24);
    const booked = (await report(s.reader, a.resourceId, `bookingStatus=booked&dateFrom=${from}`)).transactions.booked as any[];
    expect(booked.every((t) => t.bookingDate >= from)).toBe(true);
    expect(booked.some((t) => t.bookingDate < monthsBefore(WINTER_DAY, 23))).toBe(true);
  });

  it('renders signed JSON-number amounts; debits name the creditor ("" allowed), credits carry debtorAccount ({} allowed)', async () => {
    const accounts = (await s.reader.get('/v1/accounts')).body.accounts as any[];
    let debits = 0;
    let credits = 0;
    for (const a of accounts) {
      const body = await report(s.reader, a.resourceId, `bookingStatus=both&dateFrom=${since}`);
      for (const t of [...body.transactions.booked, ...body.transactions.pending]) {
        expect(t.transactionId).toMatch(/^\d+$/);
        expect(typeof t.transactionAmount.amount).toBe('number');
        expect(t.transactionAmount.currency).toBe(a.currency);
        expect(() => minorOf(t.transactionAmount.amount)).not.toThrow();
        expect(t.valueDate).toMatch(ISO_DATE);
        if (t.transactionAmount.amount < 0) {
          debits++;
          expect(typeof t.creditorName).toBe('string');
          expect(Object.keys(t.creditorAccount)).toEqual(['iban']);
          expect(t.creditorAccount.iban === '' || isValidIBAN(t.creditorAccount.iban)).toBe(true);
        } else {
          credits++;
          expect(typeof t.debtorAccount).toBe('object');
          expect(Object.keys(t.debtorAccount).every((k) => k === 'iban')).toBe(true);
          if (t.debtorAccount.iban !== undefined) expect(isValidIBAN(t.debtorAccount.iban)).toBe(true);
        }
      }
      for (const t of body.transactions.booked) expect(t.bookingDate).toMatch(ISO_DATE);
    }
    expect(debits).toBeGreaterThan(0);
    expect(credits).toBeGreaterThan(0);
  });

  it('with entryReferenceFrom returns only the entries after that one, without a dateFrom', async () => {
    const a = await ronCurrent(s.reader);
    const all = (await report(s.reader, a.resourceId, `bookingStatus=both&dateFrom=${since}`)).transactions;
    const entries = [...all.booked, ...all.pending] as any[];
    const mark = all.booked[20].entryReference as string;
    const got = (await report(s.reader, a.resourceId, `bookingStatus=both&entryReferenceFrom=${mark}`)).transactions;
    const later = entries.filter((t) => BigInt(t.entryReference) > BigInt(mark));
    expect(later.length).toBeGreaterThan(0);
    expect(ids([...got.booked, ...got.pending]).sort()).toEqual(ids(later).sort());
  });

  it('adds the balances with withBalance=true, and none without it', async () => {
    const a = await ronCurrent(s.reader);
    const withBalance = await report(s.reader, a.resourceId, `bookingStatus=booked&dateFrom=${since}&withBalance=true`);
    const closing = withBalance.balances.find((b: any) => b.balanceType === 'closingBooked');
    const balances = await s.reader.get(`/v1/accounts/${a.resourceId}/balances`);
    const expected = balances.body.balances.find((b: any) => b.balanceType === 'closingBooked');
    expect(minorOf(closing.balanceAmount.amount)).toBe(minorOf(expected.balanceAmount.amount));
    const without = await report(s.reader, a.resourceId, `bookingStatus=booked&dateFrom=${since}`);
    expect(without).not.toHaveProperty('balances');
  });
});

describe('GET /v1/accounts/{id}/transactions?deltaList=true', () => {
  // settleMs 0: an authorised payment settles (and books) on the bank's next request.
  const s = aisBank({ settleMs: 0 });
  let delta: AisReader;
  let account: { resourceId: string; iban: string };
  const from = monthsBefore(WINTER_DAY, 3);
  const deltaQuery = `bookingStatus=both&dateFrom=${from}&deltaList=true`;

  it('returns, the first time, every transaction in the window', async () => {
    // A consent of its own: deltas are counted from the last report of this consent and account.
    delta = aisReader(s.bank, s.creds.clientId, await connectAis(s.bank, s.creds));
    account = await ronCurrent(delta);
    const plain = (await report(s.reader, account.resourceId, `bookingStatus=both&dateFrom=${from}`)).transactions;
    const first = (await report(delta, account.resourceId, deltaQuery)).transactions;
    expect(plain.booked.length).toBeGreaterThan(0);
    expect(ids(first.booked)).toEqual(ids(plain.booked));
    expect(ids(first.pending)).toEqual(ids(plain.pending));
  });

  it('returns nothing on a second call when nothing was booked in between', async () => {
    const second = (await report(delta, account.resourceId, deltaQuery)).transactions;
    expect(second.booked).toEqual([]);
    expect(second.pending).toEqual([]);
  });

  it('after a payment from the account settles, returns only its booking, and closingBooked falls by exactly its amount', async () => {
    const closing = async () =>
      minorOf((await s.reader.get(`/v1/accounts/${account.resourceId}/balances`)).body.balances.find((b: any) => b.balanceType === 'closingBooked').balanceAmount.amount);
    const before = await closing();
    const initiated = await call(`${s.bank.url}/psd29p/v1/payments/sepa-credit-transfers`, {
      method: 'POST',
      headers: psd2Headers(s.creds.clientId, { 'TPP-Redirect-URI': s.creds.redirectUri, 'Content-Type': 'application/json' }),
      body: JSON.stringify({
        debtorAccount: { iban: account.iban },
        instructedAmount: { currency: 'RON', amount: '12.34' },
        creditorAccount: { iban: GUIDE_IBAN },
        creditorName: 'Furnizor SRL',
        remittanceInformationUnstructured: 'Factura 1042',
      }),
    });
    expect(initiated.status, initiated.text).toBe(201);
    const back = await authorizeByForms(s.bank, authorizeUrl(initiated.headers.get('location') as string), { decision: 'confirm' });
    expect(back.searchParams.get('code')).not.toBeNull();

    const third = (await report(delta, account.resourceId, deltaQuery)).transactions;
    expect(third.pending).toEqual([]);
    expect(third.booked).toHaveLength(1);
    expect(third.booked[0]).toMatchObject({
      creditorName: 'Furnizor SRL',
      creditorAccount: { iban: GUIDE_IBAN },
      transactionAmount: { currency: 'RON', amount: -12.34 },
      bookingDate: WINTER_DAY,
    });
    expect((await report(delta, account.resourceId, deltaQuery)).transactions.booked).toEqual([]);
    expect(before - (await closing())).toBe(1234n);
  });
});

describe('GET /v1/accounts/{id}/transactions — pages (_links.next)', () => {
  const paged = aisBank({ pageSize: 25 });
  // Same seed and clock: the same bank, answering each report in one page as CEC does.
  const whole = aisBank();
  const query = `bookingStatus=both&dateFrom=${since}`;

  const unpaged = async (s: AisBank) => {
    const a = await ronCurrent(s.reader);
    return (await report(s.reader, a.resourceId, query)) as any;
  };

  it('answers 25 items on the first page and a next link to this account\'s transactions with a pageToken', async () => {
    const a = await ronCurrent(paged.reader);
    const first = await report(paged.reader, a.resourceId, query);
    expect(first.transactions.booked.length + first.transactions.pending.length).toBe(25);
    const next = new URL(first.transactions._links.next.href, 'http://x');
    expect(first.transactions._links.next.href.startsWith(`/v1/accounts/${a.resourceId}/transactions?`)).toBe(true);
    expect(next.searchParams.get('pageToken')).toMatch(/.+/);
  });

  it('yields every item of the unpaged report exactly once when the next links are followed to the end', async () => {
    const a = await ronCurrent(paged.reader);
    let page = await report(paged.reader, a.resourceId, query);
    const booked: string[] = [];
    const pending: string[] = [];
    let pages = 0;
    for (;;) {
      pages++;
      const size = page.transactions.booked.length + page.transactions.pending.length;
      booked.push(...ids(page.transactions.booked));
      pending.push(...ids(page.transactions.pending));
      const href = page.transactions._links?.next?.href as string | undefined;
      if (href === undefined) break;
      expect(size).toBe(25);
      // Resolved against `${bank.url}/psd29c`, with the headers of every AIS call.
      const res = await paged.reader.get(href);
      expect(res.status, res.text).toBe(200);
      page = res.body;
      expect(pages).toBeLessThan(1000);
    }
    const reference = (await unpaged(whole)).transactions;
    expect(new Set(booked).size).toBe(booked.length);
    expect(new Set(pending).size).toBe(pending.length);
    expect(booked).toEqual(ids(reference.booked));
    expect(pending).toEqual(ids(reference.pending));
    expect(pages).toBe(Math.ceil((booked.length + pending.length) / 25));
  });

  it('answers one page without a next link when the sandbox has no pageSize', async () => {
    const body = await unpaged(whole);
    expect(body.transactions.booked.length + body.transactions.pending.length).toBeGreaterThan(25);
    expect(body.transactions._links?.next).toBeUndefined();
  });
});
