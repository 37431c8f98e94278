/**
 * The client's ConsentC, AccountsC and funds pairs against the sandbox bank over real HTTP:
 * enrolment, consent and token come from the test helpers; every read goes through the
 * request/process functions under test.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankFor, connectAis, enrol, REDIRECT, testClock, type TestBank } from '../../test/helpers/bank.js';
import { demoCertificatePem } from '../../test/helpers/certificates.js';
import { BankError } from '../errors.js';
import { cecProfile } from '../profiles/bank-profile.js';
import type { AccountWithBalances, Transaction } from '../../common/index.js';
import {
  getAccountListRequest,
  getBalancesRequest,
  getCardAccountBalancesRequest,
  getCardAccountListRequest,
  getCardAccountTransactionListRequest,
  getTransactionDetailsRequest,
  getTransactionListRequest,
  processAccountDetailsResponse,
  processAccountListResponse,
  processBalancesResponse,
  processCardAccountBalancesResponse,
  processCardAccountListResponse,
  processCardAccountTransactionListResponse,
  processTransactionDetailsResponse,
  processTransactionListResponse,
  readAccountDetailsRequest,
  type TransactionListQuery,
  type TransactionListRequest,
  type TransactionReport,
} from './accounts.js';
import {
  createConsentRequest,
  deleteConsentRequest,
  getConsentRequest,
  getConsentStatusRequest,
  processConsentResponse,
  processConsentStatusResponse,
  processCreateConsentResponse,
  processDeleteConsentResponse,
} from './consents.js';
import { checkAvailabilityOfFundsRequest, processFundsConfirmationResponse } from './funds.js';
import { toHeaderCertificate, type AisAuth, type Psd2Context } from './psd2-context.js';

/** A winter day after the demo certificate's notBefore; both banks share it, so their data match. */
const START = new Date('2027-01-14T10:00:00Z');
/** Before the demo history's first booking (about 26 months back). */
const SINCE = '2024-06-01';
/** The PSU is present: reads are not unattended accesses and never hit the daily limit. */
const PRESENT = { psuIpAddress: '192.0.2.10' };

interface Connected {
  bank: TestBank;
  ctx: Psd2Context;
  auth: AisAuth;
}

async function connect(options: { pageSize?: number }): Promise<Connected> {
  const bank = await bankFor({ now: testClock(START).now, ...options });
  const creds = await enrol(bank);
  const { consentId, accessToken } = await connectAis(bank, creds);
  const ctx: Psd2Context = {
    fetch: globalThis.fetch,
    baseUrl: bank.url,
    profile: cecProfile,
    clientId: creds.clientId,
    certificate: toHeaderCertificate(demoCertificatePem),
    newRequestId: randomUUID,
  };
  return { bank, ctx, auth: { consentId, accessToken } };
}

/** Every page of a report, following `next` to the end. */
async function readReport(
  c: Connected,
  read: (req: TransactionListRequest) => Promise<TransactionReport>,
  query: TransactionListQuery,
): Promise<{ transactions: Transaction[]; pages: number[] }> {
  let page = await read(query);
  expect(page.skipped).toEqual([]);
  const transactions = [...page.transactions];
  const pages = [page.transactions.length];
  while (page.next !== undefined) {
    page = await read({ accountResourceId: query.accountResourceId, nextHref: page.next });
    expect(page.skipped).toEqual([]);
    transactions.push(...page.transactions);
    pages.push(page.transactions.length);
  }
  return { transactions, pages };
}

const accountReport = (c: Connected, accountId: string) => async (req: TransactionListRequest) =>
  processTransactionListResponse(await getTransactionListRequest(c.ctx, c.auth, PRESENT, req), { accountId });

