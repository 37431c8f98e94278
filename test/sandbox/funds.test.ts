import { beforeAll, describe, expect, it } from 'vitest';
import { connectAis, psuAccounts, testClock, type PsuAccount } from '../helpers/bank.js';
import { useEnrolledBank } from '../helpers/enrolled-bank.js';
import { call, psd2Headers, tppCode } from '../helpers/http.js';
import { aisReader, decimal, pay } from '../helpers/payments.js';
import { bgForeignIban, guideFundsBody, guideSinglePayment, hugeAmount } from '../fixtures/payments.js';

const TOKEN_TTL = 3595;

describe('checkAvailabilityOfFunds: POST /psd29p/v1/funds-confirmations', () => {
  const clock = testClock(new Date());
  let demo: PsuAccount[];
  let ron: string;
  let eur: string;

  const funds = (token: string | undefined, body: unknown, headers: Record<string, string> = {}) =>
    call(`${env.bank.url}/psd29p/v1/funds-confirmations`, {
      method: 'POST',
      headers: psd2Headers(env.creds.clientId, {
        'Content-Type': 'application/json',
        Authorization: token === undefined ? undefined : `Bearer ${token}`,
        ...headers,
      }),
      body: JSON.stringify(body),
    });

  const env = useEnrolledBank({ now: clock.now, tokenTtl: TOKEN_TTL });
  beforeAll(async () => {
    demo = await psuAccounts(env.bank, 'demo');
    ron = demo.find((a) => a.kind === 'current' && a.currency === 'RON')?.iban as string;
    eur = demo.find((a) => a.kind === 'current' && a.currency === 'EUR')?.iban as string;
  });

  it('answers {"fundsAvailable":true} for a small amount, with the guide\'s body (cardNumber, account.iban, instructedAmount)', async () => {
    const { accessToken } = await connectAis(env.bank, env.creds);
    const res = await funds(accessToken, guideFundsBody(ron, '3.50'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ fundsAvailable: true });
  });

  it('answers {"fundsAvailable":false} for an amount far beyond the balance', async () => {
    const { accessToken } = await connectAis(env.bank, env.creds);
    const res = await funds(accessToken, guideFundsBody(ron, hugeAmount));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ fundsAvailable: false });
  });

  it('agrees with the account\'s interimAvailable balance to the last ban', async () => {
    const conn = await connectAis(env.bank, env.creds);
    const available = await aisReader(env.bank, env.creds, conn).available(ron);
    expect((await funds(conn.accessToken, guideFundsBody(ron, decimal(available)))).body).toEqual({ fundsAvailable: true });
    expect((await funds(conn.accessToken, guideFundsBody(ron, decimal(available + 1)))).body).toEqual({ fundsAvailable: false });
  });

  it('accepts the body without the optional cardNumber', async () => {
    const { accessToken } = await connectAis(env.bank, env.creds);
    const res = await funds(accessToken, { account: { iban: ron }, instructedAmount: { currency: 'RON', amount: '3.50' } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ fundsAvailable: true });
  });

  it('rejects a call without a bearer token with 401 TOKEN_INVALID', async () => {
    const res = await funds(undefined, guideFundsBody(ron, '3.50'));
    expect(res.status).toBe(401);
    expect(tppCode(res)).toBe('TOKEN_INVALID');
  });

  it('rejects a PIS token with 401 TOKEN_INVALID', async () => {
    const { token } = await pay(env.bank, env.creds, guideSinglePayment, { debtorIban: ron });
    const res = await funds(token, guideFundsBody(ron, '3.50'));
    expect(res.status).toBe(401);
    expect(tppCode(res)).toBe('TOKEN_INVALID');
  });

  it('rejects an expired AIS token with 401 TOKEN_EXPIRED', async () => {
    const { accessToken } = await connectAis(env.bank, env.creds);
    expect((await funds(accessToken, guideFundsBody(ron, '3.50'))).status).toBe(200);
    clock.advance(TOKEN_TTL * 1000);
    const res = await funds(accessToken, guideFundsBody(ron, '3.50'));
    expect(res.status).toBe(401);
    expect(tppCode(res)).toBe('TOKEN_EXPIRED');
  });

  it('rejects with 403 CONSENT_INVALID when the consent ticks the account but not its balances', async () => {
    const { accessToken } = await connectAis(env.bank, env.creds, { ticks: { accounts: [ron], transactions: [ron] } });
    const res = await funds(accessToken, guideFundsBody(ron, '3.50'));
    expect(res.status).toBe(403);
    expect(tppCode(res)).toBe('CONSENT_INVALID');
  });

  it('rejects with 403 RESOURCE_UNKNOWN an account of the PSU outside the consent', async () => {
    const { accessToken } = await connectAis(env.bank, env.creds, { ticks: { accounts: [eur], balances: [eur] } });
    const res = await funds(accessToken, guideFundsBody(ron, '3.50'));
    expect(res.status).toBe(403);
    expect(tppCode(res)).toBe('RESOURCE_UNKNOWN');
  });

  it('rejects with 403 RESOURCE_UNKNOWN another PSU\'s account and an account of another bank', async () => {
    const { accessToken } = await connectAis(env.bank, env.creds);
    const demo2Ron = (await psuAccounts(env.bank, 'demo2')).find((a) => a.kind === 'current' && a.currency === 'RON')?.iban as string;
    for (const iban of [demo2Ron, bgForeignIban]) {
      const res = await funds(accessToken, guideFundsBody(iban, '3.50', iban === bgForeignIban ? 'EUR' : 'RON'));
      expect(res.status).toBe(403);
      expect(tppCode(res)).toBe('RESOURCE_UNKNOWN');
    }
  });

  it('rejects with 401 CONSENT_INVALID once the PSU has revoked the consent', async () => {
    const conn = await connectAis(env.bank, env.creds);
    const revoked = await call(`${env.bank.origin}/sandbox/consents/${conn.consentId}/revoke`, { method: 'POST' });
    expect(revoked.status).toBe(204);
    const res = await funds(conn.accessToken, guideFundsBody(ron, '3.50'));
    expect(res.status).toBe(401);
    expect(tppCode(res)).toBe('CONSENT_INVALID');
  });

  const malformed: [string, (iban: string) => unknown][] = [
    ['an amount with 3 decimals', (iban) => guideFundsBody(iban, '1.005')],
    ['an amount that is not a number', (iban) => guideFundsBody(iban, 'abc')],
    ['a negative amount', (iban) => guideFundsBody(iban, '-3.50')],
    ['a zero amount', (iban) => guideFundsBody(iban, '0.00')],
    ['a body without account', () => ({ instructedAmount: { currency: 'RON', amount: '3.50' } })],
    ['a currency other than the account\'s', (iban) => guideFundsBody(iban, '3.50', 'EUR')],
  ];
  it.each(malformed)('rejects %s with 400 FORMAT_ERROR', async (_what, body) => {
    const { accessToken } = await connectAis(env.bank, env.creds);
    const res = await funds(accessToken, body(ron));
    expect(res.status).toBe(400);
    expect(tppCode(res)).toBe('FORMAT_ERROR');
  });
});
