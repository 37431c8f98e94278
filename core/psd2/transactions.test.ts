import { describe, expect, it } from 'vitest';
import {
  bgTransactionDetails,
  bgTransactions,
  CEC_RESOURCE_ID,
  consentInvalid,
  digestTransactions,
  guideEmptyAmountTransactions,
  guideTransactionDetails,
} from '../../test/fixtures/cec-answers.js';
import { answer, bgProfile, onlyCall, recordingContext } from '../../test/helpers/psd2-fakes.js';
import { BankError, ProtocolError, ValidationError } from '../errors.js';
import {
  getTransactionDetailsRequest,
  getTransactionListRequest,
  processTransactionDetailsResponse,
  processTransactionListResponse,
} from './accounts.js';
import { resolveBankHref } from './ais-request.js';

const auth = { accessToken: 'tok', consentId: 'consent-1' };
const scope = { accountId: 'acc-1' };

const replaced = (text: string, from: string, to: string) => {
  if (!text.includes(from)) throw new Error(`fixture has no ${from}`);
  return text.replace(from, to);
};

describe('getTransactionListRequest', () => {
  it('sends the query parameters given, and only those', async () => {
    const rec = recordingContext();
    await getTransactionListRequest(rec.ctx, auth, {}, { accountResourceId: CEC_RESOURCE_ID, bookingStatus: 'both', dateFrom: '2024-12-01', dateTo: '2024-12-31', withBalance: true });
    expect(onlyCall(rec).url).toBe(
      `https://api.cec.ro/cec/prod/psd29c/v1/accounts/${CEC_RESOURCE_ID}/transactions?bookingStatus=both&dateFrom=2024-12-01&dateTo=2024-12-31&withBalance=true`,
    );
  });

  it('sends delta access as entryReferenceFrom or deltaList=true', async () => {
    const rec = recordingContext();
    await getTransactionListRequest(rec.ctx, auth, {}, { accountResourceId: '1', bookingStatus: 'booked', entryReferenceFrom: '42' });
    await getTransactionListRequest(rec.ctx, auth, {}, { accountResourceId: '1', bookingStatus: 'booked', deltaList: true });
    expect(rec.calls.map((r) => new URL(r.url).search)).toEqual(['?bookingStatus=booked&entryReferenceFrom=42', '?bookingStatus=booked&deltaList=true']);
  });

  it('refuses a date that is not ISO before sending', async () => {
    const rec = recordingContext();
    await expect(getTransactionListRequest(rec.ctx, auth, {}, { accountResourceId: '1', bookingStatus: 'booked', dateFrom: '07/08/2024' })).rejects.toThrow(ValidationError);
    expect(rec.calls).toHaveLength(0);
  });

  it("follows CEC's relative next href under the family's parent, with the same headers", async () => {
    const rec = recordingContext();
    await getTransactionListRequest(rec.ctx, auth, { psuIpAddress: '192.0.2.10' }, { accountResourceId: '25511978', nextHref: '/v1/accounts/25511978/transactions?bookingStatus=both&pageToken=abc.20' });
    const req = onlyCall(rec);
    expect(req.url).toBe('https://api.cec.ro/cec/prod/psd29c/v1/accounts/25511978/transactions?bookingStatus=both&pageToken=abc.20');
    expect(req.headers.get('authorization')).toBe('Bearer tok');
    expect(req.headers.get('psu-ip-address')).toBe('192.0.2.10');
  });

  it.each([
    ['another host', 'https://evil.example/v1/accounts/1/transactions'],
    ['plain http', 'http://api.cec.ro/cec/prod/psd29c/v1/accounts/1/transactions'],
    ['another port', 'https://api.cec.ro:8443/cec/prod/psd29c/v1/accounts/1/transactions'],
    ['a protocol-relative href', '//evil.example/v1/accounts'],
    ['a backslash trick', '/\\evil.example/v1/accounts'],
    ['a javascript: href', 'javascript:alert(1)'],
  ])('refuses a next href to %s with a ProtocolError and sends nothing', async (_name, href) => {
    const rec = recordingContext();
    await expect(getTransactionListRequest(rec.ctx, auth, {}, { accountResourceId: '1', nextHref: href })).rejects.toThrow(ProtocolError);
    expect(rec.calls).toHaveLength(0);
  });
});

