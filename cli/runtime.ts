import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dispatch, type AppError, type EventName, type EventPayload, type Handlers, type MethodInput, type MethodName, type MethodOutput, type Result, type SyncSummary } from '../common/index.js';
import type { AppCore } from '../core/app-core.js';
import { createHandlers, type FrontEnd } from '../core/app-handlers.js';
import { loopbackRedirectUri } from '../core/auth/loopback-callback.js';
import { toAppError } from '../core/errors.js';
import { OsKeychain } from '../core/keychain/os-keychain.js';
import { openLocalStore, storeWorld } from '../core/local-store.js';
import { logFailure, withFailureLog } from '../core/logging/failure-log.js';
import { createLogger, type Logger } from '../core/logging/logger.js';
import { defaultDataDir } from '../core/platform/data-dir.js';
import { psuIpAddress } from '../core/platform/psu-address.js';
import { loadVendorProfile, vendorProfilePaths } from '../core/profiles/vendor-profile.js';
import { createAppCore } from '../core/app-core.js';
import { storeSession } from '../core/store-session.js';
import { embeddedSandbox } from '../sandbox/embedded.js';
import type { SandboxOptions } from '../sandbox/index.js';
import { optionPairs, sandboxOptionsFrom } from '../sandbox/option-names.js';
import { UsageError, type GlobalOptions } from './args.js';
import { TerminalAuthorization } from './terminal-authorization.js';

/** Named in the data folder's lock, so another front end is told who holds it. */
const FRONT_END = 'the command line (npm run cli)';

export interface RuntimeOptions {
  global: GlobalOptions;
  /** Plays this sandbox PSU on the bank's pages when a method asks for an authorisation. */
  autoPsu?: string | undefined;
  showUrl(url: string): void;
  note(line: string): void;
}

/** One front end's run of core, as a command uses it: every method goes through the contract. */
export interface CliRuntime {
  /** Runs a method by name, its input checked by the contract's schema first (as IPC and the browser host do). */
  call(method: string, input: unknown): Promise<Result<unknown>>;
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /**
   * `sync:run` as the scheduler runs it: the same input schema and dispatch, but no
   * PSU-IP-Address, so each account's read counts against the bank's daily budget.
   */
  syncUnattended(input: MethodInput<'sync:run'>): Promise<Result<SyncSummary>>;
  /** The core behind the handlers, for reads the contract has no method for (an export's stream). */
  core(): AppCore | undefined;
  logger: Logger;
  /** Writes a failure the command is about to show to the log, and returns what to show. */
  logFailure(error: unknown, context: Record<string, unknown>): AppError;
  /** Why nothing outlives this run; undefined when the data folder keeps it. */
  ephemeral: string | undefined;
  /** Ends an open authorisation (Ctrl-C), so a waiting connect settles. */
  cancelAuthorization(): void;
  /** Closes core and the bank and lets go of the data folder. */
  close(): Promise<void>;
}

const demoCertificatePem = (): string => readFileSync(new URL('../sandbox/demo-tpp/demo-tpp.cert.pem', import.meta.url), 'utf8');

/** The sandbox's knobs from `--sandbox-option NAME=VALUE`; the CLI keeps the bank's state itself. */
function sandboxOptions(texts: readonly string[]): SandboxOptions {
  let options: SandboxOptions;
  try {
    options = sandboxOptionsFrom(optionPairs(texts));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (options.dataDir !== undefined) throw new UsageError('the sandbox bank keeps its state in the data folder: use --data-dir, not --sandbox-option data-dir=…');
  return options;
}

/**
 * The CLI's composition root: the local store (the data folder, locked for this process, or
 * memory only), the one redacting logger, the embedded sandbox bank with the knobs asked for,
 * core and the contract's handlers, with the terminal as the front end.
 */
export async function openRuntime(options: RuntimeOptions): Promise<CliRuntime> {
  const { global } = options;
  const bankOptions = sandboxOptions(global.sandboxOptions);
  const store = await openLocalStore({
    dataDir: global.dataDir ?? defaultDataDir({ platform: process.platform, env: process.env, home: homedir() }),
    keychain: new OsKeychain(),
    frontEnd: FRONT_END,
    ephemeral: global.ephemeral ? 'asked for with --ephemeral' : undefined,
  });
  let logger: Logger;
  try {
    // An ephemeral log goes to stderr: silent there unless asked, so a failure stays one line.
    logger = await createLogger({ dir: store.logDir, level: global.debug ? 'debug' : store.logDir === undefined ? 'silent' : 'info' });
  } catch (error) {
    store.release();
    throw error;
  }
  const bank = embeddedSandbox({ port: 0, ...bankOptions, dataDir: store.bankDir }, demoCertificatePem());
  // The same vendor profile the app would list (docs/vendor-profile.md).
  const vendorProfile = loadVendorProfile(vendorProfilePaths({ env: process.env, dataDir: store.dataDir }));
  const authorization = new TerminalAuthorization({ autoPsu: options.autoPsu, showUrl: options.showUrl, note: options.note });
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const frontEnd: FrontEnd = {
    authorizationPort: () => authorization,
    // A terminal command is the person at the machine: reads they start are PSU-present.
    psuIpAddress: psuIpAddress(),
    // `connect` ends when the connection is made; `sync` is the command that reads the bank.
    syncAfterConnect: false,
    emit: (event, payload) => {
      for (const listener of listeners.get(event) ?? []) (listener as (p: typeof payload) => void)(payload);
    },
  };
  let session;
  try {
    session = storeSession(store, (s) => {
      const core = createAppCore({ fetch, ...storeWorld(s), redirectUri: loopbackRedirectUri(global.callbackPort), logger, embedded: bank, vendorProfile });
      return { core, handlers: createHandlers(core, frontEnd) };
    });
  } catch (error) {
    store.release();
    throw error;
  }
  const { handlers } = session;
  const opened = session;
  const unattended: Handlers = withFailureLog(logger, {
    ...handlers,
    'sync:run': async ({ connectionId }) => {
      const core = opened.core();
      // Locked: the session's own handler says so, as every other method does.
      if (core === undefined) return handlers['sync:run']({ connectionId });
      if (connectionId !== undefined) core.connections.get(connectionId);
      return core.sync.run({ trigger: 'schedule', ...(connectionId === undefined ? {} : { connectionId }) });
    },
  });
  let closed = false;
  return {
    call: (method, input) => dispatch(handlers, method, input, toAppError),
    invoke: (method, input) => dispatch(handlers, method, input, toAppError) as never,
    syncUnattended: (input) => dispatch(unattended, 'sync:run', input, toAppError) as Promise<Result<SyncSummary>>,
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (payload: never) => void);
      return () => set.delete(listener as (payload: never) => void);
    },
    core: () => opened.core(),
    logger,
    logFailure: (error, context) => logFailure(logger, error, context),
    ephemeral: store.ephemeral?.reason,
    cancelAuthorization: () => authorization.close(),
    async close() {
      if (closed) return;
      closed = true;
      authorization.close();
      // Releases the data folder's lock too.
      opened.close();
      await bank.close();
    },
  };
}
