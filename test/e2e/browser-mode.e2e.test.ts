/**
 * Browser mode end to end, in a real Chromium: the host serves the built renderer, the person
 * connects the sandbox bank through the popup the page opens, the bank redirects the popup to the
 * host's loopback route, and the page lists the accounts; core's notices become the page's
 * Notifications. Everything is real except the person (and, for the notices, the days going by):
 * the sandbox bank over HTTP, SQLite in a temp folder, the OS keychain under a test service.
 */
import { createServer, type Server } from 'node:http';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AccountsView, Connection, SyncStatus } from '../../common/index.js';
import { openLaunchPage } from '../../host/open-browser.js';
import { FORGED_CALLBACK_QUERIES } from '../fixtures/forged-callbacks.js';
import { notificationsOf, openBankPopup, recordNotifications, secretOf, signIn, signInAndAllowAll } from '../helpers/browser-app.js';
import { startBrowserApp, type BrowserApp } from '../helpers/screens-app.js';

/** The first run's way in: the welcome screen's demo bank (there is no connection in these tests when they connect). */
const CONNECT = 'Încercați banca demo';
const SYNC = 'Sincronizează';

/**
 * Run in the page before the Sync click: records every state the bar, the button and the account
 * lines pass through, as the person sees them (a string, as tests compile without the DOM library).
 */
const RECORD_SYNC = `(() => {
  const seen = [];
  window.__syncSeen = seen;
  const snap = () => {
    const bar = document.querySelector('[role=progressbar]');
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === ${JSON.stringify(SYNC)});
    const state = {
      now: bar && bar.getAttribute('aria-valuenow'),
      max: bar && bar.getAttribute('aria-valuemax'),
      disabled: button ? button.disabled : null,
      lines: [...document.querySelectorAll('.sync-line')].map((l) => l.textContent),
    };
    const last = seen[seen.length - 1];
    if (JSON.stringify(last) !== JSON.stringify(state)) seen.push(state);
  };
  snap();
  new MutationObserver(snap).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
})()`;
interface SyncSeen { now: string | null; max: string | null; disabled: boolean | null; lines: string[] }
const clock = (iso: string) => new Date(iso).toLocaleTimeString('ro-RO', { hour: '2-digit', minute: '2-digit' });
const PROBES = FORGED_CALLBACK_QUERIES;

/** The secret a page's tab keeps (tests compile without the DOM library, so the global is named by hand). */
const storedSecret = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage.getItem('conturi.secret'));

