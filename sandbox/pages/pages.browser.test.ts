/**
 * The pages in a real Chromium under their real CSP: what string probes cannot show
 * (the nonce'd style and script actually run, accessible names resolve, forms post the
 * contract's fields). Skipped where no Chromium is installed.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { pageCsp, renderConsentPage, renderLoginPage, renderPaymentPage } from './index.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ORIGIN = 'http://bank.test';
const nonce = 'dGVzdC1ub25jZQ==';
const target = { action: '/submit', hidden: { flow: 'f1' }, nonce };
const RON = 'RO42CECEAG0202RON0007466';
const EUR = 'RO12CECEB00030EUR0283338';

interface BrowserWindow {
  getComputedStyle(element: unknown): { backgroundColor: string };
}

interface Served {
  page: Page;
  /** Console errors, where Chromium reports CSP violations. */
  errors: string[];
  /** Resolves with the urlencoded body of the first form post. */
  posted: Promise<URLSearchParams>;
}

// Chromium is part of the test setup (README, .ci/run): a missing browser fails, it is not skipped.
describe('pages in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath });
  });
  afterAll(async () => {
    await browser?.close();
  });
  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  async function serve(html: string): Promise<Served> {
    const context = await browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    let resolvePost: (body: URLSearchParams) => void = () => {};
    const posted = new Promise<URLSearchParams>((resolve) => (resolvePost = resolve));
    await page.route(`${ORIGIN}/**`, async (route) => {
      const request = route.request();
      if (request.method() === 'POST') {
        resolvePost(new URLSearchParams(request.postData() ?? ''));
        return route.fulfill({ status: 200, contentType: 'text/plain', body: 'ok' });
      }
      return route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        headers: { 'content-security-policy': pageCsp({ nonce, formActionOrigins: [] }) },
        body: html,
      });
    });
    await page.goto(`${ORIGIN}/page`);
    return { page, errors, posted };
  }

  it('login: applies the nonce stylesheet and posts username, accessCode and the hidden fields', async () => {
    const { page, errors, posted } = await serve(renderLoginPage({ ...target, appName: 'Conturi' }));
    const login = page.getByRole('button', { name: 'Login' });
    // The project compiles without the DOM lib, so reach the browser global through a cast.
    const background = await login.evaluate(
      (b) => (globalThis as unknown as BrowserWindow).getComputedStyle(b).backgroundColor,
    );
    expect(background).toBe('rgb(0, 58, 112)');
    await page.getByLabel('User CEConline').fill('demo');
    await page.getByLabel('Cod acces').fill('123456');
    await login.click();
    expect(Object.fromEntries(await posted)).toEqual({ flow: 'f1', username: 'demo', accessCode: '123456' });
    expect(errors).toEqual([]);
  });

  const consent = () =>
    renderConsentPage({
      ...target,
      appName: 'Conturi',
      psuName: 'Ion',
      redirectUri: 'https://tpp.example/cb',
      accounts: [
        { iban: RON, currency: 'RON', product: 'Cont curent' },
        { iban: EUR, currency: 'EUR', product: 'Cont curent EUR' },
      ],
      checked: { accounts: [RON], balances: [], transactions: [] },
    });

  it('consent: the nonce script runs and select-all ticks and clears every box', async () => {
    const { page, errors } = await serve(consent());
    const all = page.getByRole('checkbox', { name: 'Selecteaza / Deselecteaza tot' });
    await expect.poll(() => all.isVisible()).toBe(true);
    await all.check();
    expect(await page.locator('fieldset input:checked').count()).toBe(6);
    await all.uncheck();
    expect(await page.locator('fieldset input:checked').count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('consent: each box is named by its IBAN within its group and posts under the group name', async () => {
    const { page, posted } = await serve(consent());
    await page.getByRole('group', { name: 'Balante' }).getByRole('checkbox', { name: EUR, exact: true }).check();
    await page.getByRole('group', { name: 'Tranzactii' }).getByRole('checkbox', { name: RON, exact: true }).check();
    await page.getByRole('button', { name: 'Permit Acces!' }).click();
    expect([...(await posted)]).toEqual([
      ['flow', 'f1'],
      ['accounts', RON],
      ['balances', EUR],
      ['transactions', RON],
      ['decision', 'allow'],
    ]);
  });

  it('consent: refusing posts decision=deny with nothing ticked', async () => {
    const { page, posted } = await serve(consent());
    await page.getByRole('checkbox', { name: RON, exact: true }).first().uncheck();
    await page.getByRole('button', { name: 'Nu sunt de acord!' }).click();
    expect([...(await posted)]).toEqual([['flow', 'f1'], ['decision', 'deny']]);
  });

  it('payment: the chosen payer is posted with decision=confirm', async () => {
    const { page, posted, errors } = await serve(
      renderPaymentPage({
        ...target,
        appName: 'Conturi',
        psuName: 'Ion',
        payment: { paymentId: 'p1', amount: '3.50', currency: 'RON', creditorName: 'B', creditorIban: 'DE02100100109307118603', remittance: 'r' },
        debtorOptions: [RON, 'RO49CECEB00030RON0883343'],
      }),
    );
    await page.getByLabel('Iban Cont platitor').selectOption('RO49CECEB00030RON0883343');
    await page.getByRole('button', { name: 'Confirm plata!' }).click();
    expect(Object.fromEntries(await posted)).toEqual({ flow: 'f1', debtorIban: 'RO49CECEB00030RON0883343', decision: 'confirm' });
    expect(errors).toEqual([]);
  });
});
