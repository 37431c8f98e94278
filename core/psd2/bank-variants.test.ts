/**
 * The client reads answers of Berlin Group banks other than CEC: liberal where the meaning is
 * unambiguous, item by item where something cannot be read, strict where a value would be a guess.
 */
import { describe, expect, it } from 'vitest';
import {
  accountListOneUnreadable,
  accountListWithNulls,
  BG_ACCOUNT_ID,
  BG_CARD_ID,
  BG_IBAN,
  BG_MASKED_PAN,
  BG_NUMERIC_ACCOUNT_ID,
  BG_USD_IBAN,
  cardAccountListBg,
  cardAccountListPlain,
  cardTransactionsPlain,
  consentInformationLoose,
  consentInformationUnknownStatus,
  PLAIN_CARD_ID,
  PLAIN_CARD_IBAN,
  transactionsExactAmounts,
  transactionsSomeUnreadable,
  transactionsWithNulls,
  transactionsWithoutIds,
} from '../../test/fixtures/berlin-group-answers.js';
import { answer } from '../../test/helpers/psd2-fakes.js';
import { ProtocolError } from '../errors.js';
import { addMoney } from '../money/money.js';
import {
  processAccountListResponse,
  processCardAccountListResponse,
  processCardAccountTransactionListResponse,
  processTransactionListResponse,
} from './accounts.js';
import { processConsentResponse } from './consents.js';

const scope = { connectionId: 'conn-1' };
const account = { accountId: 'acc-1' };

describe('null is absent', () => {
  it('reads an account list whose optional fields are null', async () => {
    const { accounts, skipped } = await processAccountListResponse(answer(accountListWithNulls), scope);
    expect(skipped).toEqual([]);
    expect(accounts.map((a) => [a.resourceId, a.name, a.product, a.balances.length])).toEqual([
      [BG_ACCOUNT_ID, 'Main Account', undefined, 2],
      [BG_NUMERIC_ACCOUNT_ID, undefined, 'Fremdwährungskonto', 0],
    ]);
    expect(accounts[1]).not.toHaveProperty('name');
  });

  it('reads a report whose parties, remittance, pending and balances are null', async () => {
    const report = await processTransactionListResponse(answer(transactionsWithNulls), account);
    expect(report.skipped).toEqual([]);
    expect(report).not.toHaveProperty('balances');
    expect(report.transactions.map((t) => [t.id, t.counterpartyName, t.counterpartyIban, t.remittance, t.valueDate])).toEqual([
      ['98765432109876543210', undefined, undefined, undefined, '2017-10-26'],
      ['1234568', 'Paul Simpson', 'NL76RABO0359400371', 'Example 2', undefined],
    ]);
  });
});

describe('ids that come as JSON numbers', () => {
  it('become strings with every digit, 20 of them included', async () => {
    const { accounts } = await processAccountListResponse(answer(accountListWithNulls), scope);
    expect(accounts[1]?.resourceId).toBe('12345678901234567890');
    const report = await processTransactionListResponse(answer(transactionsWithNulls), account);
    expect(report.transactions[0]?.id).toBe('98765432109876543210');
    expect(report.transactions[1]).toMatchObject({ id: '1234568', entryReference: '1234568' });
  });
});

describe('amounts in any JSON number form', () => {
  it('are read exactly, never through a float', async () => {
    const { accounts } = await processAccountListResponse(answer(accountListWithNulls), scope);
    expect(accounts[0]?.balances.map((b) => b.amount.amount)).toEqual(['3320', '99999999999999.99']);
    const report = await processTransactionListResponse(answer(transactionsExactAmounts), account);
    expect(report.skipped).toEqual([]);
    expect(report.transactions.map((t) => t.amount.amount)).toEqual(['3320', '-0.25', '99999999999999.99', '9007199254740993', '0.1', '0.2', '-0.3']);
  });

  it('sum exactly: 0.1 + 0.2 - 0.3 is 0', async () => {
    const report = await processTransactionListResponse(answer(transactionsExactAmounts), account);
    const day = report.transactions.filter((t) => t.bookingDate === '2017-10-26').map((t) => t.amount);
    expect(day.reduce(addMoney)).toEqual({ amount: '0', currency: 'EUR' });
  });
});

