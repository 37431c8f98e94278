import { readFileSync } from 'node:fs';
import { createAppCore } from '../core/app-core.js';
import { createHandlers } from '../core/app-handlers.js';
import type { Keychain } from '../core/keychain/keychain.js';
import { createLogger, type Logger } from '../core/logging/logger.js';
import { openLocalStore, storeWorld } from '../core/local-store.js';
import { loadVendorProfile, vendorProfilePaths } from '../core/profiles/vendor-profile.js';
import { storeSession, type StoreSession } from '../core/store-session.js';
import { embeddedSandbox, type EmbeddedSandbox } from '../sandbox/embedded.js';
import { openPrivately } from './open-browser.js';
import { startHost, type HostOptions, type RunningHost } from './server.js';

const demoCertificatePem = (): string => readFileSync(new URL('../sandbox/demo-tpp/demo-tpp.cert.pem', import.meta.url), 'utf8');

export interface WebAppOptions extends Pick<HostOptions, 'port' | 'staticDir' | 'openExternal' | 'log' | 'psuIpAddress'> {
  /** Holds `conturi.sqlite` and the sandbox bank's state (`sandbox-bank/`). */
  dataDir: string;
  /** The OS keychain in the app; tests give one under a service name of their own. */
  keychain: Keychain;
  /** The app's log; by default a rolling file in `<dataDir>/logs` (stderr when ephemeral). */
  logger?: Logger;
  /** The sandbox bank; by default one embedded under the data folder. Tests pass theirs to stop it (the bank offline). */
  bank?: EmbeddedSandbox;
}

/**
 * Browser mode with the real world: the embedded sandbox bank, the encrypted database in the
 * data folder (locked for this process), the keychain it is given, core and the contract's
 * handlers behind the host. Without a usable keychain it runs ephemeral (see openLocalStore).
 * The sandbox starts on first use (core asks for it), so a launch that never connects costs no bank.
 */
export async function startWebApp(options: WebAppOptions): Promise<RunningHost & { ephemeral: boolean }> {
  const store = await openLocalStore({ dataDir: options.dataDir, keychain: options.keychain, frontEnd: 'browser mode (npm run web)' });
  const logger = options.logger ?? (await createLogger({ dir: store.logDir }));
  const bank = options.bank ?? embeddedSandbox({ port: 0, dataDir: store.bankDir }, demoCertificatePem());
  // Read once at start (docs/vendor-profile.md); a broken file is reported, never fatal.
  const vendorProfile = loadVendorProfile(vendorProfilePaths({ env: process.env, dataDir: store.dataDir }));
  let session: StoreSession | undefined;
  let host: RunningHost;
  try {
    host = await startHost({
      ...options,
      // The authorize URL carries the sign-in's state: never on a command line (see openPrivately).
      openExternal: options.openExternal ?? ((url, until) => openPrivately(options.dataDir, url, until)),
      handlers: ({ frontEnd, redirectUri }) => {
        session = storeSession(store, (s) => {
          // The redirect URI is known only now: the port is part of it, and core re-enrols the sandbox app when it changes.
          const core = createAppCore({ fetch, ...storeWorld(s), redirectUri, logger, embedded: bank, vendorProfile });
          const handlers = createHandlers(core, frontEnd);
          // The app stays open: it keeps the local copy fresh on its own (see docs/sync.md).
          core.scheduler.start();
          // Payments a previous run left unfinished are followed to their end (see docs/payments.md).
          core.paymentFollower.start();
          return { core, handlers };
        });
        return session.handlers;
      },
    });
  } catch (error) {
    session?.close();
    store.release();
    throw error;
  }
  return {
    ...host,
    ephemeral: store.ephemeral !== undefined,
    async close() {
      await host.close();
      session?.close();
      store.release();
      await bank.close();
    },
  };
}
