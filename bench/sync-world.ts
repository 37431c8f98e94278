/**
 * Core as the app builds it, over a bank in its own process: real HTTP, an encrypted SQLite file
 * in a temp dir, and one connection of the demo PSU. The keychain is the in-memory one, so the
 * bench runs on machines without a Secret Service; it holds the database key and the tokens,
 * which the sync reads once per run, so it does not move the figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppCore, type AppCore, type CoreWorld } from '../core/app-core.js';
import type { AuthorizationPort } from '../core/auth/authorization-session.js';
import { MemoryKeychain } from '../core/keychain/memory-keychain.js';
import { createLogger } from '../core/logging/logger.js';
import { databaseKey } from '../core/store/database-key.js';
import { playPsu } from '../sandbox/demo-psu.js';
import type { BankProcess } from './bank-process.js';

const REDIRECT = 'https://conturi.invalid/oauth/callback';
export const PSU_IP = '192.0.2.10';

/** The demo PSU at the bank's pages: logs in, allows every account, hands the redirect back. */
const demoPsu: AuthorizationPort = {
  async open(url, session) {
    const back = await playPsu(url, { user: 'demo', decision: 'allow' });
    const handling = session.handleRedirect(back.toString());
    if (!handling.ours) throw new Error(`the bank redirected elsewhere: ${back.origin}`);
    await handling.answer;
  },
};

export interface SyncWorld {
  core: AppCore;
  connectionId: string;
  databasePath: string;
  close(): void;
}

export async function connectedCore(bank: BankProcess, options: Pick<CoreWorld, 'pacing'> = {}, fetchFn: typeof fetch = fetch): Promise<SyncWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'conturi-bench-'));
  const keychain = new MemoryKeychain();
  const databasePath = join(dir, 'conturi.sqlite');
  const core = createAppCore({
    fetch: fetchFn,
    keychain,
    // The app's logger as the app makes it: a file in the data folder, at its default level.
    logger: await createLogger({ dir: join(dir, 'logs') }),
    databasePath,
    databaseKey: await databaseKey(keychain),
    redirectUri: REDIRECT,
    embedded: bank.embedded,
    ...options,
  });
  const connection = await core.connections.connect({ profileId: 'sandbox', label: 'demo', port: demoPsu, psuIpAddress: PSU_IP });
  return {
    core,
    connectionId: connection.id,
    databasePath,
    close() {
      core.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