describe('a next link is followed only to the same account\'s transactions', () => {
  const id = CEC_RESOURCE_ID;
  it.each([
    ['the accounts report', `/v1/accounts/${id}/transactions?pageToken=p.2`, `/psd29c/v1/accounts/${id}/transactions?pageToken=p.2`],
    ['the card-accounts report', `/v1/card-accounts/${id}/transactions?pageToken=p.2`, `/psd29c/v1/card-accounts/${id}/transactions?pageToken=p.2`],
    ["CEC's /v1/d/ twin", `/v1/d/accounts/${id}/transactions?page=2`, `/psd29c/v1/d/accounts/${id}/transactions?page=2`],
    ['an absolute href on the bank', `https://api.cec.ro/cec/prod/psd29c/v1/accounts/${id}/transactions`, `/psd29c/v1/accounts/${id}/transactions`],
    ['an href with a fragment, which is not sent', `/v1/accounts/${id}/transactions?p=2#top`, `/psd29c/v1/accounts/${id}/transactions?p=2`],
  ])('follows %s', async (_name, href, path) => {
    const rec = recordingContext();
    await getTransactionListRequest(rec.ctx, auth, {}, { accountResourceId: id, nextHref: href });
    expect(onlyCall(rec).url).toBe(`https://api.cec.ro/cec/prod${path}`);
  });

  it.each([
    ["the sandbox's PSU list on the bank's origin", '/sandbox/psus'],
    ['another account', '/v1/accounts/99999999/transactions?pageToken=p.2'],
    ['one transaction of the account', `/v1/accounts/${id}/transactions/1566614557`],
    ['the account itself', `/v1/accounts/${id}`],
    ['the consents', '/v1/consents/abc'],
    ['a path climbing out of the report', `/v1/accounts/${id}/transactions/../../../consents/abc`],
    ['an encoded slash', `/v1/accounts/${id}%2Ftransactions`],
    ['a token endpoint', '/oauthcec/oauth2/token'],
    ['a trailing slash', `/v1/accounts/${id}/transactions/`],
  ])('refuses %s with a ProtocolError, sending nothing', async (_name, href) => {
    const rec = recordingContext();
    const error = await getTransactionListRequest(rec.ctx, auth, {}, { accountResourceId: id, nextHref: href }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as Error).message).toMatch(/_links/);
    expect(rec.calls).toHaveLength(0);
  });
});

describe('resolveBankHref', () => {
  const { ctx } = recordingContext();
  it.each([
    ['/v1/accounts/1/transactions?x=1', 'https://api.cec.ro/cec/prod/psd29c/v1/accounts/1/transactions?x=1'],
    ['v1/accounts/1', 'https://api.cec.ro/cec/prod/psd29c/v1/accounts/1'],
    ['https://api.cec.ro/cec/prod/psd29c/v1/accounts/1', 'https://api.cec.ro/cec/prod/psd29c/v1/accounts/1'],
    ['/cec/prod/psd29c/v1/accounts/1', 'https://api.cec.ro/cec/prod/psd29c/v1/accounts/1'],
  ])('resolves %s for CEC', (href, url) => {
    expect(resolveBankHref(ctx, 'accounts', href)).toBe(url);
  });

  it('resolves a Berlin Group bank whose family is /v1 under the base', () => {
    const bg = recordingContext(undefined, bgProfile).ctx;
    expect(resolveBankHref(bg, 'accounts', '/v1/accounts/1?page=2')).toBe('https://api.cec.ro/cec/prod/v1/accounts/1?page=2');
  });
});

