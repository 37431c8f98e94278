import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAppCore, type AppCore } from '../core/app-core.js';
import { createHandlers } from '../core/app-handlers.js';
import type { Keychain } from '../core/keychain/keychain.js';
import { createLogger, type Logger } from '../core/logging/logger.js';
import { ensurePrivateDir } from '../core/platform/data-dir.js';
import { embeddedSandbox } from '../sandbox/embedded.js';
import { startHost, type HostOptions, type RunningHost } from './server.js';

const demoCertificatePem = (): string => readFileSync(new URL('../sandbox/demo-tpp/demo-tpp.cert.pem', import.meta.url), 'utf8');

export interface WebAppOptions extends Pick<HostOptions, 'port' | 'staticDir' | 'openExternal' | 'log' | 'psuIpAddress'> {
  /** Holds `conturi.sqlite` and the sandbox bank's state (`sandbox-bank/`). */
  dataDir: string;
  /** The OS keychain in the app; tests give one under a service name of their own. */
  keychain: Keychain;
  /** The app's log; by default a rolling file in `<dataDir>/logs`. */
  logger?: Logger;
}

/**
 * Browser mode with the real world: the embedded sandbox bank, SQLite in the data folder, the
 * keychain it is given, core and the contract's handlers behind the host. The sandbox starts on
 * first use (core asks for it), so a launch that never connects costs no bank.
 */
export async function startWebApp(options: WebAppOptions): Promise<RunningHost> {
  ensurePrivateDir(options.dataDir);
  const logger = options.logger ?? (await createLogger({ dir: join(options.dataDir, 'logs') }));
  const bank = embeddedSandbox({ port: 0, dataDir: join(options.dataDir, 'sandbox-bank') }, demoCertificatePem());
  let core: AppCore | undefined;
  const host = await startHost({
    ...options,
    handlers: ({ frontEnd, redirectUri }) => {
      core = createAppCore({
        fetch,
        keychain: options.keychain,
        databasePath: join(options.dataDir, 'conturi.sqlite'),
        // Known only now: the port is part of it, and core re-enrols the sandbox app when it changes.
        redirectUri,
        logger,
        embedded: bank,
      });
      return createHandlers(core, frontEnd);
    },
  });
  return {
    ...host,
    async close() {
      await host.close();
      core?.close();
      await bank.close();
    },
  };
}
