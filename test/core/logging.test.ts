import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../common/index.js';
import { createHandlers } from '../../core/app-handlers.js';
import { refreshTokenKey } from '../../core/auth/token-manager.js';
import { toAppError } from '../../core/errors.js';
import { sandboxSecretKey } from '../../core/profiles/profile-secrets.js';
import { RegistrationStore } from '../../core/store/registrations.js';
import { coreWorld, psuPort, type CoreWorldForTest } from '../helpers/core-world.js';

const frontEnd = (user: string) => ({ authorizationPort: () => psuPort({ user, decision: 'allow' }), psuIpAddress: '192.0.2.7', emit: () => {} });

/**
 * The real fetch, noting every secret that crosses it: the authorization code, the PKCE
 * verifier, the client secret and the refresh token in token requests, the tokens in token
 * answers, the bearer on PSD2 calls, the password of the sandbox enrolment.
 */
function secretsOnTheWire() {
  const secrets = new Set<string>();
  const note = (value: unknown) => {
    if (typeof value === 'string' && value.length >= 8) secrets.add(value);
  };
  const fetchFn: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    note(headers.get('authorization')?.replace(/^Bearer /i, ''));
    const body = typeof init?.body === 'string' ? init.body : '';
    if (headers.get('content-type')?.includes('x-www-form-urlencoded')) {
      const form = new URLSearchParams(body);
      for (const name of ['code', 'code_verifier', 'client_secret', 'refresh_token']) note(form.get(name));
    } else if (body.startsWith('{')) {
      note((JSON.parse(body) as { password?: string }).password);
    }
    const res = await fetch(input, init);
    if (String(input).includes('/token') && res.ok) {
      const answer = (await res.clone().json()) as { access_token?: string; refresh_token?: string };
      note(answer.access_token);
      note(answer.refresh_token);
    }
    return res;
  };
  return { secrets, fetchFn };
}

describe('the app log', () => {
  describe('after a full connect', () => {
    let w: CoreWorldForTest;
    let handlers: Handlers;
    const wire = secretsOnTheWire();
    const call = (method: string, input: unknown = {}) => dispatch(handlers, method, input, toAppError);

    beforeAll(async () => {
      w = await coreWorld({ fetch: wire.fetchFn, sandbox: { pageSize: 20 } });
      handlers = createHandlers(w.core, frontEnd('demo'));
    });
    afterAll(async () => { await w.close(); });

    // The bank is read, and a read fails, only in a sync now.
    it('holds no access token, refresh token, client secret, code or code_verifier, through a sync and a failed one', async () => {
      const connected = await call('connections:connect', { profileId: 'sandbox', label: 'Log' });
      if (!connected.ok) throw new Error(connected.error.message);
      const connection = connected.value as { id: string; consentId: string };
      expect(await call('sync:run', {})).toMatchObject({ ok: true });
      // And a failure, logged with its exchanges: the PSU revokes at the bank, the next sync meets it.
      await fetch(`${w.bankOrigin}/sandbox/consents/${connection.consentId}/revoke`, { method: 'POST' });
      expect(await call('sync:run', {})).toMatchObject({ ok: true, value: { outcome: 'failed' } });

      const kept = [await w.keychain.get(sandboxSecretKey('sandbox', new RegistrationStore(w.core.db).get('sandbox')?.clientId ?? '')), await w.keychain.get(refreshTokenKey(connection.id))];
      for (const secret of kept) if (secret !== undefined) wire.secrets.add(secret);
      // Code, verifier, client secret, access and refresh token at least: else the test proves nothing.
      expect(wire.secrets.size).toBeGreaterThanOrEqual(5);

      const log = w.logText();
      expect(log).toContain('"method":"connections:connect"');
      expect(log).toContain('"code":"CONSENT_INVALID"');
      expect(log).toMatch(/"requestId":"[0-9a-f-]{36}"/);
      for (const secret of wire.secrets) expect(log.includes(secret), `a secret (${secret.slice(0, 4)}…) is in the log`).toBe(false);
    });
  });

  describe('a bank that limits calls', () => {
    let w: CoreWorldForTest;
    let handlers: Handlers;
    beforeAll(async () => {
      w = await coreWorld({ sandbox: { rateLimit: 25 } });
      handlers = createHandlers(w.core, frontEnd('demo'));
    });
    afterAll(async () => { await w.close(); });

    it('reaches the UI state as rate-limited with its Retry-After and request id, and is logged', async () => {
      const connected = await dispatch(handlers, 'connections:connect', { profileId: 'sandbox', label: 'Busy' }, toAppError);
      if (!connected.ok) throw new Error(connected.error.message);
      const connectionId = (connected.value as { id: string }).id;
      // accounts:list reads the store; a consent-status read is the person's own call to the bank.
      let failure: unknown;
      for (let i = 0; i < 30 && failure === undefined; i++) {
        const r = await dispatch(handlers, 'connections:refresh-status', { connectionId }, toAppError);
        if (!r.ok) failure = r.error;
      }
      expect(failure).toMatchObject({
        code: 'ACCESS_EXCEEDED', state: 'rate-limited', retryable: true,
        retryAfter: expect.any(Number), requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
      expect(w.logText()).toContain('"state":"rate-limited"');
    });
  });

  describe('an unexpected error in a handler', () => {
    let w: CoreWorldForTest;
    let handlers: Handlers;
    let closeDbAfterStatus = false;

    beforeAll(async () => {
      // The real fetch; once asked, it shuts the database as the bank's answer arrives, so the
      // handler then fails inside our own code (better-sqlite3's TypeError), after a bank exchange.
      const fetchFn: typeof fetch = async (input, init) => {
        const res = await fetch(input, init);
        if (closeDbAfterStatus && String(input).endsWith('/status')) w.core.db.close();
        return res;
      };
      w = await coreWorld({ fetch: fetchFn });
      handlers = createHandlers(w.core, frontEnd('demo2'));
    });
    afterAll(async () => { await w.close(); });

    it('reaches the person as INTERNAL and is written with its stack and the bank’s request id', async () => {
      const connected = await dispatch(handlers, 'connections:connect', { profileId: 'sandbox', label: 'Bug' }, toAppError);
      if (!connected.ok) throw new Error(connected.error.message);
      closeDbAfterStatus = true;
      const result = await dispatch(handlers, 'connections:refresh-status', { connectionId: (connected.value as { id: string }).id }, toAppError);
      expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', state: 'failed', message: 'Something went wrong inside the app.', retryable: false } });

      const lines = w.logText().trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
      const written = lines.find((line) => line['msg'] === 'unexpected error');
      expect(written).toMatchObject({ level: 50, method: 'connections:refresh-status', err: { type: 'TypeError' } });
      const err = (written as { err: { message: string; stack: string } }).err;
      expect(err.message).toMatch(/database connection is not open/);
      expect(err.stack).toMatch(/\n\s+at .*connection-service\.ts/);
      const exchanges = (written as { exchanges: { url: string; requestId: string }[] }).exchanges;
      expect(exchanges.at(-1)?.url).toMatch(/\/consents\/[^/]+\/status$/);
      expect((written as { bankRequestId: string }).bankRequestId).toBe(exchanges.at(-1)?.requestId);
      expect((written as { bankRequestId: string }).bankRequestId).toMatch(/^[0-9a-f-]{36}$/);
    });
  });
});
