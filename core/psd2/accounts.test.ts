import { describe, expect, it } from 'vitest';
import {
  bgAccountDetails,
  bgAccountList,
  bgBalances,
  CEC_IBAN,
  CEC_RESOURCE_ID,
  digestAccountDetails,
  digestAccountList,
  digestBalances,
  gatewayHtml,
  tokenExpired,
} from '../../test/fixtures/cec-answers.js';
import { answer, CERTIFICATE, CLIENT_ID, onlyCall, recordingContext, REQUEST_ID } from '../../test/helpers/psd2-fakes.js';
import { BankError, ProtocolError } from '../errors.js';
import {
  getAccountListRequest,
  getBalancesRequest,
  processAccountDetailsResponse,
  processAccountListResponse,
  processBalancesResponse,
  readAccountDetailsRequest,
} from './accounts.js';

const auth = { accessToken: 'AAIk-token', consentId: 'consent-1' };
const scope = { connectionId: 'conn-1' };

/** The guide's account as the domain sees it. */
const guideAccount = {
  id: `${CEC_IBAN}:RON`,
  connectionId: 'conn-1',
  kind: 'account',
  resourceId: CEC_RESOURCE_ID,
  iban: CEC_IBAN,
  currency: 'RON',
  name: '421642',
  product: 'Cont curent - persoane fizice - LEI',
  cashAccountType: 'CurrentAccount',
  balances: [{ type: 'closingBooked', amount: { amount: '26.46', currency: 'RON' }, referenceDate: '2024-12-06' }],
};

/** The guide's list with one field replaced by raw JSON text. */
const listWith = (from: string, to: string) => {
  if (!digestAccountList.includes(from)) throw new Error(`fixture has no ${from}`);
  return digestAccountList.replace(from, to);
};

describe('getAccountListRequest', () => {
  it('sends GET /psd29c/v1/accounts with the §2.6 headers and no PSU-IP-Address in the background', async () => {
    const rec = recordingContext();
    await getAccountListRequest(rec.ctx, auth, {});
    const req = onlyCall(rec);
    expect(req.method).toBe('GET');
    expect(req.url).toBe('https://api.cec.ro/cec/prod/psd29c/v1/accounts');
    expect(req.headers.get('authorization')).toBe('Bearer AAIk-token');
    expect(req.headers.get('consent-id')).toBe('consent-1');
    expect(req.headers.get('x-ibm-client-id')).toBe(CLIENT_ID);
    expect(req.headers.get('x-request-id')).toBe(REQUEST_ID);
    expect(req.headers.get('tpp-signature-certificate')).toBe(CERTIFICATE);
    expect(req.headers.has('psu-ip-address')).toBe(false);
  });

  it('adds withBalance=true and PSU-IP-Address when asked', async () => {
    const rec = recordingContext();
    await getAccountListRequest(rec.ctx, auth, { psuIpAddress: '192.0.2.10' }, { withBalance: true });
    const req = onlyCall(rec);
    expect(req.url).toBe('https://api.cec.ro/cec/prod/psd29c/v1/accounts?withBalance=true');
    expect(req.headers.get('psu-ip-address')).toBe('192.0.2.10');
  });
});

describe('processAccountListResponse', () => {
  it('maps the digest §2.6 list, its JSON-number amount 26.46 as exact text', async () => {
    expect(await processAccountListResponse(answer(digestAccountList), scope)).toEqual({ accounts: [guideAccount], skipped: [] });
  });

  it('maps the Berlin Group example list, without balances when none are sent', async () => {
    const { accounts } = await processAccountListResponse(answer(bgAccountList), scope);
    expect(accounts.map((a) => [a.id, a.resourceId, a.currency, a.balances])).toEqual([
      ['DE2310010010123456789:EUR', '3dc3d5b3-7023-4848-9853-f5400a64e80f', 'EUR', []],
      ['DE2310010010123456788:USD', '3dc3d5b3-7023-4848-9853-f5400a64e81e', 'USD', []],
    ]);
  });

  it('uses the account id resolver it is given', async () => {
    const { accounts: [a] } = await processAccountListResponse(answer(digestAccountList), { connectionId: 'c', accountId: (k) => `x-${k.iban}-${k.resourceId}` });
    expect(a?.id).toBe(`x-${CEC_IBAN}-${CEC_RESOURCE_ID}`);
  });

  it('keeps a 14-digit amount that a float cannot carry exact', async () => {
    const { accounts: [a] } = await processAccountListResponse(answer(listWith('"amount":26.46', '"amount":99999999999999.99')), scope);
    expect(a?.balances[0]?.amount).toEqual({ amount: '99999999999999.99', currency: 'RON' });
  });

  it.each([
    ['iban as a number', '"iban":"RO42CECEAG0202RON0007466"', '"iban":42', /accounts\[0\]: iban/],
    ['currency missing', '"currency":"RON",\n  "product"', '"product"', /accounts\[0\]: currency/],
    ['currency in lower case', '"currency":"RON",\n  "product"', '"currency":"ron",\n  "product"', /accounts\[0\]: currency must be an ISO 4217/],
  ])('skips an account with %s, reporting its position and the field', async (_name, from, to, field) => {
    const { accounts, skipped } = await processAccountListResponse(answer(listWith(from, to)), scope);
    expect(accounts).toEqual([]);
    expect(skipped).toEqual([{ list: 'accounts', index: 0, reason: expect.stringMatching(field) }]);
  });

  it.each([
    ['amount not a decimal', '"amount":26.46', '"amount":"26,46"', /accounts\[0\]\.balances\[0\]: balanceAmount\.amount is not a decimal amount/],
    ['amount as a boolean', '"amount":26.46', '"amount":true', /balanceAmount\.amount/],
    ['creditLimitIncluded neither true nor false', '"balanceType":"closingBooked"', '"balanceType":"closingBooked","creditLimitIncluded":"yes"', /creditLimitIncluded/],
  ])('keeps the account but skips a balance with %s', async (_name, from, to, reason) => {
    const { accounts, skipped } = await processAccountListResponse(answer(listWith(from, to)), scope);
    expect(accounts).toEqual([{ ...guideAccount, balances: [] }]);
    expect(skipped).toEqual([{ list: 'accounts[0].balances', index: 0, reason: expect.stringMatching(reason) }]);
  });

  it('refuses accounts that are not a list with a ProtocolError naming the field', async () => {
    const text = `${listWith('{"accounts":[', '{"accounts":{"x":[').slice(0, -1)}}}`;
    const error = await processAccountListResponse(answer(text), scope).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).message).toMatch(/getAccountList: accounts/);
  });

  it('accepts fields it does not know', async () => {
    const { accounts: [a] } = await processAccountListResponse(answer(listWith('"name":"421642"', '"name":"421642","status":"enabled","x-cec":{"a":1}')), scope);
    expect(a?.name).toBe('421642');
  });

  it('turns malformed JSON with 200 into a ProtocolError', async () => {
    await expect(processAccountListResponse(answer('{"accounts":[{'), scope)).rejects.toThrow(ProtocolError);
  });

  it('turns an HTML page with 200 into a ProtocolError', async () => {
    await expect(processAccountListResponse(answer(gatewayHtml, 200, { 'content-type': 'text/html' }), scope)).rejects.toThrow(ProtocolError);
  });

  it('turns a gateway 502 HTML page into BankError HTTP_502', async () => {
    const error = await processAccountListResponse(answer(gatewayHtml, 502, { 'content-type': 'text/html' }), scope).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BankError);
    expect(error).toMatchObject({ status: 502, code: 'HTTP_502' });
  });

  it('turns 401 TOKEN_EXPIRED into a BankError with that code', async () => {
    const error = await processAccountListResponse(answer(tokenExpired, 401), scope).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BankError);
    expect(error).toMatchObject({ status: 401, code: 'TOKEN_EXPIRED' });
  });
});

