import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Result } from '../../common/index.js';
import type { RunningHost } from '../../host/server.js';

/** Debian's Chromium, headless, quiet: nothing of it reaches the network but our hosts. */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

/** The host's API as the page calls it, for assertions that do not depend on the page's layout. */
export function hostInvoker(host: () => RunningHost) {
  return async function invoke<T>(method: string, input: unknown = {}): Promise<T> {
    const { url, origin } = host();
    const secret = new URL(url).hash.slice('#secret='.length);
    const res = await fetch(`${origin}/api/invoke`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-conturi-secret': secret }, body: JSON.stringify({ method, input }) });
    const result = (await res.json()) as Result<T>;
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
}

/** The app in a Romanian browser context, with CSP violations collected: the renderer must run under the host's policy. */
export async function openAppPage(browser: Browser, url: string): Promise<{ context: BrowserContext; page: Page; violations: string[] }> {
  const context = await browser.newContext({ locale: 'ro-RO', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const violations: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.goto(url);
  return { context, page, violations };
}

/** The PSU on the bank's own pages: the login form, then the consent page with every account granted. */
export async function signInAndAllowAll(popup: Page, user: string): Promise<void> {
  await popup.getByLabel('User CEConline').waitFor({ timeout: 20_000 });
  await popup.getByLabel('User CEConline').fill(user);
  await popup.getByLabel('Cod acces').fill('123456');
  await popup.getByRole('button', { name: 'Login' }).click();
  await popup.getByRole('heading', { name: 'Solicitare acord accesare conturi' }).waitFor({ timeout: 20_000 });
  await popup.getByRole('checkbox', { name: 'Selecteaza / Deselecteaza tot' }).check();
  const closed = popup.waitForEvent('close', { timeout: 20_000 });
  await popup.getByRole('button', { name: 'Permit Acces!' }).click();
  await closed;
}