describe('loosely typed consent fields', () => {
  it('read "true", "4" and a date-time lastActionDate as what they unambiguously say', async () => {
    const info = await processConsentResponse(answer(consentInformationLoose));
    expect(info).toMatchObject({ consentStatus: 'valid', recurringIndicator: true, frequencyPerDay: 4, lastActionDate: '2017-10-25', validUntil: '2017-11-01' });
  });

  it('refuse an unknown consent status with a ProtocolError naming the field', async () => {
    const error = await processConsentResponse(answer(consentInformationUnknownStatus)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as Error).message).toMatch(/^getConsentInformation: consentStatus /);
  });
});

describe('card accounts in both shapes', () => {
  it('reads the Berlin Group shape, identified by masked PAN', async () => {
    const { accounts, skipped } = await processCardAccountListResponse(answer(cardAccountListBg), scope);
    expect(skipped).toEqual([]);
    expect(accounts).toMatchObject([{ id: `card:${BG_MASKED_PAN}:EUR`, kind: 'card', resourceId: BG_CARD_ID, maskedPan: BG_MASKED_PAN }]);
  });

  it('reads the plain-account shape, identified by IBAN, and skips only the card without a currency', async () => {
    const { accounts, skipped } = await processCardAccountListResponse(answer(cardAccountListPlain), scope);
    expect(accounts).toEqual([{
      id: `card:${PLAIN_CARD_IBAN}:EUR`, connectionId: 'conn-1', kind: 'card', resourceId: PLAIN_CARD_ID, iban: PLAIN_CARD_IBAN, currency: 'EUR',
      name: 'Visa Classic', product: 'Credit card', balances: [{ type: 'interimAvailable', amount: { amount: '1200.5', currency: 'EUR' } }],
    }]);
    expect(skipped).toEqual([{ list: 'cardAccounts', index: 1, reason: expect.stringMatching(/^cardAccounts\[1\]: currency /) }]);
  });

  it('reads a card report sent as transactions rather than cardTransactions', async () => {
    const report = await processCardAccountTransactionListResponse(answer(cardTransactionsPlain), { accountId: 'card-1' });
    expect(report.skipped).toEqual([]);
    expect(report.transactions).toEqual([
      { id: 'card-tx-1', accountId: 'card-1', status: 'booked', bookingDate: '2017-10-25', valueDate: '2017-10-26', amount: { amount: '-12.5', currency: 'EUR' }, counterpartyName: 'Cafe Berlin' },
      { id: expect.stringMatching(/^fp:/), accountId: 'card-1', status: 'pending', valueDate: '2017-10-26', amount: { amount: '-4.1', currency: 'EUR' }, counterpartyName: 'Kiosk' },
    ]);
  });
});

describe('transactions without a bank id', () => {
  it('get content fingerprints, and identical twins both stay', async () => {
    const report = await processTransactionListResponse(answer(transactionsWithoutIds), account);
    const ids = report.transactions.map((t) => t.id);
    expect(report.skipped).toEqual([]);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    const [twin0, twin1, otherDay, bare] = ids as [string, string, string, string];
    expect(twin0).toMatch(/^fp:[0-9a-f]{32}:0$/);
    expect(twin1).toBe(twin0.replace(/:0$/, ':1'));
    expect(otherDay).toMatch(/:0$/);
    expect(bare).toMatch(/^fp:[0-9a-f]{32}:0$/);
  });

  it('get the same fingerprints when the same report is read again', async () => {
    const ids = async () => (await processTransactionListResponse(answer(transactionsWithoutIds), account)).transactions.map((t) => t.id);
    expect(await ids()).toEqual(await ids());
  });
});

describe('per-item validation', () => {
  it('skips the unreadable transactions of a page, with list, position and the field, and keeps the rest', async () => {
    const report = await processTransactionListResponse(answer(transactionsSomeUnreadable), account);
    expect(report.transactions.map((t) => `${t.status}:${t.id}`)).toEqual(['booked:1234567', 'pending:1234569']);
    expect(report.skipped).toEqual([
      { list: 'booked', index: 1, reason: 'booked[1]: transactionAmount.currency must be an ISO 4217 currency code' },
      { list: 'booked', index: 2, reason: 'booked[2]: transactionAmount.amount is not a decimal amount: "12,50"' },
      { list: 'pending', index: 0, reason: expect.stringMatching(/^pending\[0\]: answer /) },
    ]);
  });

  it('skips the account without a currency, and lists the others', async () => {
    const { accounts, skipped } = await processAccountListResponse(answer(accountListOneUnreadable), scope);
    expect(accounts.map((a) => a.iban)).toEqual([BG_IBAN, BG_USD_IBAN]);
    expect(skipped).toEqual([{ list: 'accounts', index: 1, reason: expect.stringMatching(/^accounts\[1\]: currency /) }]);
  });
});
