/**
 * The payments screens in browser mode, in a real Chromium, against the embedded sandbox bank:
 * a payment from the form to the bank's page to ACSC on its timeline, a refusal, pay again from a
 * transaction, a bulk CSV with an invalid row that sends nothing, a cancel before authorisation,
 * and the clicks from the overview to the bank's page for a saved beneficiary.
 */
import { welcome } from '../../renderer/src/i18n/locales/ro/welcome.js';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AccountsView, Connection, PaymentView, Result, SyncStatus } from '../../common/index.js';
import type { RunningHost } from '../../host/server.js';
import { startWebApp } from '../../host/web-app.js';
import { TestKeychain } from '../helpers/core-world.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const staticDir = process.env.E2E_RENDERER_DIR ?? join(process.cwd(), 'dist', 'renderer');
const CREDITOR = { name: 'Maria Popescu', iban: 'RO49AAAA1B31007593840000' };

/** Waits for a condition outside a test (expect.poll is for tests). */
async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting for the demo connection');
    await new Promise((r) => setTimeout(r, 250));
  }
}

interface BankCounts { initiated: number; authorised: number; settled: number; payments: { paymentId: string; bulkId?: string; authorised: boolean }[] }

describe('payments in browser mode', () => {
  let dir: string;
  let keychain: TestKeychain;
  let host: RunningHost;
  let browser: Browser;
  let bankOrigin: string | undefined;
  let ronAccount: AccountsView['accounts'][number];
  const contexts: BrowserContext[] = [];

  async function invoke<T>(method: string, input: unknown = {}): Promise<T> {
    const secret = new URL(host.url).hash.slice('#secret='.length);
    const res = await fetch(`${host.origin}/api/invoke`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-conturi-secret': secret }, body: JSON.stringify({ method, input }) });
    const result = (await res.json()) as Result<T>;
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value;
  }

  /** The sandbox's own books: what the bank holds, whatever the app says. */
  async function bankCounts(): Promise<BankCounts> {
    if (bankOrigin === undefined) throw new Error('the bank’s origin is learnt from its first page');
    const res = await fetch(`${bankOrigin}/sandbox/payments`);
    return (await res.json()) as BankCounts;
  }

  async function openApp(): Promise<{ context: BrowserContext; page: Page; violations: string[] }> {
    const context = await browser.newContext({ locale: 'ro-RO' });
    contexts.push(context);
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await page.goto(host.url);
    return { context, page, violations };
  }

  const nav = (page: Page, name: string) => page.getByRole('navigation').getByRole('link', { name, exact: true }).click();

  /** Clicks the button that opens the bank's page and answers the popup on its login form. */
  async function bankPage(context: BrowserContext, page: Page, button: string, { double = false } = {}): Promise<Page> {
    const opened = context.waitForEvent('page');
    if (double) await page.getByRole('button', { name: button }).dblclick();
    else await page.getByRole('button', { name: button }).click();
    const popup = await opened;
    await popup.getByLabel('User CEConline').waitFor({ timeout: 20_000 });
    bankOrigin ??= new URL(popup.url()).origin;
    await popup.getByLabel('User CEConline').fill('demo');
    await popup.getByLabel('Cod acces').fill('123456');
    await popup.getByRole('button', { name: 'Login' }).click();
    return popup;
  }

  async function decide(popup: Page, decision: 'Confirm plata!' | 'Refuz plata!'): Promise<void> {
    const closed = popup.waitForEvent('close', { timeout: 20_000 });
    await popup.getByRole('button', { name: decision }).click();
    await closed.catch(async (error: unknown) => {
      throw new Error(`the bank's page stayed open: ${await popup.locator('body').innerText().catch(() => '?')}`, { cause: error });
    });
  }

  /** The form filled as a person types it: the Romanian amount, the account in RON. */
  async function fillForm(page: Page, amount: string): Promise<void> {
    await nav(page, 'Plăți');
    await page.getByRole('link', { name: 'Plată nouă' }).click();
    await page.getByLabel('Plătești din').selectOption(ronAccount.id);
    await page.getByLabel('Numele beneficiarului').fill(CREDITOR.name);
    await page.getByLabel('IBAN').fill(CREDITOR.iban.toLowerCase());
    await page.getByLabel('Suma').fill(amount);
    await page.getByLabel('Detalii').fill('Chirie');
  }

  const timelineState = (page: Page) => page.getByRole('status').filter({ hasText: /\((RCVD|ACCP|ACTC|ACSP|ACSC|RJCT|CANC|PART)\)|Ciornă|trimite/ });

  beforeAll(async () => {
    if (!existsSync(join(staticDir, 'index.html'))) execFileSync('npx', ['vite', 'build'], { stdio: 'inherit', timeout: 180_000 });
    dir = mkdtempSync(join(tmpdir(), 'conturi-pay-e2e-'));
    keychain = new TestKeychain();
    host = await startWebApp({ port: 0, staticDir, dataDir: join(dir, 'data'), keychain, openExternal: async () => { throw new Error('window mode must not open the system browser'); } });
    browser = await chromium.launch({ executablePath, args });
    // Demo connected once, with every account, through the same popup as a person's.
    const context = await browser.newContext({ locale: 'ro-RO' });
    const page = await context.newPage();
    await page.goto(host.url);
    const opened = context.waitForEvent('page');
    // A first run: the welcome screen's one-click demo bank.
    await page.getByRole('button', { name: welcome.demoButton }).click();
    const popup = await opened;
    await popup.getByLabel('User CEConline').fill('demo');
    await popup.getByLabel('Cod acces').fill('123456');
    await popup.getByRole('button', { name: 'Login' }).click();
    await popup.getByRole('checkbox', { name: 'Selecteaza / Deselecteaza tot' }).check();
    const closed = popup.waitForEvent('close', { timeout: 20_000 });
    await popup.getByRole('button', { name: 'Permit Acces!' }).click();
    await closed;
    await until(async () => (await invoke<Connection[]>('connections:list')).every((c) => c.status === 'active'), 20_000);
    // The sync after the connect brings the balances (the funds check) and the transactions (pay again).
    await until(async () => (await invoke<SyncStatus>('sync:status')).lastRun !== undefined, 60_000);
    const { accounts } = await invoke<AccountsView>('accounts:list');
    ronAccount = accounts.find((a) => a.kind === 'account' && a.currency === 'RON' && a.cashAccountType === 'CurrentAccount') as typeof ronAccount;
    await context.close();
  }, 240_000);

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
    await invoke('connections:cancel-authorization');
  });

  afterAll(async () => {
    await browser?.close();
    await host?.close();
    await keychain?.clear();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('a payment typed the Romanian way, reviewed with the funds advice, confirmed at the bank: ACSC on its timeline, one payment at the bank', { timeout: 120_000 }, async () => {
    const { context, page, violations } = await openApp();
    await fillForm(page, '1.234,56');
    await page.getByText('Se citește: RO49 AAAA 1B31 0075 9384 0000').waitFor();
    await page.getByLabel('Salvează ca beneficiar').check();
    await page.getByRole('button', { name: 'Verifică plata' }).click();
    await page.getByText('1.234,56 RON').waitFor();
    await page.getByText(/Fonduri (disponibile|insuficiente)/).waitFor({ timeout: 30_000 });
    const popup = await bankPage(context, page, 'Plătește la bancă');
    const before = await bankCounts();
    await decide(popup, 'Confirm plata!');
    await expect.poll(() => timelineState(page).innerText(), { timeout: 60_000 }).toBe('Executată (ACSC)');
    const after = await bankCounts();
    expect(after.initiated).toBe(before.initiated);
    expect(after.authorised - before.authorised).toBe(1);
    // The timeline lists each step it went through, the bank's id shown.
    await expect.poll(async () => (await page.getByRole('list', { name: 'Stare' }).innerText()).includes('RCVD'), { timeout: 10_000 }).toBe(true);
    // Saved with one tick: the address book has them, with this amount as the last.
    await expect.poll(async () => (await invoke<{ name: string; lastAmount?: { amount: string } }[]>('beneficiaries:list')).map((b) => [b.name, b.lastAmount?.amount]), { timeout: 20_000 })
      .toEqual([[CREDITOR.name, '1234.56']]);
    expect(violations).toEqual([]);
  });

  it('a refusal on the bank’s page ends as RJCT on the timeline', { timeout: 90_000 }, async () => {
    const { context, page } = await openApp();
    await fillForm(page, '10,00');
    await page.getByRole('button', { name: 'Verifică plata' }).click();
    const intents = (await invoke<PaymentView[]>('payments:list', {})).length;
    const before = await bankCounts();
    // A double click on Pay: one intent, one payment at the bank.
    const popup = await bankPage(context, page, 'Plătește la bancă', { double: true });
    await decide(popup, 'Refuz plata!');
    await expect.poll(() => timelineState(page).innerText(), { timeout: 30_000 }).toBe('Refuzată (RJCT)');
    expect((await invoke<PaymentView[]>('payments:list', {})).length).toBe(intents + 1);
    expect((await bankCounts()).initiated).toBe(before.initiated + 1);
  });

  it('a payment is cancelled before authorisation: CANC, and the bank never executes it', { timeout: 90_000 }, async () => {
    const { context, page } = await openApp();
    await fillForm(page, '7,50');
    await page.getByRole('button', { name: 'Verifică plata' }).click();
    const popup = await bankPage(context, page, 'Plătește la bancă');
    await popup.getByRole('button', { name: 'Confirm plata!' }).waitFor();
    const before = await bankCounts();
    await page.getByRole('button', { name: 'Anulează plata' }).click();
    await expect.poll(() => timelineState(page).innerText(), { timeout: 30_000 }).toMatch(/^Anulată \(CANC\)$/);
    expect(await page.getByRole('button', { name: 'Anulează plata' }).count()).toBe(0);
    const after = await bankCounts();
    expect([after.authorised, after.settled]).toEqual([before.authorised, before.settled]);
  });

  it('pay again from an outgoing transaction: two clicks to the review, prefilled', { timeout: 90_000 }, async () => {
    const { page } = await openApp();
    // The account's money going out, as the transactions screen lists it; the first transfer to an IBAN is the one to pay again.
    await page.evaluate(`location.hash = '#/transactions?dir=out&account=${encodeURIComponent(ronAccount.id)}'`);
    const list = page.getByRole('list', { name: 'Lista tranzacțiilor' }).locator('.tx-row:not(.tx-skeleton)');
    await list.first().waitFor({ timeout: 20_000 });
    const dialog = page.getByRole('dialog', { name: 'Detaliile tranzacției' });
    let clicks = 0;
    for (let i = 0; i < 40 && clicks === 0; i++) {
      await list.nth(i).click();
      await dialog.waitFor();
      const again = dialog.getByRole('link', { name: /^Plătește din nou/ });
      if ((await again.count()) === 0) {
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
        continue;
      }
      clicks = 1; // the transaction, opened
      await again.click();
      clicks += 1;
    }
    await page.getByRole('heading', { name: 'Verifică plata' }).waitFor();
    await page.getByRole('button', { name: 'Plătește la bancă' }).waitFor();
    expect(clicks).toBe(2);
    // Prefilled from the transaction: its counterparty's IBAN in groups of four, its amount, from its account.
    const review = await page.locator('.payment-review').innerText();
    expect(review).toMatch(/[A-Z]{2}\d{2}( [A-Z0-9]{4})+/);
    expect(review).toMatch(/\d,\d{2} RON/);
    expect(review).toContain((ronAccount.iban ?? '').replace(/(.{4})(?=.)/g, '$1 '));
  });

  it('a bulk CSV with one invalid row: the row and column named, nothing sent', { timeout: 90_000 }, async () => {
    const { page } = await openApp();
    const before = await bankCounts();
    await nav(page, 'Plăți');
    await page.getByRole('link', { name: 'Plată în bloc' }).click();
    const csv = `creditorName;creditorIban;amount;currency;details\n${CREDITOR.name};${CREDITOR.iban};12,50;RON;Chirie\nIon Ionescu;RO49AAAA1B31007593840001;5,00;RON;Factura\n`;
    await page.getByLabel('Fișier CSV').setInputFiles({ name: 'bulk.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByText(/^Rândul 3, coloana IBAN: IBAN "RO49AAAA1B31007593840001" has wrong check digits/).first().waitFor({ timeout: 20_000 });
    await page.getByText('1 problemă: nu se trimite nimic până nu o corectezi în fișier.').waitFor();
    expect(await page.getByRole('button', { name: 'Plătește tot blocul la bancă' }).count()).toBe(0);
    expect(await bankCounts()).toMatchObject({ initiated: before.initiated });
    expect(await invoke<PaymentView[]>('payments:list', {})).not.toContainEqual(expect.objectContaining({ kind: 'bulk' }));
  });

  it('a valid bulk CSV: one authorisation for every row, each row’s status, ACSC at the end', { timeout: 120_000 }, async () => {
    const { context, page } = await openApp();
    await nav(page, 'Plăți');
    await page.getByRole('link', { name: 'Plată în bloc' }).click();
    await page.getByLabel('Plătești din').selectOption(ronAccount.id);
    const csv = `creditorName;creditorIban;amount;details\n${CREDITOR.name};${CREDITOR.iban};12,50;Chirie\nFurnizor Energie SRL;RO09BCYP0000001234567890;3,25;Factura\n`;
    await page.getByLabel('Fișier CSV').setInputFiles({ name: 'bulk.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByText('Total: 15,75 RON', { exact: false }).waitFor({ timeout: 20_000 });
    const before = await bankCounts();
    const popup = await bankPage(context, page, 'Plătește tot blocul la bancă');
    await decide(popup, 'Confirm plata!');
    await expect.poll(() => timelineState(page).innerText(), { timeout: 60_000 }).toBe('Executată (ACSC)');
    const rows = page.locator('.payments-table tbody tr');
    expect(await rows.count()).toBe(2);
    await expect.poll(async () => (await rows.allInnerTexts()).every((r) => r.includes('ACSC')), { timeout: 20_000 }).toBe(true);
    // One authorisation for the whole bulk: both transfers at the bank under one bulk, both authorised.
    const known = new Set(before.payments.map((p) => p.paymentId));
    const fresh = (await bankCounts()).payments.filter((p) => !known.has(p.paymentId));
    expect(fresh.map((p) => [p.bulkId !== undefined, p.authorised])).toEqual([[true, true], [true, true]]);
    expect(new Set(fresh.map((p) => p.bulkId)).size).toBe(1);
  });

  it('pay.clicks_to_bank_page: from the overview to the bank’s page for a saved beneficiary in at most 3 clicks', { timeout: 90_000 }, async () => {
    const { context, page } = await openApp();
    let clicks = 0;
    await nav(page, 'Plăți'); clicks += 1;
    await page.getByRole('link', { name: `Plătește către ${CREDITOR.name}` }).click(); clicks += 1;
    const opened = context.waitForEvent('page');
    await page.getByRole('button', { name: 'Plătește la bancă' }).click(); clicks += 1;
    const popup = await opened;
    await popup.getByLabel('User CEConline').waitFor({ timeout: 20_000 });
    expect(clicks).toBeLessThanOrEqual(3);
    console.log(`pay.clicks_to_bank_page ${clicks}`);
  });

  it('the address book: each beneficiary with the IBAN in groups of four and the last amount; Delete removes one', { timeout: 90_000 }, async () => {
    const { page } = await openApp();
    await nav(page, 'Plăți');
    await page.getByRole('link', { name: 'Beneficiari' }).click();
    const entry = page.getByRole('list', { name: 'Beneficiari' }).getByRole('listitem').filter({ hasText: CREDITOR.name });
    await expect.poll(() => entry.innerText(), { timeout: 20_000 }).toContain('RO49 AAAA 1B31 0075 9384 0000');
    expect(await entry.innerText()).toMatch(/Ultima plată: \d/);
    await page.getByRole('button', { name: `Șterge ${CREDITOR.name}` }).click();
    await expect.poll(async () => (await invoke<unknown[]>('beneficiaries:list')).length, { timeout: 20_000 }).toBe(0);
    await page.getByText('Niciun beneficiar salvat.', { exact: false }).waitFor();
  });
});
