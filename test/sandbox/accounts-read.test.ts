/**
 * AccountsC reads as the digest's §2.6 shows them, CEC's quirks included: the account list,
 * one account in the list wrapper, balances with string amounts, one transaction, card accounts.
 * The PSU is present (`PSU-IP-Address`) so that §5's unattended-access limit stays out of the way.
 */
import { describe, expect, it } from 'vitest';
import { psuAccounts } from '../helpers/bank.js';
import { tppCode } from '../helpers/http.js';
import { aisBank, isCecIban, minorOf, monthsBefore, WINTER_DAY, type AisBank } from './accounts-support.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** The guide's RON current account product (§2.6 example). */
const GUIDE_RON_PRODUCT = 'Cont curent - persoane fizice - LEI';
const since = monthsBefore(WINTER_DAY, 27);

const accountList = async (s: AisBank, query = '') => {
  const res = await s.reader.get(`/v1/accounts${query}`);
  expect(res.status).toBe(200);
  return res.body.accounts as any[];
};

describe('GET /v1/accounts (account list)', () => {
  const s = aisBank();
  it('wraps the accounts in {"accounts":[…]} with the fields of the guide and valid CEC IBANs', async () => {
    const res = await s.reader.get('/v1/accounts?withBalance=true');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['accounts']);
    for (const a of res.body.accounts) {
      expect(a).toMatchObject({ resourceId: expect.stringMatching(/^\d+$/), currency: expect.stringMatching(/^(RON|EUR)$/) });
      expect(isCecIban(a.iban)).toBe(true);
      for (const field of ['product', 'cashAccountType', 'name']) expect(typeof a[field], field).toBe('string');
      expect(a._links).toEqual({
        balances: { href: `/v1/accounts/${a.resourceId}/balances` },
        transactions: { href: `/v1/accounts/${a.resourceId}/transactions` },
      });
    }
    const ron = res.body.accounts.find((a: any) => a.product === GUIDE_RON_PRODUCT);
    expect(ron).toMatchObject({ currency: 'RON', cashAccountType: 'CurrentAccount' });
  });

  it('lists every current and savings account of the PSU and no card account', async () => {
    const owned = await psuAccounts(s.bank, 'demo');
    const ibans = (await accountList(s)).map((a) => a.iban).sort();
    expect(ibans).toEqual(owned.filter((a) => a.kind !== 'card').map((a) => a.iban).sort());
    const card = owned.find((a) => a.kind === 'card');
    expect(card).toBeDefined();
    expect(ibans).not.toContain(card?.iban);
  });

  it('with withBalance=true gives each account a closingBooked balance whose amount is a JSON number', async () => {
    for (const a of await accountList(s, '?withBalance=true')) {
      const closing = a.balances.find((b: any) => b.balanceType === 'closingBooked');
      expect(closing, a.iban).toBeDefined();
      expect(typeof closing.balanceAmount.amount).toBe('number');
      expect(closing.balanceAmount.currency).toBe(a.currency);
      expect(closing.referenceDate).toMatch(ISO_DATE);
    }
  });

  it('without withBalance (or with withBalance=false) sends no balances', async () => {
    for (const query of ['', '?withBalance=false']) {
      for (const a of await accountList(s, query)) expect(a, query).not.toHaveProperty('balances');
    }
  });

  it('answers 400 FORMAT_ERROR to a withBalance that is not a boolean', async () => {
    const res = await s.reader.get('/v1/accounts?withBalance=yes');
    expect(res.status).toBe(400);
    expect(tppCode(res)).toBe('FORMAT_ERROR');
  });
});

describe('GET /v1/accounts/{id} (account details)', () => {
  const s = aisBank();
  it('answers the one account in the {"accounts":[one]} list wrapper, as the list shows it', async () => {
    for (const listed of await accountList(s, '?withBalance=true')) {
      const res = await s.reader.get(`/v1/accounts/${listed.resourceId}?withBalance=true`);
      expect(res.status).toBe(200);
      expect(res.body).not.toHaveProperty('account');
      expect(res.body).toEqual({ accounts: [listed] });
    }
  });

  it('answers the same on the /psd29c/v1/d/accounts/{id} twin', async () => {
    const [first] = await accountList(s);
    const plain = await s.reader.get(`/v1/accounts/${first.resourceId}`);
    const twin = await s.reader.get(`/v1/d/accounts/${first.resourceId}`);
    expect(twin.status).toBe(200);
    expect(twin.body).toEqual(plain.body);
    expect(twin.body).toEqual({ accounts: [first] });
  });
});

