import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../common/index.js';
import { TestKeychain } from '../test/helpers/core-world.js';
import { createAppCore } from './app-core.js';
import { createHandlers } from './app-handlers.js';
import { DataFolderInUseError, LocalStoreLockedError, toAppError } from './errors.js';
import { DATABASE_FILE, openLocalStore, storeWorld, type LocalStore } from './local-store.js';
import { DATABASE_KEY_ENTRY } from './store/database-key.js';
import { storeSession } from './store-session.js';
import { createLogger } from './logging/logger.js';

/**
 * The local store over the REAL OS keychain (run through test/run-with-keyring.sh): the key is
 * made there, and "the keychain was reset" is its entry deleted for real.
 */
const noFrontEnd = {
  authorizationPort: () => ({ open: async () => { throw new Error('no authorisation in this test'); } }),
  psuIpAddress: '192.0.2.1',
  emit: () => undefined,
};

function session(store: LocalStore) {
  const s = storeSession(
    store,
    (st) => {
      const core = createAppCore({ fetch, ...storeWorld(st), redirectUri: 'https://conturi.invalid/oauth/callback', logger: pino({ enabled: false }) });
      return { core, handlers: createHandlers(core, noFrontEnd) };
    },
    () => new Date('2027-03-04T05:06:07.089Z'),
  );
  return { ...s, call: (method: string, input: unknown = {}) => dispatch(s.handlers, method, input, toAppError) };
}

describe.skipIf(process.env['CONTURI_NO_KEYCHAIN_TESTS'] === '1')('openLocalStore on the real OS keychain', () => {
  let dir: string;
  let keychain: TestKeychain;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'conturi-store-'));
    keychain = new TestKeychain();
  });
  afterEach(async () => {
    await keychain.clear();
    rmSync(dir, { recursive: true, force: true });
  });

  it('makes a 32-byte key in the keychain on the first run and reuses it after', async () => {
    const first = await openLocalStore({ dataDir: dir, keychain, frontEnd: 'test' });
    first.release();
    expect(await keychain.get(DATABASE_KEY_ENTRY)).toMatch(/^[0-9a-f]{64}$/);
    const second = await openLocalStore({ dataDir: dir, keychain, frontEnd: 'test' });
    second.release();
    expect(second.databaseKey?.equals(first.databaseKey as Buffer)).toBe(true);
    expect(first.ephemeral).toBeUndefined();
    expect(first.databasePath).toBe(join(dir, DATABASE_FILE));
  });

  it('refuses a second core on the same folder, naming the front end that holds it', async () => {
    const app = session(await openLocalStore({ dataDir: dir, keychain, frontEnd: 'the Conturi app' }));
    await expect(openLocalStore({ dataDir: dir, keychain, frontEnd: 'browser mode' })).rejects.toThrow(DataFolderInUseError);
    await expect(openLocalStore({ dataDir: dir, keychain, frontEnd: 'browser mode' })).rejects.toThrow(/in use by the Conturi app/);
    app.close();
    const web = session(await openLocalStore({ dataDir: dir, keychain, frontEnd: 'browser mode' }));
    expect(await web.call('app:info')).toEqual({ ok: true, value: { ephemeral: false, reason: null, dataDir: dir, locked: false, logFile: null, vendorProfile: null } });
    web.close();
  });

  it('reports a database whose key is gone, never overwrites it, and starts fresh only when asked', async () => {
    const before = session(await openLocalStore({ dataDir: dir, keychain, frontEnd: 'test' }));
    expect(await before.call('settings:set', { authorizationMode: 'system-browser' })).toMatchObject({ ok: true });
    before.close();
    const path = join(dir, DATABASE_FILE);
    const bytes = readFileSync(path);

    // The keychain was reset: a new key is made, and it cannot open the old file.
    await keychain.delete(DATABASE_KEY_ENTRY);
    const after = session(await openLocalStore({ dataDir: dir, keychain, frontEnd: 'test' }));
    expect(await after.call('app:info')).toEqual({ ok: true, value: { ephemeral: false, reason: null, dataDir: dir, locked: true, logFile: null, vendorProfile: null } });
    const refused = await after.call('settings:get');
    expect(refused).toEqual({
      ok: false,
      error: { code: 'LOCAL_STORE_LOCKED', state: 'failed', message: 'Your local copy cannot be opened; start fresh and sync again from the bank.', retryable: false },
    });
    expect(after.core()).toBeUndefined();
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(new LocalStoreLockedError().message).toMatch(/your local copy cannot be opened; start fresh and sync again from the bank/i);

    expect(await after.call('store:reset')).toEqual({ ok: true, value: { ephemeral: false, reason: null, dataDir: dir, locked: false, logFile: null, vendorProfile: null } });
    const aside = join(dir, `${DATABASE_FILE}.unreadable-2027-03-04T05-06-07-089Z`);
    expect(readFileSync(aside).equals(bytes)).toBe(true);
    expect(await after.call('settings:get')).toEqual({ ok: true, value: { authorizationMode: 'window', autoSyncHours: 6, language: 'system', theme: 'system' } });
    after.close();
    expect(readdirSync(dir).filter((f) => f.includes('unreadable'))).toEqual([`${DATABASE_FILE}.unreadable-2027-03-04T05-06-07-089Z`]);
  });

  it('names the log file the logger writes, also while the local copy is locked, and none when nothing is kept', async () => {
    const store = await openLocalStore({ dataDir: dir, keychain, frontEnd: 'test' });
    const logger = await createLogger({ dir: store.logDir });
    logger.info('started');
    const s = session(store);
    const logFile = join(dir, 'logs', 'conturi.1.log');
    expect(await s.call('app:info')).toMatchObject({ ok: true, value: { logFile } });
    s.close();
    await keychain.delete(DATABASE_KEY_ENTRY);
    const locked = session(await openLocalStore({ dataDir: dir, keychain, frontEnd: 'test' }));
    expect(await locked.call('app:info')).toMatchObject({ ok: true, value: { locked: true, logFile } });
    locked.close();
    const ephemeral = session(await openLocalStore({ dataDir: join(dir, 'never'), keychain, frontEnd: 'test', ephemeral: 'asked for' }));
    expect(await ephemeral.call('app:info')).toMatchObject({ ok: true, value: { logFile: null, vendorProfile: null } });
    ephemeral.close();
  });

  it('refuses store:reset while the local copy opens', async () => {
    const s = session(await openLocalStore({ dataDir: dir, keychain, frontEnd: 'test' }));
    expect(await s.call('store:reset')).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    expect(existsSync(join(dir, DATABASE_FILE))).toBe(true);
    s.close();
  });

  it('keeps nothing when asked to: no folder, no key, no file', async () => {
    const store = await openLocalStore({ dataDir: join(dir, 'never'), keychain, frontEnd: 'test', ephemeral: 'asked for' });
    const s = session(store);
    expect(await s.call('app:info')).toEqual({ ok: true, value: { ephemeral: true, reason: 'asked for', dataDir: null, locked: false, logFile: null, vendorProfile: null } });
    expect(await s.call('profiles:save-production', { id: 'prod', baseUrl: 'https://api.cec.ro', clientId: 'x', certificatePem: 'p'.repeat(120), redirectUri: 'https://conturi.invalid/cb' }))
      .toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE', message: 'asked for' } });
    s.close();
    expect(existsSync(join(dir, 'never'))).toBe(false);
    expect(await keychain.get(DATABASE_KEY_ENTRY)).toBeUndefined();
  });
});
