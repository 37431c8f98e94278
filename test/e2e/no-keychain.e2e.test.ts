/**
 * `npm run web` on a machine without an OS keychain (no Secret Service on the D-Bus session): it
 * starts anyway, on the embedded sandbox only, keeps nothing on disk, and the page says so. The
 * host runs as the person runs it, `tsx host/cli.ts`, in a child whose D-Bus address leads
 * nowhere; a real Chromium drives the page and the bank's popup.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection, Result } from '../../common/index.js';
import { common } from '../../renderer/src/i18n/locales/ro/common.js';
import { welcome } from '../../renderer/src/i18n/locales/ro/welcome.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const staticDir = process.env.E2E_RENDERER_DIR ?? join(process.cwd(), 'dist', 'renderer');

describe('browser mode without an OS keychain, in Chromium', () => {
  let dir: string;
  let child: ChildProcess;
  let url: string;
  let exited: Promise<number | null>;
  let browser: Browser;

  async function invoke<T>(method: string, input: unknown = {}): Promise<T> {
    const secret = new URL(url).hash.slice('#secret='.length);
    const res = await fetch(new URL('/api/invoke', url), { method: 'POST', headers: { 'content-type': 'application/json', 'x-conturi-secret': secret }, body: JSON.stringify({ method, input }) });
    const result = (await res.json()) as Result<T>;
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value;
  }

  beforeAll(async () => {
    if (!existsSync(join(staticDir, 'index.html'))) throw new Error(`no renderer in ${staticDir}: npm run build:renderer`);
    dir = mkdtempSync(join(tmpdir(), 'conturi-nokeychain-'));
    // node itself, not the tsx launcher: the SIGTERM below must reach the host's own handler, not a relay.
    child = spawn(process.execPath, ['--import', 'tsx', 'host/cli.ts', '--no-open', '--data-dir', join(dir, 'data'), '--static-dir', staticDir], {
      env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/conturi-e2e/bus' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    let out = '';
    let err = '';
    child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
    url = await new Promise<string>((resolve, reject) => {
      child.stdout?.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0] as string);
      });
      child.on('exit', (code) => reject(new Error(`npm run web exited ${code}: ${err}`)));
    });
    browser = await chromium.launch({ executablePath, args });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    child?.kill('SIGTERM');
    await exited;
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('starts, shows that nothing is kept and why, connects the sandbox, and leaves nothing in the data folder', async () => {
    const context = await browser.newContext({ locale: 'ro-RO' });
    const page = await context.newPage();
    await page.goto(url);
    const banner = page.getByRole('status').filter({ hasText: common.ephemeral });
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.textContent()).toContain('gnome-keyring');

    const popupOpened = context.waitForEvent('page');
    // The first run's one-click way in: the demo bank.
    await page.getByRole('button', { name: welcome.demoButton }).click();
    const popup = await popupOpened;
    await popup.getByLabel('User CEConline').fill('demo');
    await popup.getByLabel('Cod acces').fill('123456');
    await popup.getByRole('button', { name: 'Login' }).click();
    await popup.getByRole('checkbox', { name: 'Selecteaza / Deselecteaza tot' }).check();
    const closed = popup.waitForEvent('close', { timeout: 20_000 });
    await popup.getByRole('button', { name: 'Permit Acces!' }).click();
    await closed;
    await expect.poll(async () => (await invoke<Connection[]>('connections:list')).map((c) => c.status), { timeout: 20_000 }).toEqual(['active']);
    await page.getByRole('listitem').filter({ hasText: /CECE|\d{4}/ }).first().waitFor({ timeout: 20_000 });
    await context.close();

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // Nothing at all: no database, no bank state, no lock, and no log file (an ephemeral log goes to stderr).
    expect(existsSync(join(dir, 'data')) ? readdirSync(join(dir, 'data')) : []).toEqual([]);
  }, 90_000);
});
