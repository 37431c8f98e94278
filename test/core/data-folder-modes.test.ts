/**
 * The data folder after a real connect, assembled as the composition roots assemble it: the
 * folder, the database with its -wal and -shm, and the embedded bank's folder and state file are
 * readable by their owner only, also when the folder existed as 0755 and the umask is 022.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppCore } from '../../core/app-core.js';
import { MemoryKeychain } from '../../core/keychain/memory-keychain.js';
import { createLogger } from '../../core/logging/logger.js';
import { ensurePrivateDir } from '../../core/platform/data-dir.js';
import { embeddedSandbox } from '../../sandbox/embedded.js';
import { demoCertificatePem } from '../helpers/certificates.js';
import { APP_REDIRECT, psuPort } from '../helpers/core-world.js';

/** Every folder and file under `dir` with its permission bits. */
function modes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (path: string, name: string) => {
    const st = statSync(path);
    out[name] = (st.mode & 0o777).toString(8);
    if (st.isDirectory()) for (const child of readdirSync(path)) walk(join(path, child), `${name}/${child}`);
  };
  walk(dir, '.');
  return out;
}

let root: string;
let umask: number;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'conturi-modes-'));
  umask = process.umask(0o022);
});
afterEach(() => {
  process.umask(umask);
  rmSync(root, { recursive: true, force: true });
});

describe('the data folder', () => {
  it('holds only 0700 folders and 0600 files after a connect, in a folder that existed as 0755 under umask 022', async () => {
    const dir = join(root, 'conturi');
    mkdirSync(dir, { mode: 0o755 });
    chmodSync(dir, 0o755);

    ensurePrivateDir(dir);
    const bank = embeddedSandbox({ port: 0, dataDir: join(dir, 'sandbox-bank') }, demoCertificatePem);
    const logger = await createLogger({ dir: join(dir, 'logs') });
    const core = createAppCore({ fetch, keychain: new MemoryKeychain(), databasePath: join(dir, 'conturi.sqlite'), redirectUri: APP_REDIRECT, embedded: bank, logger });
    try {
      await core.connections.connect({ profileId: 'sandbox', label: 'CEC', port: psuPort({ decision: 'allow' }), psuIpAddress: '127.0.0.1' });
      // While the app runs: the database's -wal and -shm exist now.
      const running = modes(dir);
      expect(Object.keys(running)).toEqual(expect.arrayContaining(['./conturi.sqlite-wal', './conturi.sqlite-shm', './sandbox-bank/sandbox-bank.json', './logs/conturi.1.log']));
      for (const [name, mode] of Object.entries(running)) expect(mode, name).toBe(statSync(join(dir, name)).isDirectory() ? '700' : '600');
    } finally {
      core.close();
      await bank.close();
    }
    for (const [name, mode] of Object.entries(modes(dir))) expect(mode, name).toBe(statSync(join(dir, name)).isDirectory() ? '700' : '600');
  });
});
