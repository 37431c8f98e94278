/**
 * Browser mode end to end, in a real Chromium: the host serves the built renderer, the person
 * connects the sandbox bank through the popup the page opens, the bank redirects the popup to the
 * host's loopback route, and the page lists the accounts. Everything is real except the person:
 * the sandbox bank over HTTP, SQLite in a temp folder, the OS keychain under a test service.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AccountsView, Connection, Result } from '../../common/index.js';
import type { RunningHost } from '../../host/server.js';
import { startWebApp } from '../../host/web-app.js';
import { TestKeychain } from '../helpers/core-world.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** `E2E_RENDERER_DIR` points the test at another build of the renderer (same contract). */
const staticDir = process.env.E2E_RENDERER_DIR ?? join(process.cwd(), 'dist', 'renderer');
const CONNECT = 'Conecteaza banca';

describe('browser mode in Chromium', () => {
  let dir: string;
  let keychain: TestKeychain;
  let host: RunningHost;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  /** The host's API as the page calls it, for assertions that do not depend on the page's layout. */
  async function invoke<T>(method: string, input: unknown = {}): Promise<T> {
    const secret = new URL(host.url).hash.slice('#secret='.length);
    const res = await fetch(`${host.origin}/api/invoke`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-conturi-secret': secret }, body: JSON.stringify({ method, input }) });
    const result = (await res.json()) as Result<T>;
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value;
  }

  /** The app's page, with CSP violations collected: the renderer must run under the host's policy. */
  async function openApp(): Promise<{ context: BrowserContext; page: Page; violations: string[] }> {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(host.url);
    return { context, page, violations };
  }

  /** Clicks Connect and follows the popup to the bank's login form. */
  async function connectPopup(context: BrowserContext, page: Page): Promise<Page> {
    const popupOpened = context.waitForEvent('page');
    await page.getByRole('button', { name: CONNECT }).click();
    const popup = await popupOpened;
    await popup.getByLabel('User CEConline').waitFor({ timeout: 20_000 });
    return popup;
  }

  async function login(popup: Page): Promise<void> {
    await popup.getByLabel('User CEConline').fill('demo');
    await popup.getByLabel('Cod acces').fill('123456');
    await popup.getByRole('button', { name: 'Login' }).click();
  }

  beforeAll(async () => {
    if (!existsSync(join(staticDir, 'index.html'))) {
      execFileSync('npx', ['vite', 'build'], { stdio: 'inherit', timeout: 180_000 });
    }
    dir = mkdtempSync(join(tmpdir(), 'conturi-e2e-'));
    keychain = new TestKeychain();
    host = await startWebApp({
      port: 0,
      staticDir,
      dataDir: join(dir, 'data'),
      keychain,
      openExternal: async () => {
        throw new Error('window mode must not open the system browser');
      },
    });
    browser = await chromium.launch({ executablePath, args });
  }, 240_000);

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await keychain?.clear();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('a popup closed by the person ends the attempt as cancelled and lists no connection', async () => {
    const { context, page, violations } = await openApp();
    const popup = await connectPopup(context, page);
    await popup.close();
    // The page notices the closed popup and cancels; core then removes the half-made connection.
    await expect.poll(async () => (await invoke<Connection[]>('connections:list')).length, { timeout: 15_000 }).toBe(0);
    await expect.poll(() => invoke<{ cancelled: boolean }>('connections:cancel-authorization').then((r) => r.cancelled), { timeout: 15_000 }).toBe(false);
    await page.waitForTimeout(500);
    expect(await page.getByRole('listitem').filter({ hasText: /CECE/ }).count()).toBe(0);
    // A new attempt is allowed at once: the cancelled one no longer holds the single slot.
    expect(await page.getByRole('button', { name: CONNECT }).isEnabled()).toBe(true);
    expect(violations).toEqual([]);
  });

  it('a refusal on the bank page closes the popup and lists no connection', async () => {
    const { context, page } = await openApp();
    const popup = await connectPopup(context, page);
    await login(popup);
    const closed = popup.waitForEvent('close', { timeout: 20_000 });
    await popup.getByRole('button', { name: 'Nu sunt de acord!' }).click();
    await closed;
    await expect.poll(async () => (await invoke<Connection[]>('connections:list')).length, { timeout: 15_000 }).toBe(0);
  });

  it('connects demo through the popup and lists the accounts with balances', async () => {
    const { context, page, violations } = await openApp();
    const popup = await connectPopup(context, page);
    await login(popup);
    await popup.getByRole('checkbox', { name: 'Selecteaza / Deselecteaza tot' }).check();
    const closed = popup.waitForEvent('close', { timeout: 20_000 });
    await popup.getByRole('button', { name: 'Permit Acces!' }).click();
    // The bank redirects to the host's loopback route, whose page closes the popup.
    await closed;

    await expect.poll(async () => (await invoke<Connection[]>('connections:list')).map((c) => c.status), { timeout: 20_000 }).toEqual(['active']);
    const { accounts } = await invoke<AccountsView>('accounts:list');
    expect(accounts).toHaveLength(4);
    const ibans = accounts.flatMap((a) => (a.iban === undefined ? [] : [a.iban]));
    expect(ibans).toHaveLength(3);
    for (const iban of ibans) expect(iban).toMatch(/^RO\d{2}CECE/);

    // Rows may print an IBAN grouped in fours or compact, and a card by its last four digits;
    // each row carries an amount such as "1.234,56".
    const rows = page.getByRole('listitem');
    for (const account of accounts) {
      const spelled = account.iban !== undefined
        ? new RegExp(account.iban.split('').join('\\s?'))
        : new RegExp(`(?<!\\d)${(account.maskedPan ?? '').slice(-4)}(?!\\d)`);
      const row = rows.filter({ hasText: spelled }).first();
      await expect.poll(() => row.isVisible(), { timeout: 20_000 }).toBe(true);
      expect(await row.innerText()).toMatch(/\d,\d{2}/);
    }
    expect(await rows.filter({ hasText: /RO\d{2}\s?CECE/ }).count()).toBeGreaterThanOrEqual(3);

    // Revoking asks once more before the bank's access ends; "Anuleaza" changes nothing.
    await page.getByRole('button', { name: 'Revoca' }).click();
    await page.getByRole('group', { name: 'Confirmare' }).getByRole('button', { name: 'Anuleaza' }).click();
    expect((await invoke<Connection[]>('connections:list')).map((c) => c.status)).toEqual(['active']);
    await page.getByRole('button', { name: 'Revoca' }).click();
    await page.getByRole('button', { name: 'Da, revoca accesul' }).click();
    await expect.poll(async () => (await invoke<Connection[]>('connections:list')).map((c) => c.status), { timeout: 20_000 }).toEqual(['revoked']);
    await expect.poll(() => page.getByText('revocat', { exact: true }).first().isVisible(), { timeout: 20_000 }).toBe(true);
    expect(violations).toEqual([]);
  });
});
