/**
 * Enrolment must never lose the credentials the bank shows once: when something fails after the
 * bank has answered `create/app`, the client secret is already in the keychain and the person is
 * told the client id and the secret. Real sandbox, real keychain, real SQLite.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type EnrolmentResult, type Handlers } from '../../common/index.js';
import { createHandlers } from '../../core/app-handlers.js';
import { toAppError } from '../../core/errors.js';
import { clientSecretFor } from '../../core/profiles/profile-secrets.js';
import { coreWorld, psuPort, type CoreWorldForTest } from '../helpers/core-world.js';
import { demoCertificatePem } from '../helpers/certificates.js';

describe('enrolment:create-app when saving the profile fails after the bank answered', () => {
  let w: CoreWorldForTest;
  let handlers: Handlers;
  /** Set by the test: runs once the bank's create/app answer is in hand, before core goes on. */
  let afterCreateApp: (() => void) | undefined;
  const watchingFetch: typeof fetch = async (input, init) => {
    const res = await fetch(input, init);
    if (String(input).endsWith('/create/app')) afterCreateApp?.();
    return res;
  };
  const developer = { username: `dev-${randomBytes(4).toString('hex')}@example.ro`, password: 'parola-sigura', organization: 'Test TPP SRL' };

  beforeAll(async () => {
    w = await coreWorld();
    handlers = createHandlers(w.core, { authorizationPort: () => psuPort({ user: 'demo', decision: 'allow' }), psuIpAddress: '192.0.2.9', emit: () => {} }, watchingFetch);
    const registered = await dispatch(handlers, 'enrolment:register', { baseUrl: w.bankUrl, certificatePem: demoCertificatePem, ...developer, firstName: 'Ana', lastName: 'Pop' }, toAppError);
    expect(registered.ok).toBe(true);
    const mail = (await (await fetch(`${w.bankOrigin}/sandbox/mailbox?to=${encodeURIComponent(developer.username)}`)).json()) as { messages: { link: string }[] };
    await fetch(mail.messages.at(-1)?.link ?? 'http://127.0.0.1:1/');
  });
  afterAll(async () => { await w.close(); });

  it('keeps the secret in the keychain and returns the client id and secret with the problem', async () => {
    // The database goes away between the bank's answer and the profile's save.
    afterCreateApp = () => w.core.db.close();
    const result = await dispatch(handlers, 'enrolment:create-app', {
      profileId: 'p1', baseUrl: w.bankUrl, certificatePem: demoCertificatePem, ...developer,
      appName: 'Conturi', appTitle: 'Conturi Desktop', redirectUri: 'https://tpp.example/cb',
    }, toAppError);
    if (!result.ok) throw new Error(`create-app threw after the bank answered: ${result.error.code} ${result.error.message}`);
    const enrolled = result.value as EnrolmentResult;
    expect(enrolled).toMatchObject({ secretStored: true, problem: { code: expect.any(String) } });
    expect(enrolled.profile).toBeUndefined();
    expect(enrolled.clientId).not.toBe('');
    // Filed for exactly this bank and client id: saving the profile later with the client id alone finds it.
    expect(await clientSecretFor(w.keychain, { id: 'p1', baseUrl: w.bankUrl, clientId: enrolled.clientId })).toBe(enrolled.clientSecret);
  });
});
