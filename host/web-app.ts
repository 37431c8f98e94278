import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAppCore, type AppCore } from '../core/app-core.js';
import { createHandlers } from '../core/app-handlers.js';
import type { Keychain } from '../core/keychain/keychain.js';
import { startSandbox, type RunningSandbox } from '../sandbox/index.js';
import { startHost, type HostOptions, type RunningHost } from './server.js';

const demoCertificatePem = (): string => readFileSync(new URL('../sandbox/demo-tpp/demo-tpp.cert.pem', import.meta.url), 'utf8');

export interface WebAppOptions extends Pick<HostOptions, 'port' | 'staticDir' | 'openExternal' | 'log' | 'psuIpAddress'> {
  /** Holds `conturi.sqlite` and the sandbox bank's state (`sandbox-bank/`). */
  dataDir: string;
  /** The OS keychain in the app; tests give one under a service name of their own. */
  keychain: Keychain;
}

/**
 * Browser mode with the real world: the embedded sandbox bank, SQLite in the data folder, the
 * keychain it is given, core and the contract's handlers behind the host. The sandbox starts on
 * first use (core asks for it), so a launch that never connects costs no bank.
 */
export async function startWebApp(options: WebAppOptions): Promise<RunningHost> {
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  let bank: Promise<RunningSandbox> | undefined;
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
        embedded: {
          start: async () => (bank ??= startSandbox({ port: 0, dataDir: join(options.dataDir, 'sandbox-bank') })),
          demoCertificatePem: demoCertificatePem(),
        },
      });
      return createHandlers(core, frontEnd);
    },
  });
  return {
    ...host,
    async close() {
      await host.close();
      core?.close();
      if (bank !== undefined) await (await bank).close();
    },
  };
}