/** A page of another site (`localhost`, another port) that fires `<img>` and no-cors fetches at the callback. */
async function startForeignSite(callback: string): Promise<{ url: string; close(): Promise<void> }> {
  const html = `<!doctype html><title>elsewhere</title><script>
    const probes = ${JSON.stringify(PROBES)};
    const hits = probes.flatMap((q) => [
      new Promise((done) => { const img = new Image(); img.onload = img.onerror = done; img.src = ${JSON.stringify(callback)} + '?' + q; }),
      fetch(${JSON.stringify(callback)} + '?' + q + '&via=fetch', { mode: 'no-cors' }).catch(() => undefined),
    ]);
    Promise.all(hits).then(() => { document.title = 'probed'; });
  </script>`;
  const server: Server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://localhost:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('browser mode in Chromium', () => {
  let app: BrowserApp;
  /** One line per request the host answered (`GET /oauth/callback 400`). */
  const hostLog: string[] = [];
  const invoke = <T>(method: string, input?: unknown) => app.invoke<T>(method, input);
  const openApp = (url?: string) => app.openApp({}, url);

  /** Clicks Connect and follows the popup to the bank's login form. */
  const connectPopup = (context: BrowserContext, page: Page) => openBankPopup(context, page, CONNECT);

  /** Connects the demo PSU with all its accounts; the bank redirects to the host's loopback route, whose page closes the popup. */
  async function connectDemo(context: BrowserContext, page: Page): Promise<void> {
    await grantAll(await connectPopup(context, page));
  }

  /** The PSU signs in on the bank's open page and grants every account; the connection becomes active. */
  async function grantAll(popup: Page): Promise<void> {
    await signInAndAllowAll(popup, 'demo');
    await expect.poll(async () => (await invoke<Connection[]>('connections:list')).map((c) => c.status), { timeout: 20_000 }).toEqual(['active']);
  }

  beforeAll(async () => {
    app = await startBrowserApp({ log: (line) => hostLog.push(line) });
  }, 240_000);

  afterEach(async () => {
    await app.reset();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('a popup closed by the person ends the attempt as cancelled and lists no connection', async () => {
    const { context, page, violations } = await openApp();
    const popup = await connectPopup(context, page);
    await popup.close();
    // The page notices the closed popup and cancels; core then removes the half-made connection.
    await expect.poll(async () => (await invoke<Connection[]>('connections:list')).length, { timeout: 15_000 }).toBe(0);
    await expect.poll(() => invoke<{ cancelled: boolean }>('connections:cancel-authorization').then((r) => r.cancelled), { timeout: 15_000 }).toBe(false);
    // The page has taken in the outcome once it says so; only then is the absence of a row news.
    await page.getByText(/Autorizarea a fost anulat[aă]/).first().waitFor({ timeout: 15_000 });
    expect(await page.getByRole('listitem').filter({ hasText: /CECE/ }).count()).toBe(0);
    // A new attempt is allowed at once: the cancelled one no longer holds the single slot.
    expect(await page.getByRole('button', { name: CONNECT }).isEnabled()).toBe(true);
    expect(violations).toEqual([]);
  });

  it('probes from a foreign page while the bank page is open change nothing; the real sign-in still completes', async () => {
    const { context, page } = await openApp();
    const popup = await connectPopup(context, page);
    const foreign = await startForeignSite(`${app.host.origin}/oauth/callback`);
    try {
      const attacker = await context.newPage();
      const before = hostLog.filter((l) => l === 'GET /oauth/callback 400').length;
      await attacker.goto(foreign.url);
      await expect.poll(() => attacker.title(), { timeout: 15_000 }).toBe('probed');
      // Every probe reached the host (an <img> and a fetch each) and was refused; the page of
      // another site could not even read the answers (CORP same-origin).
      expect(hostLog.filter((l) => l === 'GET /oauth/callback 400').length - before).toBe(2 * PROBES.length);
      expect(hostLog.filter((l) => l.startsWith('GET /oauth/callback 200'))).toEqual([]);
      // Direct hits too, as another local program could send them.
      for (const query of PROBES) expect((await fetch(`${app.host.origin}/oauth/callback?${query}`)).status).toBe(400);
      await attacker.close();
    } finally {
      await foreign.close();
    }
    // The sign-in is still open: the bank's page waits, nothing was connected or cancelled.
    expect(popup.isClosed()).toBe(false);
    await grantAll(popup);
    const [connection] = await invoke<Connection[]>('connections:list');
    await invoke('connections:remove', { connectionId: connection?.id });
  });

  it('the bank popup starts without the secret: back on the app origin it cannot call the API; the app tab still reloads', async () => {
    const { context, page } = await openApp();
    const secret = secretOf(app.host.url);
    const popup = await connectPopup(context, page);
    await popup.goto(`${app.host.origin}/`);
    expect(await storedSecret(popup)).toBeNull();
    const status = await popup.evaluate(async (kept) => {
      const res = await fetch('/api/invoke', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-conturi-secret': kept ?? '' },
        body: JSON.stringify({ method: 'connections:list', input: {} }),
      });
      return res.status;
    }, await storedSecret(popup));
    expect(status).toBe(401);
    await popup.close();
    await expect.poll(async () => (await invoke<Connection[]>('connections:list')).length, { timeout: 15_000 }).toBe(0);
    // The app's own tab keeps its secret across a reload (F5).
    await page.reload();
    expect(await storedSecret(page)).toBe(secret);
    await expect.poll(() => page.getByRole('button', { name: CONNECT }).isEnabled(), { timeout: 15_000 }).toBe(true);
  });

  it('opens from a launch ticket once: the page trades it for the secret, a second use is refused', async () => {
    const secret = secretOf(app.host.url);
    const launch = app.host.launchTicket();
    const { page } = await openApp(launch.url);
    await expect.poll(() => storedSecret(page), { timeout: 15_000 }).toBe(secret);
    expect(new URL(page.url()).hash).toBe('');
    await launch.done;
    await expect.poll(() => page.getByRole('button', { name: CONNECT }).isEnabled(), { timeout: 15_000 }).toBe(true);
    const again = await openApp(launch.url);
    await again.page.getByText(/refuzat cererea/i).first().waitFor({ timeout: 15_000 });
    expect(await storedSecret(again.page)).toBeNull();
  });

  it('npm run web opens a 0600 file page that forwards the browser to the app on a ticket', async () => {
    const secret = secretOf(app.host.url);
    const context = await app.newContext();
    const page = await context.newPage();
    await openLaunchPage(app.dataDir, app.host.launchTicket(), async (fileUrl) => {
      await page.goto(fileUrl);
    });
    await expect.poll(() => page.url(), { timeout: 15_000 }).toBe(`${app.host.origin}/`);
    await expect.poll(() => storedSecret(page), { timeout: 15_000 }).toBe(secret);
    await expect.poll(() => page.getByRole('button', { name: CONNECT }).isEnabled(), { timeout: 15_000 }).toBe(true);
  });

  it('a refusal on the bank page closes the popup and lists no connection', async () => {
    const { context, page } = await openApp();
    const popup = await connectPopup(context, page);
    await signIn(popup, 'demo');
    const closed = popup.waitForEvent('close', { timeout: 20_000 });
    await popup.getByRole('button', { name: 'Nu sunt de acord!' }).click();
    await closed;
    await expect.poll(async () => (await invoke<Connection[]>('connections:list')).length, { timeout: 15_000 }).toBe(0);
  });

  it('Sincronizează runs a sync the person watches: the bar fills to the run’s accounts, then "Actualizat la", and the accounts stay listed', { timeout: 120_000 }, async () => {
    const { context, page, violations } = await openApp();
    await connectDemo(context, page);
    // The sync that follows the connect goes first; the person's is the run after it.
    await expect.poll(async () => {
      const status = await invoke<SyncStatus>('sync:status');
      return !status.running && status.lastRun !== undefined;
    }, { timeout: 60_000 }).toBe(true);
    const before = (await invoke<SyncStatus>('sync:status')).lastRun?.finishedAt;
    const { accounts } = await invoke<AccountsView>('accounts:list');
    const total = String(accounts.length);
    const button = page.getByRole('button', { name: SYNC });
    await expect.poll(() => button.isEnabled(), { timeout: 20_000 }).toBe(true);

    await page.evaluate(RECORD_SYNC);
    await button.click();
    await expect.poll(async () => (await invoke<SyncStatus>('sync:status')).lastRun?.finishedAt, { timeout: 30_000 }).not.toBe(before);
    const { lastRun } = await invoke<SyncStatus>('sync:status');
    expect(lastRun?.trigger).toBe('person');

    const bar = page.getByRole('progressbar', { name: 'Sincronizare' });
    await expect.poll(async () => [await bar.getAttribute('aria-valuenow'), await bar.getAttribute('aria-valuemax')], { timeout: 20_000 }).toEqual([total, total]);
    await expect.poll(() => page.getByText(`Actualizat la ${clock(lastRun?.finishedAt ?? '')}`).isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => button.isEnabled(), { timeout: 20_000 }).toBe(true);

    // What the page went through after the click: the button locked, the bar started the new
    // run below its maximum, a line per account said how it went, and the bar ended full.
    const seen = await page.evaluate<SyncSeen[]>('window.__syncSeen');
    expect(seen.some((s) => s.disabled === true)).toBe(true);
    expect(seen.some((s) => s.now !== null && Number(s.now) < accounts.length && s.max === total)).toBe(true);
    expect(seen.flatMap((s) => s.lines).some((l) => /^(pagina \d+|în așteptare|nimic nou|1 nouă|\d+ noi)$/.test(l))).toBe(true);
    expect(seen.at(-1)).toMatchObject({ now: total, max: total, disabled: false });

    // The accounts are still listed, with their balances, read again from the store.
    const rows = page.getByRole('listitem').filter({ hasText: /RO\d{2}\s?CECE/ });
    expect(await rows.count()).toBeGreaterThanOrEqual(3);
    for (const row of await rows.all()) expect(await row.innerText()).toMatch(/\d,\d{2}/);
    expect(violations).toEqual([]);
    const [connection] = await invoke<Connection[]>('connections:list');
    await invoke('connections:remove', { connectionId: connection?.id });
  });

  // Balances and transactions reach the store through the sync that runs right after a connect;
  // until it ends the accounts show without amounts.
  it('connects demo through the popup and lists the accounts with balances and the newest transactions from the store', async () => {
    const { context, page, violations } = await openApp();
    await connectDemo(context, page);
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
      // The balances come with the sync that follows the connect; the list re-reads the store when it ends.
      await expect.poll(async () => /\d,\d{2}/.test(await row.innerText()), { timeout: 20_000 }).toBe(true);
    }
    expect(await rows.filter({ hasText: /RO\d{2}\s?CECE/ }).count()).toBeGreaterThanOrEqual(3);

    // The newest transactions of every account come from the store, on the overview.
    const list = page.getByRole('list', { name: 'Ultimele tranzacții' }).getByRole('listitem');
    await expect.poll(() => list.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const shown = await list.count();

    // Revoking, on the connections screen, asks once more before the bank's access ends; "Anulează" changes nothing.
    await page.getByRole('navigation').getByRole('link', { name: 'Conexiuni' }).click();
    await page.getByRole('button', { name: 'Revocă' }).click();
    await page.getByRole('group', { name: 'Confirmare' }).getByRole('button', { name: 'Anulează' }).click();
    expect((await invoke<Connection[]>('connections:list')).map((c) => c.status)).toEqual(['active']);
    await page.getByRole('button', { name: 'Revocă' }).click();
    await page.getByRole('button', { name: 'Da, revocă accesul' }).click();
    await expect.poll(async () => (await invoke<Connection[]>('connections:list')).map((c) => c.status), { timeout: 20_000 }).toEqual(['revoked']);
    await expect.poll(() => page.getByText('revocat', { exact: true }).first().isVisible(), { timeout: 20_000 }).toBe(true);
    // The consent ended; the person's stored history did not.
    await page.getByRole('navigation').getByRole('link', { name: 'Prezentare generală' }).click();
    await expect.poll(() => list.count(), { timeout: 20_000 }).toBe(shown);
    expect(await rows.filter({ hasText: /RO\d{2}\s?CECE/ }).count()).toBeGreaterThanOrEqual(3);
    expect(violations).toEqual([]);
  });

  // Core's notices reach the page's Notification over the event stream. The days they need go by
  // on this process's clock (core's and the embedded bank's: vitest moves Date alone, every timer
  // stays real), so the sync reads the consent again and the schedule finds the data old.
  it('notifies when allowed: a consent nearing its end once a day, by name and days left; a scheduled run’s new transactions', { timeout: 120_000 }, async () => {
    for (const c of await invoke<Connection[]>('connections:list')) await invoke('connections:remove', { connectionId: c.id });
    const open = async (allowed: boolean) => {
      const context = await app.newContext();
      if (allowed) await context.grantPermissions(['notifications'], { origin: app.host.origin });
      await recordNotifications(context);
      const page = await context.newPage();
      await page.goto(app.host.url);
      return { context, page };
    };
    const allowed = await open(true);
    const denied = await open(false);
    await app.connectDemo(allowed.context, allowed.page);
    const [connection] = await invoke<Connection[]>('connections:list');
    if (connection === undefined) throw new Error('no connection');
    const lastRun = async () => (await invoke<SyncStatus>('sync:status')).lastRun;
    const syncOnPage = async () => {
      const before = (await lastRun())?.finishedAt;
      const button = allowed.page.getByRole('button', { name: SYNC });
      await expect.poll(() => button.isEnabled(), { timeout: 20_000 }).toBe(true);
      await button.click();
      await expect.poll(async () => (await lastRun())?.finishedAt, { timeout: 30_000 }).not.toBe(before);
    };
    const day = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const validUntil = new Date(Date.parse(`${day}T00:00:00Z`) + 5 * 86_400_000).toISOString().slice(0, 10);
    try {
      // The next day, near noon in Bucharest; the bank moves the consent's end to five days later.
      vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true, now: new Date(`${day}T09:00:00Z`) });
      const moved = await fetch(`${app.bankOrigin()}/sandbox/consents/${connection.consentId}/valid-until`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ validUntil }) });
      expect(moved.status).toBe(200);
      await syncOnPage();
      const reminder = {
        title: `Acordul „${connection.label}” expiră curând`,
        body: `Mai sunt 5 zile, până la ${validUntil.split('-').reverse().join('.')}. Reînnoiți-l în Conturi ca să se actualizeze în continuare.`,
        tag: `consent-expiring:${connection.id}`,
      };
      await expect.poll(() => notificationsOf(allowed.page), { timeout: 20_000 }).toEqual([reminder]);
      // A second Sync the same day reminds no more.
      await syncOnPage();

      // Seven hours on, past the six-hour schedule, the bank has booked a payment. A setting
      // saved makes the scheduler plan again: the data is older than the interval, so it runs now.
      vi.setSystemTime(new Date(`${day}T16:00:00Z`));
      const [iban] = (await invoke<AccountsView>('accounts:list')).accounts.flatMap((a) => (a.iban === undefined ? [] : [a.iban]));
      const booked = await fetch(`${app.bankOrigin()}/sandbox/psus/demo/accounts/${iban}/transactions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status: 'booked', amount: '-12.40', counterpartyName: 'Cafeneaua Veche' }) });
      expect(booked.status).toBe(201);
      const before = (await lastRun())?.finishedAt;
      await invoke('settings:set', { autoSyncHours: 6 });
      await expect.poll(async () => (await lastRun())?.finishedAt, { timeout: 30_000 }).not.toBe(before);
      expect(await lastRun()).toMatchObject({ trigger: 'schedule' });
      // In the order the events came: the reminder once (not after the second Sync, nor the scheduled run the same day), then the news.
      await expect.poll(() => notificationsOf(allowed.page), { timeout: 20_000 }).toEqual([
        reminder,
        { title: 'Tranzacții noi', body: 'Actualizarea automată a adus 1 tranzacție nouă.', tag: 'new-transactions' },
      ]);
      // The page without the permission had the same run (it lists the new payment) and showed nothing.
      await denied.page.getByText('Cafeneaua Veche').first().waitFor({ timeout: 20_000 });
      expect(await notificationsOf(denied.page)).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
