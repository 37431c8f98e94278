/**
 * Browser mode in a real Chromium for end-to-end tests of the screens: the host with the built
 * renderer, the embedded sandbox bank, SQLite in a temp folder and the OS keychain under a test
 * service; the demo PSU connected through the bank's own pages, as a person does it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import type { Connection, Result, SyncStatus } from '../../common/index.js';
import type { RunningHost } from '../../host/server.js';
import { startWebApp } from '../../host/web-app.js';
import { resources } from '../../renderer/src/i18n/resources.js';
import { signInAndAllowAll } from './browser-app.js';
import { TestKeychain } from './core-world.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const staticDir = process.env.E2E_RENDERER_DIR ?? join(process.cwd(), 'dist', 'renderer');

/** Polls `check` until it holds (hooks cannot use expect.poll); fails with what it saw last. */
async function until<T>(what: string, read: () => Promise<T>, holds: (value: T) => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < end) {
    last = await read();
    if (holds(last)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${what}: still ${JSON.stringify(last)} after ${timeoutMs} ms`);
}

export interface BrowserApp {
  host: RunningHost;
  browser: Browser;
  /** The sandbox bank's origin, learned from its login page (for its `/sandbox/...` control routes). */
  bankOrigin(): string;
  /** The host's API as the page calls it, for assertions that do not depend on the page's layout. */
  invoke<T>(method: string, input?: unknown): Promise<T>;
  /** A page of the app in a new context (Romanian unless told), with CSP violations collected. */
  openApp(options?: BrowserContextOptions, url?: string): Promise<{ context: BrowserContext; page: Page; violations: string[] }>;
  /** Connects the demo PSU with every account through the bank's pages, and waits for the sync that follows. */
  connectDemo(context: BrowserContext, page: Page): Promise<void>;
  close(): Promise<void>;
}

export async function startBrowserApp(): Promise<BrowserApp> {
  if (!existsSync(join(staticDir, 'index.html'))) execFileSync('npx', ['vite', 'build'], { stdio: 'inherit', timeout: 180_000 });
  const dir = mkdtempSync(join(tmpdir(), 'conturi-e2e-'));
  const keychain = new TestKeychain();
  const host = await startWebApp({
    port: 0, staticDir, dataDir: join(dir, 'data'), keychain,
    openExternal: async () => {
      throw new Error('window mode must not open the system browser');
    },
  });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  let bank: string | undefined;

  async function invoke<T>(method: string, input: unknown = {}): Promise<T> {
    const secret = new URL(host.url).hash.slice('#secret='.length);
    const res = await fetch(`${host.origin}/api/invoke`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-conturi-secret': secret }, body: JSON.stringify({ method, input }) });
    const result = (await res.json()) as Result<T>;
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value;
  }

  return {
    host,
    browser,
    bankOrigin: () => {
      if (bank === undefined) throw new Error('no bank page seen yet: connect first');
      return bank;
    },
    invoke,
    async openApp(options = {}, url = host.url) {
      const context = await browser.newContext({ locale: 'ro-RO', ...options });
      contexts.push(context);
      const page = await context.newPage();
      const violations: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      await page.goto(url);
      return { context, page, violations };
    },
    async connectDemo(context, page) {
      const opened = context.waitForEvent('page');
      await page.getByRole('button', { name: resources.ro.welcome.demoButton }).click();
      const popup = await opened;
      await popup.getByLabel('User CEConline').waitFor({ timeout: 20_000 });
      bank = new URL(popup.url()).origin;
      await signInAndAllowAll(popup, 'demo');
      await until('the connection', async () => (await invoke<Connection[]>('connections:list')).map((c) => c.status), (s) => s.length === 1 && s[0] === 'active', 20_000);
      await until('the sync after the connect', () => invoke<SyncStatus>('sync:status'), (s) => !s.running && s.lastRun !== undefined, 60_000);
    },
    async close() {
      await Promise.all(contexts.splice(0).map((c) => c.close()));
      await browser.close();
      await host.close();
      await keychain.clear();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
