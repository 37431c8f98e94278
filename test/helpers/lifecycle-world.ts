import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { ConsentStatus } from '../../common/index.js';
import { createAppCore, type AppCore } from '../../core/app-core.js';
import { SANDBOX_PROFILE } from '../../core/profiles/profile-settings.js';
import { getConsentStatusRequest, processConsentStatusResponse } from '../../core/psd2/consents.js';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../sandbox/index.js';
import { enrol } from './bank.js';
import { startBankPath, type BankPath } from './bank-path.js';
import { demoCertificatePem } from './certificates.js';
import { APP_REDIRECT, TestKeychain } from './core-world.js';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface LifecycleWorld {
  core: AppCore;
  keychain: TestKeychain;
  bank: RunningSandbox;
  /** The network between the app and the bank; every app request goes through it. */
  path: BankPath;
  /** A second sandbox with its fault injection always on: route a request here to have it fail the sandbox's way. */
  faulty: RunningSandbox;
  /** What the app's logger wrote, parsed. */
  log: LogLine[];
  clock: { now: () => Date; advance: (ms: number) => void };
  /** What the bank itself says of a consent, asked past the path. */
  bankStatus(consentId: string): Promise<ConsentStatus>;
  /** Closes the app's core and starts a new one over the same database and keychain (an app restart). */
  restart(): AppCore;
  close(): Promise<void>;
}

/**
 * Core over real parts for lifecycle tests: the sandbox bank behind a {@link BankPath}, a SQLite
 * file, the OS keychain, and a pino logger writing to memory. The app's clock is the test's.
 */
export async function lifecycleWorld(options: { sandbox?: SandboxOptions; faultySeed?: number } = {}): Promise<LifecycleWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'conturi-lifecycle-'));
  let t = Date.now();
  const clock = { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
  const bank = await startSandbox({ port: 0, ...options.sandbox });
  const faulty = await startSandbox({ port: 0, faultRate: 1, seed: options.faultySeed ?? 11 });
  const path = await startBankPath(bank);
  const keychain = new TestKeychain();
  const log: LogLine[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void log.push(JSON.parse(line) as LogLine) });
  // The app reaches the bank's API through the path; enrolment (the bank's own business) goes straight to it.
  const embedded = { start: async () => ({ url: path.url, origin: path.origin }), enrol: (redirectUri: string) => enrol(bank, redirectUri), demoCertificatePem };
  const build = () =>
    createAppCore({ fetch, keychain, databasePath: join(dir, 'conturi.sqlite'), redirectUri: APP_REDIRECT, embedded, now: clock.now, logger });
  const world: LifecycleWorld = {
    core: build(),
    keychain,
    bank,
    path,
    faulty,
    log,
    clock,
    async bankStatus(consentId) {
      const resolved = await world.core.environments.resolve(SANDBOX_PROFILE);
      return processConsentStatusResponse(await getConsentStatusRequest({ ...resolved.psd2, baseUrl: bank.url }, consentId));
    },
    restart() {
      world.core.close();
      world.core = build();
      return world.core;
    },
    async close() {
      world.core.close();
      await keychain.clear();
      await path.close();
      await faulty.close();
      await bank.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;
}
