/**
 * The transaction list's reuse of its line elements, in Chromium against browser mode on the
 * sandbox bank: a line that leaves the window hands its element to one that comes in, so these
 * tests check that a reused element shows and opens its new row, never the one it showed before,
 * that a focused row does not pass its focus on to another row, and that the document order (the
 * reading and Tab order) stays the lines' order.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredTransaction, TransactionsView } from '../../common/index.js';
import { startBrowserApp, type BrowserApp } from '../helpers/screens-app.js';

interface Line {
  posinset: number;
  rowId: string | null;
  text: string;
  /** The position this element showed when it was tagged, if it was. */
  tagged: number | null;
}

describe('the transaction list reuses its line elements', () => {
  let app: BrowserApp;
  let context: BrowserContext;
  let page: Page;
  /** The list's lines as the host orders them: pending heading and rows, then booked heading and rows. */
  let expected: (StoredTransaction | 'heading')[];

  const lines = () => page.evaluate<Line[]>(`[...document.querySelectorAll('.tx-lines.virtual .tx-line')].map((li) => ({
    posinset: Number(li.getAttribute('aria-posinset')), rowId: li.querySelector('.tx-row')?.getAttribute('data-row-id') ?? null,
    text: li.innerText, tagged: li.querySelector('button.tx-row')?.__tagged ?? null,
  }))`);
  const scrollTo = async (top: number) => {
    await page.evaluate(`document.querySelector('.tx-scroll').scrollTop = ${top}`);
    await expect.poll(async () => (await lines()).every((l) => l.text.trim() !== '' || expected[l.posinset - 1] === 'heading') && (await page.locator('.tx-lines.virtual .tx-skeleton').count()) === 0, { timeout: 10_000 }).toBe(true);
  };

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ context, page } = await app.openApp());
    await app.connectDemo(context, page);
    const section = async (status: 'pending' | 'booked') => (await app.invoke<TransactionsView>('transactions:query', { status, limit: 500 })).transactions;
    const pending = await section('pending');
    const booked = await section('booked');
    expected = [...(pending.length > 0 ? ['heading' as const, ...pending] : []), 'heading', ...booked];
    await page.goto(`${app.host.origin}/#/transactions`);
    await page.locator('.tx-found').filter({ hasText: /găsit/ }).waitFor({ timeout: 20_000 });
  }, 240_000);

  afterAll(async () => {
    await app?.close();
  });

  it('a reused element shows its new row, in the lines’ order, and opens that row’s details', async () => {
    expect(expected.length).toBeGreaterThan(120);
    await scrollTo(0);
    await page.evaluate(`document.querySelectorAll('.tx-lines.virtual button.tx-row').forEach((b) => { b.__tagged = Number(b.closest('li').getAttribute('aria-posinset')); })`);
    await scrollTo(80 * 56);
    const shown = await lines();
    // Reading and Tab order: the lines in the document as in the list.
    expect(shown.map((l) => l.posinset)).toEqual(shown.map((_, i) => (shown[0]?.posinset ?? 0) + i));
    const reused = shown.filter((l) => l.tagged !== null && l.tagged !== l.posinset);
    expect(reused.length).toBeGreaterThan(0);
    for (const line of shown) {
      const want = expected[line.posinset - 1];
      if (want === 'heading' || want === undefined) continue;
      expect(line.rowId, `line ${line.posinset}`).toBe(String(want.rowId));
      expect(line.text).toContain(want.counterpartyName ?? want.remittance ?? '');
    }
    const target = reused[Math.floor(reused.length / 2)] as Line;
    const row = expected[target.posinset - 1] as StoredTransaction;
    await page.locator(`.tx-line[aria-posinset="${target.posinset}"] button.tx-row`).click();
    const dialog = page.getByRole('dialog', { name: 'Detaliile tranzacției' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(row.id);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await page.evaluate<string | null>('document.activeElement?.getAttribute("data-row-id") ?? null')).toBe(String(row.rowId));
  });

  it('a focused row that leaves the window gives its focus up rather than to the row reusing its element', async () => {
    await scrollTo(0);
    const button = page.locator('.tx-lines.virtual button.tx-row').nth(2);
    const rowId = await button.getAttribute('data-row-id');
    await button.focus();
    await scrollTo(60 * 56);
    const focusedRow = await page.evaluate<string | null>('document.activeElement?.getAttribute("data-row-id") ?? null');
    expect(focusedRow === null || focusedRow === rowId).toBe(true);
  });
});
