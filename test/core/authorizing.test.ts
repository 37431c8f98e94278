import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../common/index.js';
import { createAppCore, type AppCore } from '../../core/app-core.js';
import { createHandlers } from '../../core/app-handlers.js';
import type { AuthorizationSession } from '../../core/auth/authorization-session.js';
import { toAppError } from '../../core/errors.js';
import { createLogger } from '../../core/logging/logger.js';
import { embeddedSandbox } from '../../sandbox/embedded.js';
import { demoCertificatePem } from '../helpers/certificates.js';
import { APP_REDIRECT, TestKeychain } from '../helpers/core-world.js';

/**
 * The one open-authorisation slot of the handlers. An attempt that has settled may still be
 * cleaning up (ending its consent at the bank) while the person starts the next one: the old
 * attempt's end must not clear the slot the new one holds.
 */
describe('createHandlers › the open-authorisation slot', () => {
  let dir: string;
  let bank: ReturnType<typeof embeddedSandbox>;
  let keychain: TestKeychain;
  let core: AppCore;
  let handlers: Handlers;
  /** Holds the bank's DELETE of a consent (the clean-up of a cancelled attempt) until released. */
  let releaseDeletes: () => void = () => undefined;
  let deletesHeld: Promise<void> = Promise.resolve();
  const opened: AuthorizationSession[] = [];
  const call = (method: string, input: unknown = {}) => dispatch(handlers, method, input, toAppError);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'conturi-slot-'));
    bank = embeddedSandbox({ port: 0 }, demoCertificatePem);
    keychain = new TestKeychain();
    const gatedFetch: typeof fetch = async (input, init) => {
      if (init?.method === 'DELETE') await deletesHeld;
      return fetch(input, init);
    };
    core = createAppCore({
      fetch: gatedFetch,
      keychain,
      databasePath: join(dir, 'conturi.sqlite'),
      redirectUri: APP_REDIRECT,
      embedded: bank,
      logger: await createLogger({ dir: join(dir, 'logs') }),
    });
    // The bank's page stays open: nobody answers, the test cancels.
    handlers = createHandlers(core, { authorizationPort: () => ({ open: (_url, session) => void opened.push(session) }), psuIpAddress: '192.0.2.1', emit: () => undefined }, gatedFetch);
  });
  afterAll(async () => {
    releaseDeletes();
    core?.close();
    await keychain?.clear();
    await bank?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a newer authorisation in the slot when an older one finishes its clean-up after it opened', async () => {
    deletesHeld = new Promise((resolve) => (releaseDeletes = resolve));
    const first = call('connections:connect', { profileId: 'sandbox', label: 'first' });
    await expect.poll(() => opened.length, { timeout: 10_000 }).toBe(1);
    expect(await call('connections:cancel-authorization')).toEqual({ ok: true, value: { cancelled: true } });
    // The first attempt is settled but still ending its consent at the bank: a new one may start.
    const second = call('connections:connect', { profileId: 'sandbox', label: 'second' });
    await expect.poll(() => opened.length, { timeout: 10_000 }).toBe(2);
    releaseDeletes();
    await expect(first).resolves.toMatchObject({ ok: false, error: { code: 'SCA_CANCELLED' } });

    // The slot still names the second attempt: a third is refused, and cancel reaches the second.
    // (Were a third let through, it would wait at the bank's page for ever: race it against that.)
    const thirdOpened = expect.poll(() => opened.length, { timeout: 10_000 }).toBe(3).then(() => 'opened a third bank page');
    const third = await Promise.race([call('connections:connect', { profileId: 'sandbox', label: 'third' }), thirdOpened]);
    expect(third).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    expect(await call('connections:cancel-authorization')).toEqual({ ok: true, value: { cancelled: true } });
    await expect(second).resolves.toMatchObject({ ok: false, error: { code: 'SCA_CANCELLED' } });
    expect(opened[1]?.isSettled).toBe(true);
  });
});
