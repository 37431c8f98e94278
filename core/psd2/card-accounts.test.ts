import { describe, expect, it } from 'vitest';
import { bgCardAccountDetails, bgCardAccountList, bgCardBalances, bgCardTransactions } from '../../test/fixtures/cec-answers.js';
import { answer, onlyCall, recordingContext } from '../../test/helpers/psd2-fakes.js';
import { ProtocolError } from '../errors.js';
import {
  getCardAccountBalancesRequest,
  getCardAccountListRequest,
  getCardAccountTransactionListRequest,
  processCardAccountBalancesResponse,
  processCardAccountDetailsResponse,
  processCardAccountListResponse,
  processCardAccountTransactionListResponse,
  readCardAccountDetailsRequest,
} from './accounts.js';

const auth = { accessToken: 'tok', consentId: 'consent-1' };
const scope = { connectionId: 'conn-1' };
const CARD_ID = '3d9a81b3-a47d-4130-8765-a9c0ff861b99';

const bgCard = {
  id: 'card:525412******3241:EUR',
  connectionId: 'conn-1',
  kind: 'card',
  resourceId: CARD_ID,
  maskedPan: '525412******3241',
  currency: 'EUR',
  name: 'Main',
  product: 'Basic Credit',
  balances: [
    { type: 'interimBooked', amount: { amount: '14355.78', currency: 'EUR' } },
    { type: 'nonInvoiced', amount: { amount: '4175.86', currency: 'EUR' } },
  ],
};

describe('card account requests', () => {
  it('address /psd29c/v1/card-accounts…', async () => {
    const rec = recordingContext();
    await getCardAccountListRequest(rec.ctx, auth, {}, { withBalance: true });
    await readCardAccountDetailsRequest(rec.ctx, auth, {}, { accountResourceId: CARD_ID });
    await getCardAccountBalancesRequest(rec.ctx, auth, {}, { accountResourceId: CARD_ID });
    await getCardAccountTransactionListRequest(rec.ctx, auth, {}, { accountResourceId: CARD_ID, bookingStatus: 'booked', dateFrom: '2017-10-01' });
    expect(rec.calls.map((r) => r.url.replace('https://api.cec.ro/cec/prod/psd29c/v1', ''))).toEqual([
      '/card-accounts?withBalance=true',
      `/card-accounts/${CARD_ID}`,
      `/card-accounts/${CARD_ID}/balances`,
      `/card-accounts/${CARD_ID}/transactions?bookingStatus=booked&dateFrom=2017-10-01`,
    ]);
  });

  it('follow a card report next href on the bank origin only', async () => {
    const rec = recordingContext();
    await getCardAccountTransactionListRequest(rec.ctx, auth, {}, { accountResourceId: CARD_ID, nextHref: `/v1/card-accounts/${CARD_ID}/transactions?pageToken=t.20` });
    expect(onlyCall(rec).url).toBe(`https://api.cec.ro/cec/prod/psd29c/v1/card-accounts/${CARD_ID}/transactions?pageToken=t.20`);
    await expect(getCardAccountTransactionListRequest(rec.ctx, auth, {}, { accountResourceId: CARD_ID, nextHref: 'https://evil.example/x' })).rejects.toThrow(ProtocolError);
  });
});

describe('processCardAccountListResponse', () => {
  it('maps the BG card list: kind card, masked PAN, balances', async () => {
    expect(await processCardAccountListResponse(answer(bgCardAccountList), scope)).toEqual({ accounts: [bgCard], skipped: [] });
  });

  it.each([
    ['405 SERVICE_INVALID', 405, '{"tppMessages":[{"category":"ERROR","code":"SERVICE_INVALID"}]}'],
    ['a bare 404', 404, ''],
  ])('reads %s, a bank without card accounts, as no cards', async (_name, status, body) => {
    expect(await processCardAccountListResponse(answer(body, status), scope)).toEqual({ accounts: [], skipped: [] });
  });

  it('still fails on other errors: 401 CONSENT_INVALID', async () => {
    const body = '{"tppMessages":[{"category":"ERROR","code":"CONSENT_INVALID"}]}';
    await expect(processCardAccountListResponse(answer(body, 401), scope)).rejects.toMatchObject({ code: 'CONSENT_INVALID' });
  });

  it('skips a card account without a currency, naming the field', async () => {
    const { accounts, skipped } = await processCardAccountListResponse(answer(bgCardAccountList.replace('"currency":"EUR",', '')), scope);
    expect(accounts).toEqual([]);
    expect(skipped).toEqual([{ list: 'cardAccounts', index: 0, reason: expect.stringMatching(/cardAccounts\[0\]: currency/) }]);
  });
});

describe('processCardAccountDetailsResponse', () => {
  it('reads the standard {cardAccount:{}} (BG example)', async () => {
    expect(await processCardAccountDetailsResponse(answer(bgCardAccountDetails), scope)).toEqual(bgCard);
  });

  it('tolerates the list wrapper with one card', async () => {
    expect(await processCardAccountDetailsResponse(answer(bgCardAccountList), scope)).toEqual(bgCard);
  });

  it('reads debitAccounting "true" as true and refuses one that is neither true nor false', async () => {
    expect(await processCardAccountDetailsResponse(answer(bgCardAccountDetails.replace('"debitAccounting":true', '"debitAccounting":"true"')), scope)).toEqual(bgCard);
    const text = bgCardAccountDetails.replace('"debitAccounting":true', '"debitAccounting":"ja"');
    await expect(processCardAccountDetailsResponse(answer(text), scope)).rejects.toThrow(/debitAccounting/);
  });
});

describe('processCardAccountBalancesResponse', () => {
  it('reads the BG card balances', async () => {
    expect(await processCardAccountBalancesResponse(answer(bgCardBalances))).toEqual(bgCard.balances);
  });
});

describe('processCardAccountTransactionListResponse', () => {
  it('maps cardTransactionId, the transaction date and the merchant text', async () => {
    expect(await processCardAccountTransactionListResponse(answer(bgCardTransactions), { accountId: 'card-1' })).toEqual({
      transactions: [
        {
          id: '201710250001',
          accountId: 'card-1',
          status: 'booked',
          bookingDate: '2017-10-25',
          valueDate: '2017-10-24',
          amount: { amount: '-12.5', currency: 'EUR' },
          remittance: 'Cafe Berlin',
        },
        { id: '201710260002', accountId: 'card-1', status: 'pending', valueDate: '2017-10-26', amount: { amount: '-4.1', currency: 'EUR' }, remittance: 'Kiosk' },
      ],
      skipped: [],
    });
  });

  it('gives a card transaction without cardTransactionId its content fingerprint', async () => {
    const text = bgCardTransactions.replace('"cardTransactionId":"201710260002",', '');
    const report = await processCardAccountTransactionListResponse(answer(text), { accountId: 'c' });
    expect(report.transactions.map((t) => t.id)).toEqual(['201710250001', expect.stringMatching(/^fp:[0-9a-f]{32}:0$/)]);
  });

  it('refuses a report with neither cardTransactions nor transactions', async () => {
    await expect(processCardAccountTransactionListResponse(answer('{"cardAccount":{}}'), { accountId: 'c' })).rejects.toThrow(/cardTransactions/);
  });
});
