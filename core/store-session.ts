import { methodNames, type AppInfo, type Handlers, type MethodName } from '../common/index.js';
import type { AppCore } from './app-core.js';
import { LocalStoreLockedError } from './errors.js';
import type { LocalStore } from './local-store.js';
import { currentLogFile } from './logging/logger.js';

export interface StoreSession {
  /** The contract's handlers; while the local copy is locked, only `app:info` and `store:reset` answer. */
  handlers: Handlers;
  /** The core running now; undefined while locked. */
  core(): AppCore | undefined;
  close(): void;
}

/**
 * Runs core over a local store, and keeps the app usable when the store's file cannot be opened
 * (its key is gone): every method then fails with LocalStoreLockedError, `app:info` says
 * `locked`, and `store:reset` (the person's "start fresh") moves the file aside and builds core
 * on a new one. The unreadable file is never overwritten.
 */
export function storeSession(
  store: LocalStore,
  build: (store: LocalStore) => { core: AppCore; handlers: Handlers },
  now: () => Date = () => new Date(),
): StoreSession {
  let running: { core: AppCore; handlers: Handlers } | undefined;
  let locked: LocalStoreLockedError | undefined;
  const start = () => {
    try {
      running = build(store);
      locked = undefined;
    } catch (error) {
      if (!(error instanceof LocalStoreLockedError)) throw error;
      locked = error;
    }
  };
  start();

  const lockedInfo = (): AppInfo => ({ ephemeral: false, reason: null, dataDir: store.dataDir, locked: true, logFile: currentLogFile(store.logDir), vendorProfile: null });
  const special: Partial<Handlers> = {
    'app:info': async (input) => (running === undefined ? lockedInfo() : running.handlers['app:info'](input)),
    'store:reset': async (input) => {
      if (running !== undefined) return running.handlers['store:reset'](input);
      store.setAside(now());
      start();
      // TypeScript narrowed `running` before start() replaced it.
      const fresh = running as { handlers: Handlers } | undefined;
      // A new file opens with any key: still locked here would be a bug, and it is not hidden.
      if (fresh === undefined) throw locked ?? new LocalStoreLockedError();
      return fresh.handlers['app:info']({});
    },
  };
  const handlers = Object.fromEntries(
    methodNames.map((name: MethodName) => [
      name,
      special[name] ??
        (async (input: never) => {
          if (running === undefined) throw locked ?? new LocalStoreLockedError();
          return (running.handlers[name] as (input: never) => Promise<unknown>)(input);
        }),
    ]),
  ) as Handlers;
  return {
    handlers,
    core: () => running?.core,
    close() {
      running?.core.close();
      running = undefined;
      store.release();
    },
  };
}