describe('GET /v1/accounts/{id}/balances', () => {
  const s = aisBank();
  it('answers {"account":{iban,currency},"balances":[…]} with string amounts of two decimals', async () => {
    for (const a of await accountList(s)) {
      const res = await s.reader.get(`/v1/accounts/${a.resourceId}/balances`);
      expect(res.status).toBe(200);
      expect(Object.keys(res.body).sort()).toEqual(['account', 'balances']);
      expect(res.body.account).toEqual({ iban: a.iban, currency: a.currency });
      expect(res.body.balances.length).toBeGreaterThan(0);
      for (const b of res.body.balances) {
        expect(b.balanceAmount.amount).toEqual(expect.stringMatching(/^-?\d+\.\d{2}$/));
        expect(b.balanceAmount.currency).toBe(a.currency);
        expect(b.referenceDate).toMatch(ISO_DATE);
      }
    }
  });

  it('has a closingBooked equal, as a decimal, to the number the account list shows', async () => {
    for (const a of await accountList(s, '?withBalance=true')) {
      const res = await s.reader.get(`/v1/accounts/${a.resourceId}/balances`);
      const closing = res.body.balances.filter((b: any) => b.balanceType === 'closingBooked');
      expect(closing, a.iban).toHaveLength(1);
      const listed = a.balances.find((b: any) => b.balanceType === 'closingBooked');
      expect(minorOf(closing[0].balanceAmount.amount)).toBe(minorOf(listed.balanceAmount.amount));
    }
  });
});

describe('GET /v1/accounts/{id}/transactions/{transactionId}', () => {
  const s = aisBank();
  it('answers {"transactions":{"booked":[one]},"account":{"iban"}} with the transaction as the report shows it', async () => {
    const [a] = await accountList(s);
    const report = await s.reader.get(`/v1/accounts/${a.resourceId}/transactions?bookingStatus=booked&dateFrom=${since}`);
    const picked = report.body.transactions.booked.slice(0, 3);
    expect(picked.length).toBe(3);
    for (const t of picked) {
      const res = await s.reader.get(`/v1/accounts/${a.resourceId}/transactions/${t.transactionId}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ transactions: { booked: [t] }, account: { iban: a.iban } });
    }
  });

  it('answers 404 RESOURCE_UNKNOWN for an unknown id and for a transaction of another account', async () => {
    const [a, b] = await accountList(s);
    const other = await s.reader.get(`/v1/accounts/${b.resourceId}/transactions?bookingStatus=booked&dateFrom=${since}`);
    const foreignId = other.body.transactions.booked[0].transactionId;
    for (const id of ['1', foreignId]) {
      const res = await s.reader.get(`/v1/accounts/${a.resourceId}/transactions/${id}`);
      expect(res.status, id).toBe(404);
      expect(tppCode(res)).toBe('RESOURCE_UNKNOWN');
    }
  });
});

describe('card accounts (/v1/card-accounts)', () => {
  const s = aisBank();
  const cards = async () => {
    const res = await s.reader.get('/v1/card-accounts?withBalance=true');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['cardAccounts']);
    return res.body.cardAccounts as any[];
  };

  it('lists the card account in {"cardAccounts":[…]} with a masked PAN and a credit limit', async () => {
    const owned = await psuAccounts(s.bank, 'demo');
    const list = await cards();
    expect(list).toHaveLength(owned.filter((a) => a.kind === 'card').length);
    for (const c of list) {
      expect(c.resourceId).toMatch(/^\d+$/);
      expect(c.maskedPan).toMatch(/^\d{6}\*{6}\d{4}$/);
      expect(c.creditLimit.currency).toBe(c.currency);
      expect(minorOf(c.creditLimit.amount) > 0n).toBe(true);
    }
  });

  it('answers the balances of a card account with a closingBooked', async () => {
    for (const c of await cards()) {
      const res = await s.reader.get(`/v1/card-accounts/${c.resourceId}/balances`);
      expect(res.status).toBe(200);
      const closing = res.body.balances.find((b: any) => b.balanceType === 'closingBooked');
      expect(closing.balanceAmount.currency).toBe(c.currency);
      expect(() => minorOf(closing.balanceAmount.amount)).not.toThrow();
    }
  });

  it('reports card transactions under cardTransactions.booked with cardTransactionId and a signed numeric amount', async () => {
    const [c] = await cards();
    const res = await s.reader.get(`/v1/card-accounts/${c.resourceId}/transactions?bookingStatus=booked&dateFrom=${since}`);
    expect(res.status).toBe(200);
    expect(res.body).not.toHaveProperty('transactions');
    const booked = res.body.cardTransactions.booked as any[];
    expect(booked.length).toBeGreaterThan(0);
    for (const t of booked) {
      expect(t.cardTransactionId).toMatch(/^\d+$/);
      expect(typeof t.transactionAmount.amount).toBe('number');
      expect(t.transactionAmount.currency).toBe(c.currency);
    }
    expect(booked.some((t) => t.transactionAmount.amount < 0)).toBe(true);
  });

  it('answers 404 RESOURCE_UNKNOWN to a card account id under /v1/accounts, and to an account id under /v1/card-accounts', async () => {
    const [c] = await cards();
    const [a] = await accountList(s);
    const paths = [
      `/v1/accounts/${c.resourceId}`,
      `/v1/accounts/${c.resourceId}/balances`,
      `/v1/accounts/${c.resourceId}/transactions?bookingStatus=booked&dateFrom=${since}`,
      `/v1/card-accounts/${a.resourceId}/balances`,
    ];
    for (const path of paths) {
      const res = await s.reader.get(path);
      expect(res.status, path).toBe(404);
      expect(tppCode(res)).toBe('RESOURCE_UNKNOWN');
    }
  });
});
