/**
 * bench/ui.ts's browser-mode host in a process of its own, as `npm run web` runs it: the page's
 * requests are served on an event loop nothing else uses. In the bench's own process they shared
 * it with playwright's client, whose every call (a stack captured with source maps under tsx,
 * 10-15 ms) then delayed the very requests being measured. The database key comes over the IPC
 * channel, never on a command line; the parent sends `{ dataDir, staticDir, keyHex }` and gets
 * `{ url, origin }` back once the host listens, then `close` ends it.
 */
import { fork } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MemoryKeychain } from '../core/keychain/memory-keychain.js';
import { DATABASE_KEY_ENTRY } from '../core/store/database-key.js';
import { startWebApp } from '../host/web-app.js';

interface Start {
  dataDir: string;
  staticDir: string;
  keyHex: string;
}

export interface UiHost {
  url: string;
  origin: string;
  close(): Promise<void>;
}

/** Starts the host process over the store in `dataDir` and resolves once it listens. */
export async function startUiHost(start: Start): Promise<UiHost> {
  const child = fork(fileURLToPath(import.meta.url), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const listening = new Promise<{ url: string; origin: string }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { url: string; origin: string }));
    child.once('exit', (code) => reject(new Error(`the UI bench's host exited (${code}) before it listened`)));
  });
  child.send(start);
  const { url, origin } = await listening;
  return {
    url,
    origin,
    async close() {
      child.send('close');
      await exited;
    },
  };
}

async function serve(start: Start): Promise<void> {
  const keychain = new MemoryKeychain();
  await keychain.set(DATABASE_KEY_ENTRY, start.keyHex);
  const app = await startWebApp({ port: 0, staticDir: start.staticDir, dataDir: start.dataDir, keychain });
  process.on('message', (m) => {
    if (m !== 'close') return;
    void app.close().then(() => process.exit(0));
  });
  process.send?.({ url: app.url, origin: app.origin });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.once('message', (m) => {
    serve(m as Start).catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
  });
}
