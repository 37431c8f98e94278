import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { keychainHelp, OsKeychain } from './os-keychain.js';

/**
 * These tests use the REAL OS keychain (on Linux the Secret Service), so that what they prove is
 * what the app will meet. Run them through `sh test/run-with-keyring.sh npx vitest run
 * core/keychain` (CI: `npm run test:ci`); without a reachable Secret Service they FAIL on
 * purpose, unless CONTURI_NO_KEYCHAIN_TESTS=1 says this machine cannot have one.
 */
const skip = process.env['CONTURI_NO_KEYCHAIN_TESTS'] === '1';
const SERVICE = 'ro.conturi.desktop.test';
const account = () => `test-${randomBytes(8).toString('hex')}`;

describe.skipIf(skip)('OsKeychain on the real OS keychain', () => {
  const keychain = new OsKeychain({ service: SERVICE });
  const used: string[] = [];
  const fresh = () => {
    const name = account();
    used.push(name);
    return name;
  };
  afterAll(async () => {
    await Promise.allSettled(used.map((name) => keychain.delete(name)));
  });

  it('stores, reads back and deletes a secret', async () => {
    const name = fresh();
    await keychain.set(name, 'refresh-AAJz-1');
    expect(await keychain.get(name)).toBe('refresh-AAJz-1');
    expect(await keychain.delete(name)).toBe(true);
    expect(await keychain.get(name)).toBeUndefined();
  });

  it('overwrites the secret of an account', async () => {
    const name = fresh();
    await keychain.set(name, 'first');
    await keychain.set(name, 'second');
    expect(await keychain.get(name)).toBe('second');
  });

  it('answers undefined for an account it never stored', async () => {
    expect(await keychain.get(account())).toBeUndefined();
  });

  it('answers false when deleting an account it never stored', async () => {
    expect(await keychain.delete(account())).toBe(false);
  });

  it('keeps a unicode secret exactly', async () => {
    const name = fresh();
    const secret = 'parolă-ȘȚ-€-🔑-end';
    await keychain.set(name, secret);
    expect(await keychain.get(name)).toBe(secret);
  });

  it('keeps accounts of different services apart', async () => {
    const name = fresh();
    await keychain.set(name, 'mine');
    const other = new OsKeychain({ service: `${SERVICE}.other` });
    expect(await other.get(name)).toBeUndefined();
  });
});

const execFileAsync = promisify(execFile);
const moduleUrl = new URL('./os-keychain.ts', import.meta.url).href;
const root = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `script` in a fresh Node (tsx loader) whose D-Bus session address leads nowhere. */
async function withoutSecretService(script: string): Promise<Record<string, unknown>> {
  const { stdout } = await execFileAsync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root,
    env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: `unix:path=/nonexistent/conturi-${randomBytes(4).toString('hex')}/bus` },
    timeout: 20_000,
  });
  return JSON.parse(stdout.trim().split('\n').pop() as string) as Record<string, unknown>;
}

describe.runIf(process.platform === 'linux')('OsKeychain without a Secret Service', () => {
  const secret = `never-print-me-${randomBytes(6).toString('hex')}`;

  it('throws KeychainError naming what to install, without the secret, for every operation', async () => {
    const outcome = await withoutSecretService(`
      const { OsKeychain } = await import(${JSON.stringify(moduleUrl)});
      const keychain = new OsKeychain();
      const report = async (op) => {
        try { await op(); return { ok: true }; }
        catch (e) { return { name: e.name, code: e.code, message: e.message, cause: String(e.cause?.message), stack: String(e.stack) }; }
      };
      console.log(JSON.stringify({
        set: await report(() => keychain.set('conturi-test', ${JSON.stringify(secret)})),
        get: await report(() => keychain.get('conturi-test')),
        delete: await report(() => keychain.delete('conturi-test')),
        darwinHelp: await report(() => new OsKeychain({ platform: 'darwin' }).get('conturi-test')),
      }));
    `);
    for (const op of ['set', 'get', 'delete']) {
      const error = outcome[op] as Record<string, string>;
      expect(error).toMatchObject({ name: 'KeychainError', code: 'KEYCHAIN_UNAVAILABLE' });
      expect(error['message']).toContain('gnome-keyring');
      expect(error['message']).toContain('apt install gnome-keyring libsecret-1-0');
      expect(error['message']).toContain('D-Bus session');
      expect(JSON.stringify(error)).not.toContain(secret);
    }
    expect((outcome['darwinHelp'] as Record<string, string>)['message']).toContain('macOS Keychain');
  });
});

describe('keychainHelp', () => {
  it('names what each OS needs', () => {
    expect(keychainHelp('linux')).toContain('gnome-keyring');
    expect(keychainHelp('darwin')).toContain('macOS Keychain');
    expect(keychainHelp('win32')).toContain('Windows Credential Manager');
  });
});
