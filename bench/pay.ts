/**
 * Paying in browser mode, in Chromium against the embedded sandbox bank settling in 3 s
 * (`--settle-ms 3000`), the demo PSU connected through the bank's pages as a person does it:
 *
 *   pay.clicks_to_bank_page   the clicks from the overview until the bank's page for a saved
 *                             beneficiary is open, counted around each click the script makes
 *   pay.status_latency_ms     from the bank's settlement to the final status shown on the
 *                             payment's timeline (median of RUNS payments; the max is printed)
 *
 * The beneficiary is saved the way a person saves one, outside the count: a first payment typed
 * into the form with "save as beneficiary" ticked, which gives it a last amount, so its Pay link
 * opens the review. The bank settles lazily at the next request; its books' `finalAt` is the end
 * of the settle lifecycle (docs/sandbox-control.md), the first moment anyone could have read the
 * final status, so the figure includes the follower's wait for its next poll.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { AccountsView, PaymentView, Result, SyncStatus } from '../common/index.js';
import { MemoryKeychain } from '../core/keychain/memory-keychain.js';
import { startWebApp } from '../host/web-app.js';
import { embeddedSandbox } from '../sandbox/embedded.js';
import { median } from './measure.js';
import { report } from './results.js';

const SETTLE_MS = 3000;
/** Payments timed through the beneficiary's Pay link (the first, saving the beneficiary, is timed too). */
const RUNS = 7;
const BENEFICIARY = { name: 'Maria Popescu', iban: 'RO49AAAA1B31007593840000', amount: '10,00' };
const FINAL = /\((ACSC|ACCC|RJCT|CANC|PART)\)$/;

/**
 * In the page before its scripts: every text the timeline's status line takes, with the
 * wall-clock instant of the frame that painted it (the observer fires before the paint).
 */
const STATUS_PROBE = `(() => {
  window.__statusShown = [];
  let last = null;
  const record = () => {
    const text = document.querySelector('.payment-state[role=status]')?.textContent ?? null;
    const key = location.hash + '|' + text;
    if (text === null || key === last) return;
    last = key;
    const hash = location.hash;
    requestAnimationFrame(() => window.__statusShown.push({ hash, text, at: performance.timeOrigin + performance.now() }));
  };
  document.addEventListener('DOMContentLoaded', () => new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true }));
})()`;

interface Shown { hash: string; text: string; at: number }
interface BankBooks { payments: { paymentId: string; status: string; finalAt?: string }[] }

