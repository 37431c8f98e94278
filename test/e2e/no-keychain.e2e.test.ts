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
import type { Connection } from '../../common/index.js';
import { common } from '../../renderer/src/i18n/locales/ro/common.js';
import { CHROMIUM, connectDemoBank, hostInvoker, openAppPage, RENDERER_DIR as staticDir } from '../helpers/browser-app.js';

describe('browser mode without an OS keychain, in Chromium', () => {
  let dir: string;
  let child: ChildProcess;
  let url: string;
  let exited: Promise<number | null>;
  let browser: Browser;

  const invoke = hostInvoker(() => ({ url, origin: new URL(url).origin }));

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
    browser = await chromium.launch(CHROMIUM);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    child?.kill('SIGTERM');
    await exited;
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('starts, shows that nothing is kept and why, connects the sandbox, and leaves nothing in the data folder', async () => {
    const { context, page } = await openAppPage(browser, url);
    const banner = page.getByRole('status').filter({ hasText: common.ephemeral });
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.textContent()).toContain('gnome-keyring');

    // The first run's one-click way in: the demo bank.
    await connectDemoBank(context, page);
    await expect.poll(async () => (await invoke<Connection[]>('connections:list')).map((c) => c.status), { timeout: 20_000 }).toEqual(['active']);
    await page.getByRole('listitem').filter({ hasText: /CECE|\d{4}/ }).first().waitFor({ timeout: 20_000 });
    await context.close();

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    // Nothing at all: no database, no bank state, no lock, and no log file (an ephemeral log goes to stderr).
    expect(existsSync(join(dir, 'data')) ? readdirSync(join(dir, 'data')) : []).toEqual([]);
  }, 90_000);
});
