/**
 * The app a person uses, in a real Chromium against browser mode and the sandbox bank: the first
 * run through the demo bank's own pages, the overview's totals against what the bank itself says,
 * a second PSU beside the first, revoke, the command palette switching language and theme, axe
 * on every screen in both themes, screenshots of each main screen in both themes and languages,
 * and the bank stopped with the saved data still shown. One host and one connected store for the
 * whole file: the tests run in order, each on what the one before left.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../common/format-money.js';
import type { AccountsView, Connection, Settings, TotalsView } from '../../common/index.js';
import { resources } from '../../renderer/src/i18n/resources.js';
import { embeddedSandbox, type EmbeddedSandbox } from '../../sandbox/embedded.js';
import { bankTotals, microsOf } from '../helpers/bank-balances.js';
import { seriousViolations as seriousViolationsOf } from '../helpers/axe.js';
import { connectDemoBank, openBankPopup, signInAndAllowAll } from '../helpers/browser-app.js';
import { startBrowserApp, type BrowserApp } from '../helpers/screens-app.js';

const SHOTS = join(process.cwd(), 'test-results', 'screens');
const ro = resources.ro;
/** A person's reading of a text: Intl's narrow spaces and line breaks as plain spaces. */
const plain = (s: string) => s.replace(/[\u00a0\u202f\s]+/g, ' ').trim();
/** An IBAN as the page may print it: grouped in fours or compact. */
const spelled = (iban: string) => new RegExp(iban.split('').join('\\s?'));

interface RouteTable {
  NAV_ITEMS: readonly { path: string }[];
  ROUTES: { children?: { index?: boolean; path?: string }[] }[];
}
/**
 * The router's own table, read at run time so screens others add are covered without editing
 * this test. A module path in a variable: the project's Node tsconfig compiles no JSX, vitest does.
 */
const ROUTES_MODULE = '../../renderer/src/ui/routes.tsx';
const routeTable = (): Promise<RouteTable> => import(/* @vite-ignore */ ROUTES_MODULE) as Promise<RouteTable>;

/** Every address the router answers that a person can reach: the sidebar's, then the rest (a parameter filled when known). */
async function appRoutes(accountId: string): Promise<{ path: string; name: string }[]> {
  const { NAV_ITEMS, ROUTES } = await routeTable();
  const children = ROUTES[0]?.children ?? [];
  const fromRoutes = children.flatMap((r) => {
    if (r.index === true) return ['/'];
    if (r.path === undefined || r.path === '*') return [];
    const path = `/${r.path.replace(':accountId', encodeURIComponent(accountId))}`;
    return path.includes('/:') ? [] : [path];
  });
  const paths = [...new Set([...NAV_ITEMS.map((n) => n.path), ...fromRoutes])];
  return paths.map((path) => ({ path, name: path === '/' ? 'overview' : path.slice(1).split('/')[0] as string }));
}