export async function benchPay(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'conturi-bench-pay-'));
  const pem = readFileSync(new URL('../sandbox/demo-tpp/demo-tpp.cert.pem', import.meta.url), 'utf8');
  const bank = embeddedSandbox({ port: 0, dataDir: join(dir, 'bank'), settleMs: SETTLE_MS }, pem);
  const app = await startWebApp({
    port: 0, staticDir: join(process.cwd(), 'dist', 'renderer'), dataDir: join(dir, 'data'), keychain: new MemoryKeychain(), bank,
    openExternal: async () => {
      throw new Error('browser mode opens the bank in a popup, never the system browser');
    },
  });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  const secret = new URL(app.url).hash.slice('#secret='.length);
  const invoke = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const res = await fetch(`${app.origin}/api/invoke`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-conturi-secret': secret }, body: JSON.stringify({ method, input }) });
    const result = (await res.json()) as Result<T>;
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
  const started = performance.now();
  try {
    const context = await browser.newContext({ locale: 'ro-RO', viewport: { width: 1280, height: 900 } });
    await context.addInitScript(STATUS_PROBE);
    const page = await context.newPage();
    await page.goto(app.url);
    const bankOrigin = await connectDemo(context, page);
    for (let waited = 0; ; waited++) {
      const s = await invoke<SyncStatus>('sync:status');
      if (!s.running && s.lastRun !== undefined) break;
      if (waited > 240) throw new Error('the sync after connecting the demo did not end');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const { accounts } = await invoke<AccountsView>('accounts:list');
    const ron = accounts.find((a) => a.kind === 'account' && a.currency === 'RON' && a.cashAccountType === 'CurrentAccount');
    if (ron?.iban === undefined) throw new Error('the demo PSU has no RON current account');

    /** Confirms on the bank's page, then waits for the final status on the timeline: ms from the bank's settlement to it shown. */
    const confirmAndTime = async (popup: Page): Promise<number> => {
      await signIn(popup);
      const payer = popup.getByLabel('Iban Cont platitor');
      if ((await payer.count()) > 0 && (await payer.evaluate((e) => e.tagName)) === 'SELECT') await payer.selectOption(ron.iban as string);
      const closed = popup.waitForEvent('close', { timeout: 30_000 });
      await popup.getByRole('button', { name: 'Confirm plata!' }).click();
      await closed;
      await page.waitForURL(/#\/payments\/[^/?]+$/);
      const hash = new URL(page.url()).hash;
      // A function, not a string: the page's CSP has no 'unsafe-eval' for Playwright to build one from text.
      const handle = await page.waitForFunction(
        ([h, final]) => (globalThis as unknown as { __statusShown: Shown[] }).__statusShown.find((s) => s.hash === h && new RegExp(final).test(s.text)),
        [hash, FINAL.source] as const, { timeout: 60_000, polling: 100 });
      const shown = (await handle.jsonValue()) as Shown;
      if (!/\(ACSC\)$/.test(shown.text)) throw new Error(`the payment ended as ${shown.text}, not settled`);
      const view = await invoke<PaymentView>('payments:get', { paymentId: decodeURIComponent(hash.slice('#/payments/'.length)) });
      const bankId = 'paymentId' in view.state ? view.state.paymentId : null;
      const books = (await (await fetch(`${bankOrigin}/sandbox/payments`)).json()) as BankBooks;
      const finalAt = books.payments.find((p) => p.paymentId === bankId)?.finalAt;
      if (finalAt === undefined) throw new Error(`the bank has no settlement time for ${String(bankId)}`);
      return shown.at - Date.parse(finalAt);
    };

    // The beneficiary saved as a person saves one: a payment typed in the form, the box ticked.
    await nav(page, 'Plăți');
    await page.getByRole('link', { name: 'Plată nouă' }).click();
    await page.getByLabel('Plătești din').selectOption(ron.id);
    await page.getByLabel('Numele beneficiarului').fill(BENEFICIARY.name);
    await page.getByLabel('IBAN').fill(BENEFICIARY.iban);
    await page.getByLabel('Suma').fill(BENEFICIARY.amount);
    await page.getByLabel('Detalii').fill('Chirie');
    await page.getByLabel('Salvează ca beneficiar').check();
    await page.getByRole('button', { name: 'Verifică plata' }).click();
    const first = context.waitForEvent('page');
    await page.getByRole('button', { name: 'Plătește la bancă' }).click();
    const latencies = [await confirmAndTime(await first)];
    for (let waited = 0; !(await invoke<{ name: string; lastAmount?: unknown }[]>('beneficiaries:list')).some((b) => b.name === BENEFICIARY.name && b.lastAmount !== undefined); waited++) {
      if (waited > 100) throw new Error('the beneficiary was not saved with its last amount');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }

    const clicks: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await page.evaluate("location.hash = '#/'");
      await page.getByRole('heading', { name: 'Prezentare generală' }).waitFor();
      let count = 0;
      const click = async (target: ReturnType<Page['getByRole']>) => {
        await target.click();
        count += 1;
      };
      await click(page.getByRole('navigation').getByRole('link', { name: 'Plăți', exact: true }));
      await click(page.getByRole('link', { name: `Plătește către ${BENEFICIARY.name}` }));
      const opened = context.waitForEvent('page', { timeout: 30_000 });
      await click(page.getByRole('button', { name: 'Plătește la bancă' }));
      const popup = await opened;
      // Reached when the bank's own page is on screen: its login form.
      await popup.getByLabel('User CEConline').waitFor({ timeout: 30_000 });
      clicks.push(count);
      latencies.push(await confirmAndTime(popup));
    }

    report('pay.clicks_to_bank_page', 'clicks from the overview to the bank’s page (saved beneficiary)', Math.max(...clicks), 'clicks', 3);
    report('pay.status_latency_ms', `  bank’s settlement to status shown (median of ${latencies.length}, settle 3 s)`, median(latencies), 'ms', 2000);
    console.log(`  (status latency max ${Math.max(...latencies).toFixed(0)} ms, each: ${latencies.map((l) => l.toFixed(0)).join(', ')}; the payments part took ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  } finally {
    await browser.close();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true }).click();

/** The PSU's login on the bank's page (the demo user's code is the sandbox's fixed one). */
async function signIn(popup: Page): Promise<void> {
  await popup.getByLabel('User CEConline').waitFor({ timeout: 30_000 });
  await popup.getByLabel('User CEConline').fill('demo');
  await popup.getByLabel('Cod acces').fill('123456');
  await popup.getByRole('button', { name: 'Login' }).click();
}

/** The welcome screen's demo bank, every account granted on the bank's consent page; answers the bank's origin. */
async function connectDemo(context: BrowserContext, page: Page): Promise<string> {
  const opened = context.waitForEvent('page');
  await page.getByRole('button', { name: 'Încercați banca demo' }).click();
  const popup = await opened;
  await signIn(popup);
  const origin = new URL(popup.url()).origin;
  await popup.getByRole('checkbox', { name: 'Selecteaza / Deselecteaza tot' }).check();
  const closed = popup.waitForEvent('close', { timeout: 30_000 });
  await popup.getByRole('button', { name: 'Permit Acces!' }).click();
  await closed;
  return origin;
}

// `npx tsx bench/pay.ts` runs this part alone (results.json is written by the full `npm run bench` only).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  benchPay().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
