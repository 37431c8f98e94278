/**
 * The sandbox bank answers only requests addressed to its own loopback listener: a page on a
 * name that resolves to 127.0.0.1 (DNS rebinding) sends its own name as `Host` and is refused,
 * so it cannot read `/sandbox/mailbox` (activation links) or any other route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankFor, type TestBank } from '../helpers/bank.js';
import { raw } from '../helpers/host-http.js';

describe('the sandbox bank’s Host check', () => {
  let bank: TestBank;
  let port: string;
  beforeAll(async () => {
    bank = await bankFor();
    port = new URL(bank.origin).port;
  });
  afterAll(async () => { await bank.close(); });

  it('refuses a foreign Host with 421 on every route, the mailbox included', async () => {
    for (const host of [`evil.example:${port}`, `127.0.0.1:${port}.evil.example`, `127.0.0.1:1`, '127.0.0.1', `localhost.evil.example:${port}`]) {
      for (const path of ['/sandbox/mailbox', '/sandbox/psus', '/cec/prod/psd29c/v1/accounts', '/cec/prod/oauthcec/oauth2/authorize']) {
        const res = await raw(bank.origin, path, { headers: { host } });
        expect({ host, path, status: res.status }).toEqual({ host, path, status: 421 });
        expect(res.body).not.toContain('messages');
      }
    }
  });

  it('answers its own listener under 127.0.0.1, localhost and [::1] with the port', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`]) {
      expect((await raw(bank.origin, '/sandbox/mailbox', { headers: { host } })).status).toBe(200);
    }
  });
});