describe('processTransactionListResponse', () => {
  it("maps the digest's report: '' and {} parties become absent, amounts exact", async () => {
    const report = await processTransactionListResponse(answer(digestTransactions), scope);
    expect(report).toEqual({
      transactions: [
        {
          id: '1566614557',
          accountId: 'acc-1',
          status: 'booked',
          bookingDate: '2024-12-06',
          valueDate: '2024-12-08',
          amount: { amount: '-102.59', currency: 'RON' },
          remittance: 'Capitalizare dobanda-Achitare dobanda neta la scadenta din cont curent pentru contractul nr 207493400',
        },
        {
          id: '1174425358',
          accountId: 'acc-1',
          status: 'booked',
          bookingDate: '2021-10-10',
          valueDate: '2021-10-10',
          amount: { amount: '22', currency: 'RON' },
          remittance: expect.stringMatching(/^Sqpytqlyzqru/),
        },
      ],
      skipped: [],
    });
    for (const t of report.transactions) {
      expect(t).not.toHaveProperty('counterpartyName');
      expect(t).not.toHaveProperty('counterpartyIban');
    }
  });

  it('takes the creditor of a debit and the debtor of a credit (BG example), pending with its status', async () => {
    const report = await processTransactionListResponse(answer(bgTransactions), scope);
    expect(report.transactions.map((t) => [t.id, t.status, t.amount.amount, t.counterpartyName, t.counterpartyIban])).toEqual([
      ['1234567', 'booked', '256.67', undefined, undefined],
      ['1234568', 'booked', '343.01', 'Paul Simpson', 'NL76RABO0359400371'],
      ['1234569', 'pending', '-100.03', 'Claude Renault', 'FR7612345987650123456789014'],
    ]);
    expect(report.next).toBeUndefined();
  });

  it('returns _links.next as sent, and the balances of withBalance', async () => {
    const text = replaced(
      digestTransactions,
      '"booked":[',
      '"_links":{"next":{"href":"/v1/accounts/25511978/transactions?pageToken=p.20"}},"booked":[',
    ).replace(/}$/, ',"balances":[{"balanceAmount":{"currency":"RON","amount":"26.46"},"balanceType":"closingBooked"}]}');
    const report = await processTransactionListResponse(answer(text), scope);
    expect(report.next).toBe('/v1/accounts/25511978/transactions?pageToken=p.20');
    expect(report.balances).toEqual([{ type: 'closingBooked', amount: { amount: '26.46', currency: 'RON' } }]);
  });

  it('joins remittanceInformationUnstructuredArray when the single text is absent', async () => {
    const text = replaced(bgTransactions, '"remittanceInformationUnstructured":"Example 1"', '"remittanceInformationUnstructuredArray":["Invoice 17","May 2024"]');
    expect((await processTransactionListResponse(answer(text), scope)).transactions[0]?.remittance).toBe('Invoice 17 May 2024');
  });

  it('falls back to entryReference for the id, and to the content fingerprint with neither', async () => {
    const withRef = replaced(digestTransactions, '"transactionId":"1174425358"', '"entryReference":"9001"');
    expect((await processTransactionListResponse(answer(withRef), scope)).transactions[1]).toMatchObject({ id: '9001', entryReference: '9001' });
    const without = replaced(digestTransactions, '"transactionId":"1174425358",', '');
    const report = await processTransactionListResponse(answer(without), scope);
    expect(report.transactions[1]?.id).toMatch(/^fp:[0-9a-f]{32}:0$/);
    expect(report.skipped).toEqual([]);
  });

  it.each([
    ['transactionAmount missing', '"transactionAmount":{"currency":"RON","amount":22},', '', /booked\[1\]: transactionAmount/],
    ['a creditor IBAN as a number', '"creditorAccount":{"iban":""}', '"creditorAccount":{"iban":42}', /booked\[0\]: creditorAccount\.iban/],
    ['bookingDate in day-month-year order', '"bookingDate":"2024-12-06"', '"bookingDate":"06.12.2024"', /booked\[0\]: bookingDate/],
  ])('skips a transaction with %s and reports where and why', async (_name, from, to, reason) => {
    const report = await processTransactionListResponse(answer(replaced(digestTransactions, from, to)), scope);
    expect(report.transactions).toHaveLength(1);
    expect(report.skipped).toEqual([{ list: 'booked', index: expect.any(Number), reason: expect.stringMatching(reason) }]);
  });

  it('refuses a report without transactions with a ProtocolError naming the field', async () => {
    const error = await processTransactionListResponse(answer(replaced(digestTransactions, '"transactions":{"booked"', '"transactionz":{"booked"')), scope).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as Error).message).toMatch(/getTransactionList: transactions/);
  });

  it("skips the guide's empty transactionAmount {}, naming the field", async () => {
    const report = await processTransactionListResponse(answer(guideEmptyAmountTransactions), scope);
    expect(report.transactions).toEqual([]);
    expect(report.skipped).toEqual([{ list: 'booked', index: 0, reason: expect.stringMatching(/transactionAmount\.currency/) }]);
  });

  it('keeps amount 99999999999999.99, which a float cannot carry, as that text', async () => {
    const text = replaced(digestTransactions, '"amount":22', '"amount":99999999999999.99');
    expect((await processTransactionListResponse(answer(text), scope)).transactions[1]?.amount.amount).toBe('99999999999999.99');
  });

  it('turns 401 CONSENT_INVALID into a BankError', async () => {
    await expect(processTransactionListResponse(answer(consentInvalid, 401), scope)).rejects.toMatchObject({ code: 'CONSENT_INVALID', status: 401 });
    await expect(processTransactionListResponse(answer(consentInvalid, 401), scope)).rejects.toBeInstanceOf(BankError);
  });
});

