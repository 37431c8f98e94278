/**
 * Browser mode in a real Chromium for end-to-end tests of the screens: the host with the built
 * renderer, the embedded sandbox bank, SQLite in a temp folder and the OS keychain under a test
 * service; the demo PSU connected through the bank's own pages, as a person does it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type { Connection, SyncStatus } from '../../common/index.js';
import type { RunningHost } from '../../host/server.js';
import { startWebApp } from '../../host/web-app.js';
import { embeddedSandbox, type EmbeddedSandbox } from '../../sandbox/embedded.js';
import type { SandboxOptions } from '../../sandbox/index.js';
import { appContext, CHROMIUM, connectDemoBank, ensureRenderer, hostInvoker, openAppPage, RENDERER_DIR } from './browser-app.js';
import { demoCertificatePem } from './certificates.js';
import { TestKeychain } from './core-world.js';

export const CHROMIUM_ARGS = CHROMIUM.args;

/** Polls `read` until `holds` (hooks cannot use expect.poll); fails with what it saw last. */
export async function until<T>(what: string, read: () => Promise<T>, holds: (value: T) => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < end) {
    last = await read();
    if (holds(last)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what}: still ${JSON.stringify(last)} after ${timeoutMs} ms`);
}

export interface BrowserAppOptions {
  /** One line per request the host answers (`GET /oauth/callback 400`); the host's own logging when absent. */
  log?: (line: string) => void;
  /** The bank the host embeds, made in the app's temp folder (a test that stops it); the host's own sandbox when absent. */
  bank?: (dir: string) => EmbeddedSandbox;
  /** Knobs of the embedded bank the host makes when no `bank` is given (e.g. a shorter `settleMs`). */
  bankOptions?: SandboxOptions;
}

export interface BrowserApp {
  host: RunningHost;
  browser: Browser;
  /** The host's data folder, in the app's temp folder. */
  dataDir: string;
  /** The sandbox bank's origin, learned from its login page (for its `/sandbox/...` control routes). */
  bankOrigin(): string;
  /** The host's API as the page calls it, for assertions that do not depend on the page's layout. */
  invoke<T>(method: string, input?: unknown): Promise<T>;
  /** A context (Romanian unless told), closed with the next `reset` or `close`. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A page of the app in a new context (Romanian unless told), with CSP violations collected. */
  openApp(options?: BrowserContextOptions, url?: string): Promise<{ context: BrowserContext; page: Page; violations: string[] }>;
  /** Connects the demo PSU with every account through the bank's pages, and waits for the sync that follows. */
  connectDemo(context: BrowserContext, page: Page): Promise<void>;
  /**
   * Between tests: closes the contexts opened so far, and cancels a sign-in left open (a test
   * that failed mid-sign-in leaves nobody to close its popup, and there is one slot).
   */
  reset(): Promise<void>;
  close(): Promise<void>;
}

export async function startBrowserApp(options: BrowserAppOptions = {}): Promise<BrowserApp> {
  ensureRenderer();
  const dir = mkdtempSync(join(tmpdir(), 'conturi-e2e-'));
  const dataDir = join(dir, 'data');
  const keychain = new TestKeychain();
  const bank = options.bank?.(dir) ?? (options.bankOptions === undefined ? undefined : embeddedSandbox({ port: 0, dataDir: join(dir, 'bank'), ...options.bankOptions }, demoCertificatePem));
  const host = await startWebApp({
    port: 0, staticDir: RENDERER_DIR, dataDir, keychain, bank, log: options.log,
    openExternal: async () => {
      throw new Error('window mode must not open the system browser');
    },
  });
  const browser = await chromium.launch(CHROMIUM);
  const contexts: BrowserContext[] = [];
  const invoke = hostInvoker(() => host);
  let bankPage: string | undefined;

  async function closeContexts(): Promise<void> {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  }

  return {
    host,
    browser,
    dataDir,
    bankOrigin: () => {
      if (bankPage === undefined) throw new Error('no bank page seen yet: connect first');
      return bankPage;
    },
    invoke,
    async newContext(contextOptions) {
      const context = await appContext(browser, contextOptions);
      contexts.push(context);
      return context;
    },
    async openApp(contextOptions, url = host.url) {
      const opened = await openAppPage(browser, url, contextOptions);
      contexts.push(opened.context);
      return opened;
    },
    async connectDemo(context, page) {
      bankPage = await connectDemoBank(context, page);
      await until('the connection', async () => (await invoke<Connection[]>('connections:list')).map((c) => c.status), (s) => s.length === 1 && s[0] === 'active', 20_000);
      await until('the sync after the connect', () => invoke<SyncStatus>('sync:status'), (s) => !s.running && s.lastRun !== undefined, 60_000);
    },
    async reset() {
      await closeContexts();
      await invoke('connections:cancel-authorization');
    },
    async close() {
      await closeContexts();
      await browser.close();
      await host.close();
      await keychain.clear();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