describe('AIS against the sandbox bank (pageSize 20)', () => {
  let paged: Connected;
  let unpaged: Connected;
  let accounts: AccountWithBalances[];
  let ron: AccountWithBalances;
  const scope = { connectionId: 'conn-1' };

  beforeAll(async () => {
    [paged, unpaged] = await Promise.all([connect({ pageSize: 20 }), connect({})]);
    const list = await processAccountListResponse(await getAccountListRequest(paged.ctx, paged.auth, PRESENT, { withBalance: true }), scope);
    expect(list.skipped).toEqual([]);
    accounts = list.accounts;
    const found = accounts.find((a) => a.currency === 'RON' && a.cashAccountType === 'CurrentAccount');
    if (found === undefined) throw new Error('no RON current account');
    ron = found;
  });
  afterAll(async () => Promise.all([paged?.bank.close(), unpaged?.bank.close()]));

  it('lists the accounts with their balances, amounts as exact text', () => {
    expect(accounts.length).toBeGreaterThanOrEqual(3);
    for (const a of accounts) {
      expect(a).toMatchObject({ kind: 'account', connectionId: 'conn-1', id: `${a.iban}:${a.currency}` });
      expect(a.balances.length).toBeGreaterThan(0);
      for (const b of a.balances) expect(b.amount.amount).toMatch(/^-?\d+(\.\d{1,2})?$/);
    }
  });

  it('reads one account in the list wrapper, equal to its list entry', async () => {
    const res = await readAccountDetailsRequest(paged.ctx, paged.auth, PRESENT, { accountResourceId: ron.resourceId, withBalance: true });
    expect(await processAccountDetailsResponse(res, scope, cecProfile.quirks)).toEqual(ron);
  });

  it('reads the balances (string amounts), whose closingBooked equals the list (number amounts)', async () => {
    const balances = await processBalancesResponse(await getBalancesRequest(paged.ctx, paged.auth, PRESENT, { accountResourceId: ron.resourceId }));
    expect(balances.find((b) => b.type === 'closingBooked')?.amount).toEqual(ron.balances.find((b) => b.type === 'closingBooked')?.amount);
  });

  it('follows next to the end: the pages hold what one unpaged report holds', async () => {
    const query: TransactionListQuery = { accountResourceId: ron.resourceId, bookingStatus: 'both', dateFrom: SINCE };
    const pagedReport = await readReport(paged, accountReport(paged, ron.id), query);
    expect(pagedReport.pages.length).toBeGreaterThan(1);
    for (const n of pagedReport.pages) expect(n).toBeLessThanOrEqual(20);

    const twin = (await processAccountListResponse(await getAccountListRequest(unpaged.ctx, unpaged.auth, PRESENT), scope)).accounts.find((a) => a.id === ron.id);
    if (twin === undefined) throw new Error('the unpaged bank has no such account');
    const whole = await readReport(unpaged, accountReport(unpaged, ron.id), { ...query, accountResourceId: twin.resourceId });
    expect(whole.pages).toHaveLength(1);
    expect(pagedReport.transactions).toHaveLength(whole.transactions.length);
    const key = (t: Transaction) => `${t.status}|${t.id}|${t.amount.amount}`;
    expect(pagedReport.transactions.map(key).sort()).toEqual(whole.transactions.map(key).sort());
    expect(whole.transactions.some((t) => t.status === 'pending')).toBe(true);
  });

  it('reads one transaction, equal to its report entry', async () => {
    const [first] = (await readReport(paged, accountReport(paged, ron.id), { accountResourceId: ron.resourceId, bookingStatus: 'booked', dateFrom: SINCE })).transactions;
    if (first === undefined) throw new Error('no booked transaction');
    const res = await getTransactionDetailsRequest(paged.ctx, paged.auth, PRESENT, { accountResourceId: ron.resourceId, transactionId: first.id });
    expect(await processTransactionDetailsResponse(res, { accountId: ron.id })).toEqual(first);
  });

  it('reads card accounts, their balances and transactions', async () => {
    const { accounts: [card] } = await processCardAccountListResponse(await getCardAccountListRequest(paged.ctx, paged.auth, PRESENT, { withBalance: true }), scope);
    if (card === undefined) throw new Error('no card account');
    expect(card).toMatchObject({ kind: 'card', id: `card:${card.maskedPan}:${card.currency}` });
    expect(card.maskedPan).toMatch(/\*/);
    const balances = await processCardAccountBalancesResponse(await getCardAccountBalancesRequest(paged.ctx, paged.auth, PRESENT, { accountResourceId: card.resourceId }));
    expect(balances.map((b) => b.type)).toContain('closingBooked');
    const read = async (req: TransactionListRequest) =>
      processCardAccountTransactionListResponse(await getCardAccountTransactionListRequest(paged.ctx, paged.auth, PRESENT, req), { accountId: card.id });
    const report = await readReport(paged, read, { accountResourceId: card.resourceId, bookingStatus: 'booked', dateFrom: SINCE });
    expect(report.transactions.length).toBeGreaterThan(0);
    for (const t of report.transactions) expect(t).toMatchObject({ accountId: card.id, status: 'booked' });
  });

  it('confirms funds for a small amount and denies a huge one', async () => {
    const check = async (amount: string) =>
      processFundsConfirmationResponse(await checkAvailabilityOfFundsRequest(paged.ctx, paged.auth, { iban: ron.iban ?? '', amount: { amount, currency: 'RON' } }));
    expect(await check('0.01')).toBe(true);
    expect(await check('9999999999.99')).toBe(false);
  });

  it('answers a wrong Consent-ID with BankError CONSENT_INVALID', async () => {
    const res = await getAccountListRequest(paged.ctx, { ...paged.auth, consentId: 'not-this-consent' }, PRESENT);
    const error = await processAccountListResponse(res, scope).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BankError);
    expect(error).toMatchObject({ status: 401, code: 'CONSENT_INVALID' });
  });

  it('reads the consent: valid, with the ticked accounts', async () => {
    const info = await processConsentResponse(await getConsentRequest(paged.ctx, paged.auth.consentId, paged.auth));
    expect(info.consentStatus).toBe('valid');
    expect(info.access.accounts.map((a) => a.iban)).toEqual(expect.arrayContaining(accounts.map((a) => a.iban)));
    expect(info.validUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('creates a consent (empty body, Location header), polls it without a token and deletes it', async () => {
    const created = await processCreateConsentResponse(await createConsentRequest(paged.ctx, { redirectUri: REDIRECT }));
    expect(created.consentStatus).toBe('received');
    expect(new URL(created.location ?? '').searchParams.get('scope')).toBe(`AIS:${created.consentId}`);
    expect(created.scaOAuthHref).toMatch(/\/oauth\/\.well-known\/oauthauthorization-server$/);
    expect(await processConsentStatusResponse(await getConsentStatusRequest(paged.ctx, created.consentId))).toBe('received');
    await processDeleteConsentResponse(await deleteConsentRequest(paged.ctx, created.consentId));
    expect(await processConsentStatusResponse(await getConsentStatusRequest(paged.ctx, created.consentId))).toBe('terminatedByTpp');
  });
});
