/**
 * The pieces every browser-mode test in Chromium is made of: the browser, the built renderer,
 * a page of the app, the host's API, and the person's clicks on the bank's own pages. A test
 * that runs the host in-process takes them assembled from screens-app.ts (`startBrowserApp`).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import type { Result } from '../../common/index.js';
import type { RunningHost } from '../../host/server.js';
import { welcome } from '../../renderer/src/i18n/locales/ro/welcome.js';

/** Debian's Chromium, headless, quiet: nothing of it reaches the network but our hosts. */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

/** The built renderer the host serves; `E2E_RENDERER_DIR` points the tests at another build (same contract). */
export const RENDERER_DIR = process.env.E2E_RENDERER_DIR ?? join(process.cwd(), 'dist', 'renderer');

/** Builds the renderer when there is no build yet (a fresh checkout); an existing build is used as it is. */
export function ensureRenderer(): void {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) execFileSync('npx', ['vite', 'build'], { stdio: 'inherit', timeout: 180_000 });
}

/** The secret the host's address carries in its fragment (`#secret=…`), which the page sends with each call. */
export const secretOf = (url: string): string => new URL(url).hash.slice('#secret='.length);

/** The host's API as the page calls it, for assertions that do not depend on the page's layout. */
export function hostInvoker(host: () => Pick<RunningHost, 'url' | 'origin'>) {
  return async function invoke<T>(method: string, input: unknown = {}): Promise<T> {
    const { url, origin } = host();
    const res = await fetch(`${origin}/api/invoke`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-conturi-secret': secretOf(url) }, body: JSON.stringify({ method, input }) });
    const result = (await res.json()) as Result<T>;
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
}

/** A browser context as the tests' person has it: Romanian, so the app shows Romanian, on a laptop's screen. */
export function appContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ locale: 'ro-RO', viewport: { width: 1280, height: 900 }, ...options });
}

/** The app in a new context, with CSP violations collected: the renderer must run under the host's policy. */
export async function openAppPage(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page; violations: string[] }> {
  const context = await appContext(browser, options);
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(url);
  return { context, page, violations };
}

/** A screen opened from the sidebar by its exact name, as a person does it. */
export const openScreen = (page: Page, name: string): Promise<void> =>
  page.getByRole('navigation').getByRole('link', { name, exact: true }).click();

/** Clicks (or double-clicks) the page's button that opens the bank's page, and waits for the popup's login form. */
export async function openBankPopup(context: BrowserContext, page: Page, button: string, { double = false } = {}): Promise<Page> {
  const opened = context.waitForEvent('page');
  if (double) await page.getByRole('button', { name: button }).dblclick();
  else await page.getByRole('button', { name: button }).click();
  const popup = await opened;
  await popup.getByLabel('User CEConline').waitFor({ timeout: 20_000 });
  return popup;
}

/** The PSU signs in on the bank's login form; what follows is the consent page, or the payment's. */
export async function signIn(popup: Page, user: string): Promise<void> {
  await popup.getByLabel('User CEConline').waitFor({ timeout: 20_000 });
  await popup.getByLabel('User CEConline').fill(user);
  await popup.getByLabel('Cod acces').fill('123456');
  await popup.getByRole('button', { name: 'Login' }).click();
}

/** The PSU grants every account on the bank's consent page; the bank then redirects, and the popup closes. */
export async function allowAll(popup: Page): Promise<void> {
  await popup.getByRole('heading', { name: 'Solicitare acord accesare conturi' }).waitFor({ timeout: 20_000 });
  await popup.getByRole('checkbox', { name: 'Selecteaza / Deselecteaza tot' }).check();
  const closed = popup.waitForEvent('close', { timeout: 20_000 });
  await popup.getByRole('button', { name: 'Permit Acces!' }).click();
  await closed;
}

/** The PSU on the bank's own pages: the login form, then the consent page with every account granted. */
export async function signInAndAllowAll(popup: Page, user: string): Promise<void> {
  await signIn(popup, user);
  await allowAll(popup);
}

/**
 * A first run's one-click way in: the welcome screen's demo bank, the demo PSU signed in with
 * every account granted. Returns the bank's origin, read from its page (for its `/sandbox/...` routes).
 */
export async function connectDemoBank(context: BrowserContext, page: Page): Promise<string> {
  const popup = await openBankPopup(context, page, welcome.demoButton);
  const bankOrigin = new URL(popup.url()).origin;
  await signInAndAllowAll(popup, 'demo');
  return bankOrigin;
}

/** A notification as the page asked the browser to show it. */
export interface ShownNotification { title: string; body?: string; tag?: string }

/**
 * Records every `Notification` the app's pages of `context` construct, through the browser's own
 * constructor (wrapped, not replaced: the permission is the browser's). A string, as the tests
 * compile without the DOM library.
 */
export async function recordNotifications(context: BrowserContext): Promise<void> {
  await context.addInitScript(`(() => {
    const Real = window.Notification;
    const shown = [];
    window.__notifications = shown;
    window.Notification = class extends Real {
      constructor(title, options = {}) {
        shown.push({ title, body: options.body, tag: options.tag });
        super(title, options);
      }
    };
  })()`);
}

/** What a page of a context given to `recordNotifications` has shown so far. */
export const notificationsOf = (page: Page): Promise<ShownNotification[]> => page.evaluate<ShownNotification[]>('window.__notifications');