describe('the app’s screens in Chromium', () => {
  let app: BrowserApp;
  let bank: EmbeddedSandbox;
  let context: BrowserContext;
  let page: Page;
  let violations: string[];
  const invoke = <T>(method: string, input?: unknown) => app.invoke<T>(method, input);

  /** The overview's total of one currency as it reads on screen. */
  const shownTotal = (currency: string) => page.locator(`.total[data-currency="${currency}"] .total-amount`).innerText().then(plain);

  /** The app's totals equal what the bank says the PSUs hold, and the overview prints them. */
  async function expectTotalsOf(users: string[]): Promise<void> {
    const origin = await bank.start();
    const expected = new Map<string, bigint>();
    for (const user of users) for (const [c, m] of await bankTotals(origin, user)) expected.set(c, (expected.get(c) ?? 0n) + m);
    await expect.poll(async () => {
      const { totals } = await invoke<TotalsView>('insights:totals');
      return Object.fromEntries(totals.map((t) => [t.currency, microsOf(t.amount)]));
    }, { timeout: 30_000 }).toEqual(Object.fromEntries(expected));
    const { totals } = await invoke<TotalsView>('insights:totals');
    for (const t of totals) {
      await expect.poll(() => shownTotal(t.currency), { timeout: 20_000 }).toBe(plain(formatMoney({ amount: t.amount, currency: t.currency }, { locale: 'ro-RO' })));
    }
  }

  async function openPalette(): Promise<void> {
    await page.keyboard.press('Control+K');
    await page.getByRole('dialog', { name: 'Paletă de comenzi' }).or(page.getByRole('dialog', { name: 'Command palette' })).waitFor();
  }

  /** Runs one palette command by what the person types. */
  async function command(typed: string): Promise<void> {
    await openPalette();
    await page.keyboard.type(typed);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
  }

  /** A screen's content has arrived: no placeholder left, nothing loading. */
  async function settled(): Promise<void> {
    await expect.poll(() => page.locator('.skeleton, [aria-busy="true"]').count(), { timeout: 20_000 }).toBe(0);
    // Two frames: what arrived has been painted (a string: tests compile without the DOM library).
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  }

  async function goTo(path: string): Promise<void> {
    await page.evaluate((p) => { (globalThis as unknown as { location: { hash: string } }).location.hash = `#${p}`; }, path);
    await settled();
  }

  async function setPreferences(patch: Partial<Pick<Settings, 'theme' | 'language'>>): Promise<void> {
    await invoke('settings:set', patch);
    await page.reload();
    await expect.poll(() => page.evaluate(() => (globalThis as unknown as { document: { documentElement: { dataset: Record<string, string> } } }).document.documentElement.dataset['theme'])).toBe(patch.theme ?? 'light');
  }

  const seriousViolations = () => seriousViolationsOf(page);

  beforeAll(async () => {
    app = await startBrowserApp({
      log: () => {},
      // The bank is the test's own, so it can be stopped: the app then finds it offline.
      bank: (dir) => (bank = embeddedSandbox({ port: 0, dataDir: join(dir, 'bank') }, readFileSync(new URL('../../sandbox/demo-tpp/demo-tpp.cert.pem', import.meta.url), 'utf8'))),
    });
    ({ context, page, violations } = await app.openApp());
    mkdirSync(SHOTS, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await app?.close();
    await bank?.close();
  });

  it('first run: the welcome, "Încercați banca demo", the bank’s login and consent pages, then the accounts, totals equal to the bank’s and transactions', { timeout: 120_000 }, async () => {
    await page.getByRole('heading', { name: ro.welcome.heading }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('link', { name: ro.welcome.cecButton }).getAttribute('href')).toBe('#/connect/cec');
    const found: string[] = [];
    for (const language of ['ro', 'en'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        await setPreferences({ theme, language });
        await page.getByRole('heading', { name: resources[language].welcome.heading }).waitFor({ timeout: 20_000 });
        if (language === 'ro') found.push(...(await seriousViolations()).map((v) => `welcome (${theme}): ${v}`));
        await page.screenshot({ path: join(SHOTS, `welcome-${theme}-${language}.png`), fullPage: true });
      }
    }
    expect(found).toEqual([]);
    await setPreferences({ theme: 'light', language: 'ro' });

    await connectDemoBank(context, page);
    await expect.poll(async () => (await invoke<Connection[]>('connections:list')).map((c) => c.status), { timeout: 20_000 }).toEqual(['active']);

    await page.getByRole('heading', { name: ro.overview.heading, level: 1 }).waitFor({ timeout: 20_000 });
    const { accounts } = await invoke<AccountsView>('accounts:list');
    expect(accounts.length).toBeGreaterThanOrEqual(3);
    for (const account of accounts.filter((a) => a.iban !== undefined)) {
      const row = page.locator('.overview-account').filter({ hasText: spelled(account.iban as string) });
      await expect.poll(() => row.count(), { timeout: 20_000 }).toBe(1);
      // Named by product, its balances labelled by type, a link to the account's screen.
      if (account.product !== undefined) expect(await row.innerText()).toContain(account.product);
      await expect.poll(async () => /Sold contabil[\s\S]*\d,\d{2} /.test(await row.innerText()), { timeout: 30_000 }).toBe(true);
      expect(await row.getByRole('link').getAttribute('href')).toBe(`#/accounts/${encodeURIComponent(account.id)}`);
    }
    await expectTotalsOf(['demo']);
    await expect.poll(() => page.getByRole('list', { name: ro.overview.recent }).getByRole('listitem').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.getByText(/^Ultima sincronizare: /).isVisible()).toBe(true);
    expect(violations).toEqual([]);
  });

  it('a second consent, from demo2 on the connections screen, is aggregated beside the first: both groups, totals of both PSUs', { timeout: 120_000 }, async () => {
    await page.getByRole('navigation').getByRole('link', { name: ro.common.nav.connections }).click();
    await page.getByLabel(ro.connections.connectionName).fill('Maria');
    await signInAndAllowAll(await openBankPopup(context, page, ro.connections.connect), 'demo2');
    await expect.poll(async () => (await invoke<Connection[]>('connections:list')).map((c) => c.status), { timeout: 20_000 }).toEqual(['active', 'active']);
    // Each consent lists what the bank granted, with a countdown to its end.
    await expect.poll(() => page.locator('.connection').filter({ hasText: 'Maria' }).locator('.grant').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await page.locator('.connection').filter({ hasText: 'Maria' }).innerText()).toMatch(/mai sunt \d+ de zile, până la \d\d\.\d\d\.\d{4}/);

    await page.getByRole('navigation').getByRole('link', { name: ro.common.nav.overview }).click();
    await expect.poll(() => page.locator('.connection-group').count(), { timeout: 20_000 }).toBe(2);
    expect(await page.locator('.connection-group h3').allInnerTexts()).toEqual([expect.stringContaining(ro.welcome.demoLabel), expect.stringContaining('Maria')]);
    await expectTotalsOf(['demo', 'demo2']);
  });

  it('the command palette switches to English and back, and to the dark theme, through the settings', { timeout: 60_000 }, async () => {
    await command('english');
    await page.getByRole('navigation').getByRole('link', { name: resources.en.common.nav.overview }).waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang)).toBe('en');
    expect((await invoke<Settings>('settings:get')).language).toBe('en');
    await command('romana');
    await page.getByRole('navigation').getByRole('link', { name: ro.common.nav.overview }).waitFor();
    await command('intunecat');
    await expect.poll(() => page.locator('html[data-theme="dark"]').count()).toBe(1);
    expect((await invoke<Settings>('settings:get')).theme).toBe('dark');
    // Jumping to a screen by name, without diacritics.
    await command('conexiuni');
    await page.getByRole('heading', { name: ro.connections.heading, level: 1 }).waitFor();
    await command('luminos');
    await expect.poll(() => page.locator('html[data-theme="light"]').count()).toBe(1);
  });

  it('axe finds no serious or critical violation on any screen, in either theme; a screenshot of each in both themes and languages', { timeout: 240_000 }, async () => {
    const { accounts } = await invoke<AccountsView>('accounts:list');
    const routes = await appRoutes(accounts[0]?.id ?? '');
    const found: string[] = [];
    for (const language of ['ro', 'en'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        await setPreferences({ theme, language });
        for (const { path, name } of routes) {
          await goTo(path);
          if (language === 'ro') found.push(...(await seriousViolations()).map((v) => `${path} (${theme}): ${v}`));
          await page.screenshot({ path: join(SHOTS, `${name}-${theme}-${language}.png`), fullPage: true });
        }
        // The palette is a screen of its own too.
        await openPalette();
        if (language === 'ro') found.push(...(await seriousViolations()).map((v) => `palette (${theme}): ${v}`));
        await page.screenshot({ path: join(SHOTS, `palette-${theme}-${language}.png`) });
        await page.keyboard.press('Escape');
      }
    }
    expect(found).toEqual([]);
    await setPreferences({ theme: 'light', language: 'ro' });
    expect(violations).toEqual([]);
  });

  it('revoke, after a confirmation: the consent ends, its saved accounts and their part of the totals stay in view', { timeout: 120_000 }, async () => {
    await page.getByRole('navigation').getByRole('link', { name: ro.common.nav.connections }).click();
    const first = page.locator('.connection').filter({ hasText: ro.welcome.demoLabel });
    await first.getByRole('button', { name: ro.connections.revoke }).click();
    await first.getByRole('group', { name: ro.connections.confirmHeading }).getByRole('button', { name: ro.common.cancel }).click();
    expect((await invoke<Connection[]>('connections:list')).map((c) => c.status)).toEqual(['active', 'active']);
    await first.getByRole('button', { name: ro.connections.revoke }).click();
    // The keyboard is on the question's answer.
    expect(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string } | null } }).document.activeElement?.textContent)).toBe(ro.connections.confirmRevokeYes);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await invoke<Connection[]>('connections:list')).map((c) => c.status), { timeout: 20_000 }).toEqual(['revoked', 'active']);
    await expect.poll(() => first.getByText(ro.connections.status.revoked, { exact: true }).isVisible(), { timeout: 20_000 }).toBe(true);

    await page.getByRole('navigation').getByRole('link', { name: ro.common.nav.overview }).click();
    const revoked = page.locator('.connection-group').filter({ hasText: ro.welcome.demoLabel });
    await expect.poll(() => revoked.locator('.overview-account').count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    // The person's history does not vanish with the consent: its last balances still count.
    await expectTotalsOf(['demo', 'demo2']);
  });

  it('offline: with the bank stopped, Sync fails as offline and the saved accounts stay, with their age', { timeout: 120_000 }, async () => {
    const live = page.locator('.connection-group').filter({ hasText: 'Maria' });
    const before = await live.locator('.overview-account').count();
    expect(before).toBeGreaterThan(0);
    await bank.close();
    await page.getByRole('button', { name: ro.sync.run }).click();
    const offline = live.locator('.error-state[data-state="offline"]');
    await offline.waitFor({ timeout: 90_000 });
    expect(plain(await offline.innerText())).toMatch(/^Banca nu răspunde\. .*Se arată datele salvate, sincronizate (acum|acum \d+ minut(e|i)?|acum un minut)\.?/);
    expect(await live.locator('.overview-account').count()).toBe(before);
    expect(await shownTotal('RON')).toMatch(/\d,\d{2} RON$/);
    expect(await seriousViolations()).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'overview-offline-light-ro.png'), fullPage: true });
  });
});
