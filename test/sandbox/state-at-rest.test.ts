/**
 * What the sandbox bank leaves on disk with `dataDir`: its data survives a restart, its secrets
 * do not sit in the file (only their hashes), and the folder and file are the owner's alone.
 */
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { authorizeByForms, authorizeUrl, bankFor, createConsent, enrol, exchangeCode, psuAccounts, type TestBank } from '../helpers/bank.js';
import { call, psd2Headers } from '../helpers/http.js';
import { pay, statusOf, SINGLE } from '../helpers/payments.js';
import { guideSinglePayment } from '../fixtures/payments.js';

let dir: string;
const started: TestBank[] = [];
const bank = async (): Promise<TestBank> => {
  const b = await bankFor({ dataDir: dir });
  started.push(b);
  return b;
};
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sandbox-at-rest-'));
});
afterEach(async () => {
  await Promise.all(started.splice(0).map((b) => b.close()));
  await rm(dir, { recursive: true, force: true });
});

const tokenForm = (clientId: string, fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
  body: new URLSearchParams({ client_id: clientId, ...fields }),
});

/** Everything the bank handed out once: enrolment, an authorisation, a token pair, a payment. */
async function issueEverything(b: TestBank) {
  const creds = await enrol(b);
  const mail = await call<{ messages: { link: string }[] }>(`${b.origin}/sandbox/mailbox`);
  const activationToken = new URL(mail.body.messages[0]?.link as string).searchParams.get('token') as string;
  const { consentId, location } = await createConsent(b, creds);
  const all = (await psuAccounts(b, 'demo')).map((a) => a.iban);
  const back = await authorizeByForms(b, authorizeUrl(location), { decision: 'allow', ticks: { accounts: all, balances: all, transactions: all } });
  const code = back.searchParams.get('code') as string;
  const token = await exchangeCode(b, creds, code, `AIS:${consentId}`);
  expect(token.status).toBe(200);
  const ron = (await psuAccounts(b, 'demo')).find((a) => a.kind === 'current' && a.currency === 'RON')?.iban as string;
  const payment = await pay(b, creds, guideSinglePayment, { debtorIban: ron });
  return {
    creds,
    consentId,
    payment,
    secrets: {
      clientSecret: creds.clientSecret,
      activationToken,
      code,
      accessToken: token.body['access_token'] as string,
      refreshToken: token.body['refresh_token'] as string,
      paymentToken: payment.token,
    },
  };
}

describe('the state file of --data-dir', () => {
  it('holds none of the secrets the bank issued: client secret, activation token, code, tokens', async () => {
    const first = await bank();
    const { secrets } = await issueEverything(first);
    await first.close();

    const files = await readdir(dir);
    expect(files).toEqual(['sandbox-bank.json']);
    const text = await readFile(join(dir, 'sandbox-bank.json'), 'utf8');
    for (const [name, value] of Object.entries(secrets)) {
      expect(value.length, name).toBeGreaterThan(15);
      expect(text.includes(value), `${name} is in the state file`).toBe(false);
    }
  });

  it('still honours a refresh token and the client secret issued before a restart, and keeps consents and payments', async () => {
    const first = await bank();
    const { creds, consentId, payment, secrets } = await issueEverything(first);
    await first.close();

    const second = await bank();
    const refreshed = await call<Record<string, unknown>>(
      `${second.url}/oauthcec/oauth2/token`,
      tokenForm(creds.clientId, { grant_type: 'refresh_token', refresh_token: secrets.refreshToken, client_secret: secrets.clientSecret }),
    );
    expect(refreshed.status, refreshed.text).toBe(200);
    expect(refreshed.body['refresh_token']).toBe(secrets.refreshToken);

    const accounts = await call<{ accounts: unknown[] }>(`${second.url}/psd29c/v1/accounts`, {
      headers: psd2Headers(creds.clientId, { Authorization: `Bearer ${String(refreshed.body['access_token'])}`, 'Consent-ID': consentId }),
    });
    expect(accounts.status, accounts.text).toBe(200);
    expect(accounts.body.accounts.length).toBeGreaterThan(0);
    expect(await statusOf(second, creds, `${SINGLE}/${payment.id}`, payment.token)).toMatch(/^(ACCP|ACSC|ACSP)$/);

    const wrongSecret = await call(
      `${second.url}/oauthcec/oauth2/token`,
      tokenForm(creds.clientId, { grant_type: 'refresh_token', refresh_token: secrets.refreshToken, client_secret: `${secrets.clientSecret}x` }),
    );
    expect(wrongSecret.status).toBe(401);
  });

  it('reads a version-1 file with secrets in clear, keeps them working and rewrites the file without them', async () => {
    const first = await bank();
    const { creds } = await issueEverything(first);
    await first.close();
    // A file as version 1 wrote it: every secret in clear, and the mailbox.
    const file = join(dir, 'sandbox-bank.json');
    const v2 = JSON.parse(await readFile(file, 'utf8')) as Record<string, any>;
    const secret = 'v1-client-secret-in-clear-0123456789';
    const refresh = 'v1-refresh-token-in-clear-0123456789';
    const v1 = {
      ...v2,
      version: 1,
      mailbox: [{ id: 'm1', to: 'x@example.ro', subject: 's', text: 'activate-in-clear-0123456789', link: 'http://x/?token=activate-in-clear-0123456789', sentAt: '2027-01-01T00:00:00Z' }],
      users: v2['users'].map(({ activationTokenHash: _, ...u }: Record<string, unknown>) => ({ ...u, activationToken: 'activate-in-clear-0123456789' })),
      apps: v2['apps'].map(({ clientSecretHash: _, ...a }: Record<string, unknown>) => ({ ...a, clientSecret: secret })),
      codes: v2['codes'].map(({ codeHash: _, ...c }: Record<string, unknown>, i: number) => ({ ...c, code: `v1-code-in-clear-0123456789-${i}` })),
      tokens: v2['tokens'].map(({ tokenHash: _, ...t }: Record<string, unknown>, i: number) => ({ ...t, token: t['type'] === 'refresh' && i === 1 ? refresh : `v1-token-in-clear-0123456789-${i}` })),
    };
    expect(v1.tokens[1].type).toBe('refresh');
    await writeFile(file, JSON.stringify(v1));

    const second = await bank();
    const text = await readFile(file, 'utf8');
    expect(JSON.parse(text).version).toBe(2);
    expect(text).not.toContain('in-clear');
    const refreshed = await call(
      `${second.url}/oauthcec/oauth2/token`,
      tokenForm(creds.clientId, { grant_type: 'refresh_token', refresh_token: refresh, client_secret: secret }),
    );
    expect(refreshed.status, refreshed.text).toBe(200);
  });

  it('keeps the folder 0700 and the file 0600, also in a folder that existed as 0755 under umask 022', async () => {
    const previous = process.umask(0o022);
    try {
      await chmod(dir, 0o755);
      const nested = join(dir, 'sandbox-bank');
      const b = await bankFor({ dataDir: dir });
      started.push(b);
      await enrol(b);
      await b.close();
      started.pop();
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
      expect((await stat(join(dir, 'sandbox-bank.json'))).mode & 0o777).toBe(0o600);

      const fresh = await bankFor({ dataDir: nested });
      await fresh.close();
      expect((await stat(nested)).mode & 0o777).toBe(0o700);
      expect((await stat(join(nested, 'sandbox-bank.json'))).mode & 0o777).toBe(0o600);
    } finally {
      process.umask(previous);
    }
  });
});
