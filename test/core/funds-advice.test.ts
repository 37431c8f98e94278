import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type FundsAdvice, type Result } from '../../common/index.js';
import { createHandlers } from '../../core/app-handlers.js';
import { toAppError } from '../../core/errors.js';
import { psuAccounts, type PsuAccount } from '../helpers/bank.js';
import { call } from '../helpers/http.js';
import { coreWorld, psuPort, type CoreWorldForTest } from '../helpers/core-world.js';

const PSU_IP = '192.0.2.10';

const ibanOf = (accounts: PsuAccount[], kind: string, currency: string): string => {
  const found = accounts.find((a) => a.kind === kind && a.currency === currency);
  if (found === undefined) throw new Error(`no ${kind} ${currency} account`);
  return found.iban;
};

/** The funds check of the review screen, through the contract, against the sandbox bank. */
describe('payments:check-funds', () => {
  let w: CoreWorldForTest;
  let demo: PsuAccount[];
  let ron: string;
  let savings: string;
  let consentId: string;
  let check: (input: unknown) => Promise<Result<FundsAdvice>>;

  beforeAll(async () => {
    w = await coreWorld();
    const handlers = createHandlers(w.core, { authorizationPort: () => psuPort({ decision: 'allow' }), psuIpAddress: PSU_IP, syncAfterConnect: false, emit: () => {} });
    check = (input) => dispatch(handlers, 'payments:check-funds', input, toAppError) as Promise<Result<FundsAdvice>>;
    demo = await psuAccounts({ url: w.bankUrl, origin: w.bankOrigin, close: async () => {} }, 'demo');
    ron = ibanOf(demo, 'current', 'RON');
    savings = ibanOf(demo, 'savings', 'RON');
    const all = demo.map((a) => a.iban);
    // Every account and its transactions, the balances of all but the savings account.
    const port = psuPort({ user: 'demo', decision: 'allow', ticks: { accounts: all, balances: all.filter((i) => i !== savings), transactions: all } });
    consentId = (await w.core.connections.connect({ profileId: 'sandbox', label: 'demo', port, psuIpAddress: PSU_IP })).consentId;
  });
  afterAll(async () => { await w?.close(); });

  it('answers available for an amount the account holds, by IBAN (as typed) and by the store\'s account id', async () => {
    const byIban = await check({ debtorIban: ron.replace(/(.{4})/g, '$1 ').toLowerCase(), amount: '3.50', currency: 'RON' });
    expect(byIban).toEqual({ ok: true, value: { kind: 'available', accountId: expect.any(String), connectionId: expect.any(String) } });
    const accountId = byIban.ok ? (byIban.value as { accountId: string }).accountId : '';
    expect(await check({ debtorAccountId: accountId, amount: '3.5', currency: 'RON' })).toMatchObject({ ok: true, value: { kind: 'available', accountId } });
  });

  it('answers insufficient for more than the account holds', async () => {
    expect(await check({ debtorIban: ron, amount: '99999999999.99', currency: 'RON' })).toMatchObject({ ok: true, value: { kind: 'insufficient' } });
  });

  it('answers unknown without asking the bank, as codes without words: no-consent for an account whose balances the consent does not cover, no-connection for one no connection has', async () => {
    const before = w.bankRequests();
    expect(await check({ debtorIban: savings, amount: '1', currency: 'RON' })).toEqual({ ok: true, value: { kind: 'unknown', reason: 'no-consent' } });
    expect(await check({ debtorIban: 'DE02100100109307118603', amount: '1', currency: 'RON' })).toEqual({ ok: true, value: { kind: 'unknown', reason: 'no-connection' } });
    expect(w.bankRequests()).toBe(before);
  });

  it('answers unknown (currency-mismatch) for an amount in another currency than the account\'s', async () => {
    expect(await check({ debtorIban: ron, amount: '1', currency: 'EUR' })).toEqual({
      ok: true, value: { kind: 'unknown', reason: 'currency-mismatch', accountCurrency: 'RON', accountId: expect.any(String) },
    });
  });

  it('refuses an amount of zero or with too many decimals as the form\'s mistake, before asking the bank', async () => {
    const before = w.bankRequests();
    expect(await check({ debtorIban: ron, amount: '0', currency: 'RON' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    expect(await check({ debtorIban: ron, amount: '1.005', currency: 'RON' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    expect(await check({ debtorIban: ron, amount: '-1', currency: 'RON' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await check({ amount: '1', currency: 'RON' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await check({ debtorIban: ron, debtorAccountId: 'x', amount: '1', currency: 'RON' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(w.bankRequests()).toBe(before);
  });

  it('answers unknown (check-failed) with the bank\'s error when the PSU revoked the consent at the bank, then no-consent', async () => {
    const revoked = await call(`${w.bankOrigin}/sandbox/consents/${consentId}/revoke`, { method: 'POST' });
    expect(revoked.status).toBe(204);
    const failed = await check({ debtorIban: ron, amount: '3.50', currency: 'RON' });
    expect(failed).toMatchObject({ ok: true, value: { kind: 'unknown', reason: 'check-failed', error: { code: expect.any(String) } } });
    // The failed read made core learn the consent's status: it no longer covers anything.
    expect(await check({ debtorIban: ron, amount: '3.50', currency: 'RON' })).toEqual({ ok: true, value: { kind: 'unknown', reason: 'no-consent' } });
  });
});
