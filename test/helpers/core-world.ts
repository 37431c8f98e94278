import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createAppCore, type AppCore, type CoreWorld } from '../../core/app-core.js';
import type { AuthorizationPort } from '../../core/auth/authorization-session.js';
import type { Keychain } from '../../core/keychain/keychain.js';
import { OsKeychain } from '../../core/keychain/os-keychain.js';
import { createLogger, logFiles } from '../../core/logging/logger.js';
import { databaseKey } from '../../core/store/database-key.js';
import { playPsu, type PsuChoices } from '../../sandbox/demo-psu.js';
import { embeddedSandbox } from '../../sandbox/embedded.js';
import type { SandboxOptions } from '../../sandbox/index.js';
import { demoCertificatePem } from './certificates.js';

/** Never loaded: the front end catches it before any request leaves the machine. */
export const APP_REDIRECT = 'https://conturi.invalid/oauth/callback';

/**
 * The OS keychain under a service name of its own per test file, so runs never see each other's
 * entries; `entries` lists what the test wrote so it can check clean-up.
 */
export class TestKeychain implements Keychain {
  private readonly os: OsKeychain;
  readonly written = new Set<string>();
  constructor(readonly service = `ro.conturi.test.${randomBytes(4).toString('hex')}`) {
    this.os = new OsKeychain({ service });
  }
  get(account: string) {
    return this.os.get(account);
  }
  async set(account: string, secret: string) {
    this.written.add(account);
    await this.os.set(account, secret);
  }
  delete(account: string) {
    return this.os.delete(account);
  }
  async clear(): Promise<void> {
    for (const account of this.written) await this.os.delete(account);
  }
}

/**
 * A PSU at the bank's pages: logs in as `user`, decides, and hands the redirect back. A redirect
 * that does not settle the session (not our URI, another state) is an error here: the flow
 * would otherwise wait for its 5-minute timeout and the test would hang instead of failing.
 */
export function psuPort(choices: PsuChoices, tamper: (redirect: URL) => URL = (u) => u): AuthorizationPort {
  return {
    async open(url, session) {
      const back = tamper(await playPsu(url, choices));
      const handling = session.handleRedirect(back.toString());
      const answer = handling.ours ? await handling.answer : undefined;
      if (answer === undefined || answer.kind === 'not-for-this-request') {
        throw new Error(`the bank's redirect did not settle the authorisation: ${back.origin}${back.pathname}`);
      }
    },
  };
}

/**
 * A bank's page that stays open until the test cancels it. `opened` resolves when the page is
 * shown and rejects as soon as `attempt` settles first (the connect failed before it got
 * there), so the test fails at once instead of waiting for a page that never opens.
 */
export function pageLeftOpen(): { port: AuthorizationPort; opened(attempt: Promise<unknown>): Promise<void> } {
  let shown!: () => void;
  const shownOnce = new Promise<void>((resolve) => { shown = resolve; });
  return {
    port: { open: () => { shown(); } },
    opened: (attempt) =>
      Promise.race([
        shownOnce,
        attempt.then((outcome) => {
          throw new Error(`the attempt settled before the bank's page opened: ${JSON.stringify(outcome)}`);
        }),
      ]),
  };
}

export interface CoreWorldForTest {
  core: AppCore;
  keychain: TestKeychain;
  bankUrl: string;
  bankOrigin: string;
  /** How many requests core has sent (to the bank) so far: reads from the store send none. */
  bankRequests(): number;
  /** Everything core logged so far (at `debug`: every bank exchange too), as the app's log file holds it. */
  logText(): string;
  /** Closes core as a quit would and opens a new one on the same database, keychain and bank (`core` is then the new one). */
  restart(): Promise<AppCore>;
  close(): Promise<void>;
}

/** Real parts: the sandbox bank over HTTP, an encrypted SQLite file in a temp dir (its key in the OS keychain, as in the app), the OS keychain. */
export async function coreWorld(
  options: { sandbox?: SandboxOptions; now?: () => Date; fetch?: typeof fetch; core?: Pick<CoreWorld, 'pacing' | 'syncWindow' | 'vendorProfile'> } = {},
): Promise<CoreWorldForTest> {
  const dir = mkdtempSync(join(tmpdir(), 'conturi-core-'));
  const logDir = join(dir, 'logs');
  const logger = await createLogger({ dir: logDir, level: 'debug' });
  const embedded = embeddedSandbox({ port: 0, ...options.sandbox }, demoCertificatePem);
  const bank = await embedded.start();
  const keychain = new TestKeychain();
  let requests = 0;
  const base = options.fetch ?? fetch;
  const counted: typeof fetch = (input, init) => {
    requests += 1;
    return base(input, init);
  };
  const key = await databaseKey(keychain);
  const open = () => createAppCore({
    fetch: counted,
    keychain,
    logger,
    databasePath: join(dir, 'conturi.sqlite'),
    databaseKey: key,
    redirectUri: APP_REDIRECT,
    embedded,
    now: options.now,
    ...options.core,
  });
  const world: CoreWorldForTest = {
    core: open(),
    keychain,
    bankUrl: bank.url,
    bankOrigin: bank.origin,
    bankRequests: () => requests,
    logText: () => logFiles(logDir).map((file) => readFileSync(file, 'utf8')).join(''),
    async restart() {
      world.core.close();
      world.core = open();
      return world.core;
    },
    async close() {
      world.core.close();
      await keychain.clear();
      await embedded.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;
}