describe('readAccountDetailsRequest', () => {
  it('sends GET /psd29c/v1/accounts/{id}, the id encoded', async () => {
    const rec = recordingContext();
    await readAccountDetailsRequest(rec.ctx, auth, {}, { accountResourceId: 'a/b?c', withBalance: true });
    expect(onlyCall(rec).url).toBe('https://api.cec.ro/cec/prod/psd29c/v1/accounts/a%2Fb%3Fc?withBalance=true');
  });
});

describe('processAccountDetailsResponse', () => {
  it("reads CEC's {accounts:[one]} wrapper (digest §2.6)", async () => {
    expect(await processAccountDetailsResponse(answer(digestAccountDetails), scope)).toEqual(guideAccount);
  });

  it('reads the standard {account:{}} too, whatever the profile says', async () => {
    const a = await processAccountDetailsResponse(answer(bgAccountDetails), scope, { accountDetailWrapper: 'accounts-list' });
    expect(a).toMatchObject({ id: 'FR7612345987650123456789014:EUR', iban: 'FR7612345987650123456789014', name: 'Main Account', balances: [] });
  });

  it('reads the CEC wrapper under a Berlin Group profile', async () => {
    expect(await processAccountDetailsResponse(answer(digestAccountDetails), scope, { accountDetailWrapper: 'account' })).toEqual(guideAccount);
  });

  it('refuses a wrapper with two accounts', async () => {
    const two = digestAccountList.replace('"accounts":[{', '"accounts":[{"resourceId":"1","currency":"RON"},{');
    await expect(processAccountDetailsResponse(answer(two), scope)).rejects.toThrow(/exactly one account/);
  });

  it("names the profile's shape when the answer has neither", async () => {
    await expect(processAccountDetailsResponse(answer('{}'), scope)).rejects.toThrow(/accounts/);
    await expect(processAccountDetailsResponse(answer('{}'), scope, { accountDetailWrapper: 'account' })).rejects.toThrow(/account /);
  });
});

describe('getBalancesRequest / processBalancesResponse', () => {
  it('sends GET /psd29c/v1/accounts/{id}/balances', async () => {
    const rec = recordingContext();
    await getBalancesRequest(rec.ctx, auth, {}, { accountResourceId: CEC_RESOURCE_ID });
    expect(onlyCall(rec).url).toBe(`https://api.cec.ro/cec/prod/psd29c/v1/accounts/${CEC_RESOURCE_ID}/balances`);
  });

  it('reads the digest balances, whose amount is the string "26.46"', async () => {
    expect(await processBalancesResponse(answer(digestBalances))).toEqual([
      { type: 'closingBooked', amount: { amount: '26.46', currency: 'RON' }, referenceDate: '2024-12-06' },
    ]);
  });

  it('reads the Berlin Group example, "500.00" in canonical form', async () => {
    const balances = await processBalancesResponse(answer(bgBalances));
    expect(balances.map((b) => [b.type, b.amount.amount])).toEqual([['closingBooked', '500'], ['expected', '900']]);
  });

  it('refuses balances without balanceType', async () => {
    await expect(processBalancesResponse(answer(digestBalances.replace('"balanceType":"closingBooked",', '')))).rejects.toThrow(ProtocolError);
  });
});