describe('getTransactionDetailsRequest / processTransactionDetailsResponse', () => {
  it('sends GET …/accounts/{id}/transactions/{transactionId}', async () => {
    const rec = recordingContext();
    await getTransactionDetailsRequest(rec.ctx, auth, {}, { accountResourceId: CEC_RESOURCE_ID, transactionId: '1444173462' });
    expect(onlyCall(rec).url).toBe(`https://api.cec.ro/cec/prod/psd29c/v1/accounts/${CEC_RESOURCE_ID}/transactions/1444173462`);
  });

  it("reads CEC's report of one (guide §2.1.11)", async () => {
    expect(await processTransactionDetailsResponse(answer(guideTransactionDetails), scope)).toEqual({
      id: '1444173462',
      accountId: 'acc-1',
      status: 'booked',
      bookingDate: '2023-10-11',
      valueDate: '2023-10-11',
      amount: { amount: '-271.46', currency: 'RON' },
      remittance: 'Capitalizare dobanda-Achitare dobanda neta la scadenta din cont curent pentru contractul nr 209304160',
    });
  });

  it('reads a pending one from the pending list', async () => {
    const text = replaced(guideTransactionDetails, '"booked":[', '"pending":[');
    expect((await processTransactionDetailsResponse(answer(text), scope)).status).toBe('pending');
  });

  it('reads the standard transactionsDetails (BG example)', async () => {
    expect(await processTransactionDetailsResponse(answer(bgTransactionDetails), scope)).toMatchObject({
      id: '1234567',
      status: 'booked',
      amount: { amount: '-256.67', currency: 'EUR' },
      counterpartyName: 'John Miles',
      counterpartyIban: 'DE67100100101306118605',
      bankTransactionCode: 'PMNT-RDDT-ESDD',
    });
  });

  it('refuses a report of none or of two', async () => {
    await expect(processTransactionDetailsResponse(answer('{"transactions":{"booked":[]}}'), scope)).rejects.toThrow(/expected one transaction, got 0/);
    const two = replaced(guideTransactionDetails, '"booked":[', '"pending":[{"transactionId":"1","transactionAmount":{"currency":"RON","amount":"1"}}],"booked":[');
    await expect(processTransactionDetailsResponse(answer(two), scope)).rejects.toThrow(/got 2/);
  });

  it('refuses an answer with neither shape', async () => {
    await expect(processTransactionDetailsResponse(answer('{"account":{}}'), scope)).rejects.toThrow(ProtocolError);
  });
});
