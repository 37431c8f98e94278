/**
 * The Transactions and Account screens end to end, in Chromium against browser mode on the
 * sandbox bank: the demo PSU connected through the bank's pages, its history synced into the
 * store, then searched, filtered, reloaded, exported and opened as a person does it. Results are
 * checked against the bank's own ledger (`/sandbox/psus/demo/ledger`), not only against the app.
 */
import { readFileSync } from 'node:fs';
import { parse as parseOfx } from 'ofx-js';
import Papa from 'papaparse';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountsView, StoredAccount, SyncSummary, TransactionCounts, TransactionsView } from '../../common/index.js';
import { startBrowserApp, type BrowserApp } from '../helpers/screens-app.js';
import type { LedgerAccount, LedgerTx } from '../sandbox/ledger-support.js';

/** Exact millionths of a decimal text, for comparing amounts without binary floats. */
function micros(text: string): bigint {
  const [int = '0', frac = ''] = text.replace(/^-/, '').split('.');
  const value = BigInt(int) * 1_000_000n + BigInt(frac.padEnd(6, '0').slice(0, 6));
  return text.startsWith('-') ? -value : value;
}
const all = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
const SHOP = 'Cărturești Timișoara';
/** Whether the element has the focus (tests compile without the DOM library, so its shape is named by hand). */
const focused = (el: unknown) => (el as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement === el;

describe('the Transactions and Account screens in Chromium', () => {
  let app: BrowserApp;
  let context: BrowserContext;
  let page: Page;
  let violations: string[];
  let ron: StoredAccount;
  let ledger: { today: string; accounts: LedgerAccount[] };

  const found = () => page.locator('.tx-found');
  const rows = () => page.getByRole('list', { name: 'Lista tranzacțiilor' }).locator('.tx-row:not(.tx-skeleton)');
  const count = (filter: object) => app.invoke<TransactionCounts>('transactions:count', filter);
  const foundText = (n: number) => new RegExp(`^${n} (de )?tranzac(ț|ț)i(e|i) găsit(ă|e)$`);
  const openTransactions = async (query = '') => {
    await page.goto(`${app.host.origin}/#/transactions${query}`);
    await found().filter({ hasText: /găsit/ }).waitFor({ timeout: 20_000 });
  };

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ context, page, violations } = await app.openApp({ permissions: ['clipboard-read', 'clipboard-write'] }));
    await app.connectDemo(context, page);
    ron = (await app.invoke<AccountsView>('accounts:list')).accounts.find((a) => a.kind === 'account' && a.currency === 'RON') as StoredAccount;
    // The bank writes without diacritics; a shop that has them is booked at the bank and synced in.
    const added = await fetch(`${app.bankOrigin()}/sandbox/psus/demo/accounts/${ron.iban}/transactions`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'booked', amount: '-87.40', counterpartyName: SHOP, remittance: 'Cumpărare POS cărți' }),
    });
    expect(added.status).toBe(201);
    const summary = await app.invoke<SyncSummary>('sync:run', {});
    expect(summary.stored).toBeGreaterThan(0);
    ledger = (await (await fetch(`${app.bankOrigin()}/sandbox/psus/demo/ledger`)).json()) as typeof ledger;
  }, 240_000);

  afterAll(async () => {
    await app?.close();
  });

  it('search without diacritics finds the transaction whose text has them; `/` focuses the search', async () => {
    await openTransactions();
    await page.locator('body').press('/');
    const search = page.getByRole('searchbox', { name: 'Caută' });
    expect(await search.evaluate(focused)).toBe(true);
    await page.keyboard.type('carturesti timisoara');
    await expect.poll(() => found().innerText(), { timeout: 10_000 }).toMatch(foundText(1));
    // Each key typed starts a new query: the list of a shorter prefix may still be on screen.
    await expect.poll(() => rows().count(), { timeout: 10_000 }).toBe(1);
    expect(await rows().first().innerText()).toContain(SHOP);
    // Typed inside the field, `/` is a character, not a shortcut.
    await search.press('/');
    expect(await search.inputValue()).toBe('carturesti timisoara/');
    expect(new URL(page.url()).hash).toContain('q=carturesti');
  });

  it('filters by account, direction, status, amount and dates, and finds exactly the bank ledger’s rows', async () => {
    const account = ledger.accounts.find((a) => a.iban === ron.iban) as LedgerAccount;
    const from = `${ledger.today.slice(0, 4)}-01-01`;
    const to = ledger.today;
    const expected = account.transactions.filter((t: LedgerTx) => t.status === 'booked' && t.bookingDate !== undefined && t.bookingDate >= from && t.bookingDate <= to
      && micros(t.amount) < 0n && micros(t.amount) >= micros('-500') && micros(t.amount) <= micros('-10'));
    expect(expected.length).toBeGreaterThan(0);

    await openTransactions();
    await page.getByLabel('Cont', { exact: true }).selectOption(ron.id);
    await page.getByLabel('Sens').selectOption('out');
    await page.getByLabel('Stare').selectOption('booked');
    await page.getByLabel('Suma minimă').fill('-500');
    await page.getByLabel('Suma maximă').fill('-10,00');
    await page.getByLabel('De la data').fill(from);
    await page.getByLabel('Până la data').fill(to);
    await expect.poll(() => found().innerText(), { timeout: 10_000 }).toMatch(foundText(expected.length));
    const filter = { accountIds: [ron.id], direction: 'out', status: 'booked', amountMin: '-500', amountMax: '-10.00', dateFrom: from, dateTo: to };
    expect(await count(filter)).toEqual({ booked: expected.length, pending: 0 });
    // The rows on screen are the newest of the store's answer to the same filter.
    const first = await app.invoke<TransactionsView>('transactions:query', { ...filter, limit: 5 });
    // The count may be painted before the rows of the same answer: wait for them, not for a time.
    const shown = () => rows().evaluateAll((els) => els.slice(0, 5).map((el) => Number((el as unknown as { dataset: Record<string, string> }).dataset['rowId'])));
    await expect.poll(shown, { timeout: 10_000 }).toEqual(first.transactions.map((t) => t.rowId));

    // Reload keeps every filter; back undoes the last choice, forward brings it again.
    const address = page.url();
    await page.reload();
    await expect.poll(() => found().innerText(), { timeout: 20_000 }).toMatch(foundText(expected.length));
    expect(await page.getByLabel('Suma maximă').inputValue()).toBe('-10.00');
    expect(await page.getByLabel('Sens').inputValue()).toBe('out');
    await page.goBack();
    await expect.poll(() => page.getByLabel('Până la data').inputValue(), { timeout: 10_000 }).toBe('');
    const wider = await count({ ...filter, dateTo: undefined });
    await expect.poll(() => found().innerText(), { timeout: 10_000 }).toMatch(foundText(wider.booked));
    await page.goForward();
    await expect.poll(() => page.url(), { timeout: 10_000 }).toBe(address);
    await expect.poll(() => found().innerText(), { timeout: 10_000 }).toMatch(foundText(expected.length));
    expect(violations).toEqual([]);
  });

  it('filters by category, in the address too; the count is the store’s for that category', async () => {
    await openTransactions();
    const groceries = await count({ categoryIds: ['groceries'] });
    expect(groceries.booked + groceries.pending).toBeGreaterThan(0);
    await page.getByLabel('Categorie').selectOption('groceries');
    await expect.poll(() => found().innerText(), { timeout: 10_000 }).toMatch(foundText(groceries.booked + groceries.pending));
    expect(new URL(page.url()).hash).toContain('cat=groceries');
    expect(await rows().first().innerText()).toContain('Cumpărături');
  });

  it('exports the filter as CSV and as OFX; the CSV holds the ledger’s rows, the OFX reads back with the same booked transactions', async () => {
    await openTransactions(`?account=${encodeURIComponent(ron.id)}&dir=out`);
    const expected = (ledger.accounts.find((a) => a.iban === ron.iban) as LedgerAccount).transactions.filter((t) => micros(t.amount) < 0n);
    const ids = (list: { transactionId?: string; entryReference?: string }[]) => list.map((t) => t.transactionId ?? t.entryReference ?? '').sort();

    const csvDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exportă CSV' }).click();
    const csv = await csvDownload;
    expect(csv.suggestedFilename()).toMatch(/^conturi-\d{4}-\d{2}-\d{2}\.csv$/);
    const csvText = readFileSync(await csv.path(), 'utf8');
    expect(csvText.startsWith('\uFEFF')).toBe(true);
    const records = Papa.parse<Record<string, string>>(csvText.slice(1), { header: true, skipEmptyLines: true }).data;
    expect(records.length).toBe(expected.length);
    expect(records.every((r) => r.accountId === ron.id && micros(r.amount ?? '0') < 0n)).toBe(true);
    expect(records.map((r) => r.bankTransactionId).sort()).toEqual(ids(expected));
    expect(records.find((r) => r.counterpartyName === SHOP)).toMatchObject({ amount: '-87.40', remittance: 'Cumpărare POS cărți', status: 'booked' });
    await expect.poll(() => page.getByRole('group', { name: 'Export' }).getByRole('status').innerText()).toMatch(new RegExp(`are ${expected.length} (de )?tranzac`));

    const ofxDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Exportă OFX' }).click();
    const ofxFile = await ofxDownload;
    expect(ofxFile.suggestedFilename()).toMatch(/\.ofx$/);
    const ofx = await parseOfx(readFileSync(await ofxFile.path(), 'utf8'));
    const statements = all(ofx.OFX.BANKMSGSRSV1.STMTTRNRS).map((s: { STMTRS: Record<string, any> }) => s.STMTRS);
    expect(statements).toHaveLength(1);
    const transactions = all(statements[0]?.BANKTRANLIST.STMTTRN) as Record<string, string>[];
    const booked = records.filter((r) => r.status === 'booked');
    expect(transactions.map((t) => t.FITID).sort()).toEqual(booked.map((r) => r.bankTransactionId).sort());
    const byId = new Map(booked.map((r) => [r.bankTransactionId, r]));
    for (const t of transactions) expect(micros(t.TRNAMT ?? '')).toBe(micros(byId.get(t.FITID)?.amount ?? ''));
    expect(transactions.find((t) => t.NAME === SHOP)?.TRNAMT).toBe('-87.40');
  });

  it('an account’s screen: balances by type, the chart, pending apart from booked, the details drawer, Copy IBAN', async () => {
    await page.goto(`${app.host.origin}/#/`);
    // The overview's account rows link to the account's screen.
    await page.getByRole('link').filter({ hasText: new RegExp((ron.iban ?? '').split('').join('\\s?')) }).first().click();
    await expect.poll(() => page.url()).toContain(`#/accounts/${encodeURIComponent(ron.id)}`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    for (const label of ['Sold contabil', 'Disponibil']) await page.getByText(label, { exact: true }).first().waitFor();
    await page.getByRole('heading', { name: 'Soldul în timp' }).waitFor();

    const counts = await count({ accountIds: [ron.id] });
    await found().filter({ hasText: /găsit/ }).waitFor({ timeout: 20_000 });
    if (counts.pending > 0) {
      const headings = await page.locator('.tx-heading').allInnerTexts();
      expect(headings[0]).toMatch(/^În așteptare: /);
      expect(headings[1]).toMatch(/^Înregistrate: /);
    }

    // The details: a modal dialog with the bank's fields; Esc closes it and focus is back on the row.
    const row = rows().first();
    await row.click();
    const dialog = page.getByRole('dialog', { name: 'Detaliile tranzacției' });
    await dialog.waitFor();
    expect(await dialog.getByText('Sumă', { exact: true }).isVisible()).toBe(true);
    expect(await dialog.getByText('Identificatorul băncii').isVisible()).toBe(true);
    // Every field the bank gave, read when the dialog opens: Berlin Group fields by name, with their path.
    const sent = dialog.getByRole('region', { name: 'Ce a trimis banca' });
    await sent.getByText('transactionAmount.amount', { exact: true }).waitFor();
    expect(await sent.getByText('Suma tranzacției', { exact: true }).isVisible()).toBe(true);
    const inDialog = () => page.evaluate<boolean>('document.querySelector("dialog.drawer").contains(document.activeElement)');
    expect(await inDialog()).toBe(true);
    for (const key of ['Tab', 'Tab', 'Shift+Tab']) {
      await page.keyboard.press(key);
      expect(await inDialog(), key).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await row.evaluate(focused)).toBe(true);

    await page.getByRole('button', { name: 'Copiază IBAN' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'IBAN copiat' }).count()).toBe(1);
    expect(await page.evaluate<string>('navigator.clipboard.readText()')).toBe(ron.iban);
    expect(violations).toEqual([]);
  });
});
