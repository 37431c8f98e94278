/**
 * The bank's pages in a real Chromium through the real sandbox server, driven by their labels as
 * a PSU would: login, the AIS consent page, the single and the bulk payment page. The redirect
 * back to the TPP (`https://tpp.example/cb`) is served and its code exchanged, which also proves
 * the pages' CSP `form-action` lets the redirect that follows a form post through.
 *
 * `page.route` cannot catch that redirect: Playwright calls a route handler only for the first
 * URL of a redirect chain (see `page.route` in playwright-core's types), and the 302 of the
 * bank's decision post is such a chain. So Chromium resolves `tpp.example` to a small HTTPS
 * server on 127.0.0.1 (`--host-resolver-rules`), the demo TPP's key and certificate serving TLS.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  authorizeUrl,
  createConsent,
  exchangeCode,
  psuAccounts,
  type PsuAccount,
} from '../helpers/bank.js';
import { useEnrolledBank } from '../helpers/enrolled-bank.js';
import { call, psd2Headers, tppCode } from '../helpers/http.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHOTS = join(ROOT, 'test-results', 'pages-e2e');
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const TPP_PAGE = '<!doctype html><title>TPP</title><p>Back at the TPP.</p>';
const LOGIN_ERROR = 'Numele de utilizator sau codul de acces sunt incorecte.';

let browser: Browser;
let tpp: Server;
// Six accounts per PSU: two RON current accounts, so the payer select offers a real choice
// next to EUR, savings and card accounts it must leave out.
const env = useEnrolledBank({ accounts: 6 });
let demo: PsuAccount[];
let creditors: PsuAccount[];
/** The demo PSU's accounts that may pay RON (spec §5 payer select): its RON current accounts. */
let ronCurrent: string[];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  demo = await psuAccounts(env.bank, 'demo');
  creditors = await psuAccounts(env.bank, 'demo2');
  ronCurrent = demo.filter((a) => a.kind === 'current' && a.currency === 'RON').map((a) => a.iban);
  // The TPP's redirect target: whatever arrives there gets a small page back.
  const demoTpp = (name: string) => readFileSync(join(ROOT, 'sandbox', 'demo-tpp', name));
  tpp = createServer({ key: demoTpp('demo-tpp.key.pem'), cert: demoTpp('demo-tpp.cert.pem') }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(TPP_PAGE);
  });
  await new Promise<void>((resolve) => tpp.listen(0, '127.0.0.1', resolve));
  const { port } = tpp.address() as AddressInfo;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP tpp.example 127.0.0.1:${port}`],
  });
});
afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (tpp ? tpp.close(resolve) : resolve(undefined)));
});

const contexts: BrowserContext[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

interface Session {
  page: Page;
  /** Console messages where Chromium reports CSP violations. */
  cspViolations: string[];
  /** Uncaught script errors of the pages. */
  pageErrors: string[];
  /** Navigations that reached the TPP's redirect URI. */
  tppHits: URL[];
}

/** A fresh browser context; the TPP's server has a test certificate, so TLS errors are waived. */
async function session(): Promise<Session> {
  const context = await browser.newContext({ ignoreHTTPSErrors: true });
  contexts.push(context);
  const page = await context.newPage();
  const s: Session = { page, cspViolations: [], pageErrors: [], tppHits: [] };
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) s.cspViolations.push(m.text());
  });
  page.on('pageerror', (e) => s.pageErrors.push(e.message));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (r.isNavigationRequest() && url.hostname === 'tpp.example') s.tppHits.push(url);
  });
  return s;
}

/** Opens the completed authorize URL and checks the login page is the bank's. */
async function openAuthorize(s: Session, location: string, state: string): Promise<void> {
  const response = await s.page.goto(authorizeUrl(location, state));
  expect(response?.status()).toBe(200);
  expect(await s.page.title()).toBe('CEC Bank - Authorization Platform');
  expect(s.page.url().startsWith(env.bank.origin)).toBe(true);
}

/** Fills the login form by its labels and returns the bank's answer to the post. */
async function login(s: Session, user = 'demo', code = '123456'): Promise<Response> {
  const { page } = s;
  await page.getByLabel('User CEConline', { exact: true }).fill(user);
  await page.getByLabel('Cod acces', { exact: true }).fill(code);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/authorize/login') && r.request().method() === 'POST'),
    page.waitForURL((u) => u.pathname.endsWith('/authorize/login')),
    page.getByRole('button', { name: 'Login', exact: true }).click(),
  ]);
  await page.waitForLoadState('load');
  return response;
}

/** Clicks a decision button and waits for the redirect to the TPP; returns its URL. */
async function decideAndReturn(s: Session, button: string): Promise<URL> {
  try {
    await Promise.all([
      s.page.waitForURL((u) => u.hostname === 'tpp.example'),
      s.page.getByRole('button', { name: button, exact: true }).click(),
    ]);
  } catch (error) {
    // Chromium logs a blocked redirect ("violates the following Content Security Policy
    // directive: form-action") just after the navigation fails: give the report a moment.
    if (s.cspViolations.length === 0) await s.page.waitForEvent('console', { timeout: 2000 }).catch(() => undefined);
    throw new Error(`no redirect to the TPP after ${button}; CSP reports: ${JSON.stringify(s.cspViolations)}`, { cause: error });
  }
  const back = new URL(s.page.url());
  expect(`${back.origin}${back.pathname}`).toBe(env.creds.redirectUri);
  expect(s.tppHits.map(String)).toEqual([back.toString()]);
  // The TPP's page really loaded: the redirect was neither blocked nor failed.
  expect(await s.page.getByText('Back at the TPP.').count()).toBe(1);
  return back;
}

const shot = (s: Session, name: string) => s.page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

/** The value cell of a details row, found by its row header. */
async function rowValue(page: Page, header: string): Promise<string> {
  const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: header, exact: true }) });
  expect(await row.count()).toBe(1);
  return (await row.getByRole('cell').innerText()).trim();
}

function expectCleanPages(s: Session): void {
  expect(s.cspViolations).toEqual([]);
  expect(s.pageErrors).toEqual([]);
}

describe('login page', { timeout: 60_000 }, () => {
  it('stays on the bank with an error for an unknown user and never redirects', async () => {
    const s = await session();
    const { location } = await createConsent(env.bank, env.creds);
    await openAuthorize(s, location, 'st-wrong-user');
    await shot(s, 'login');
    const answer = await login(s, 'nobody-here');
    expect(answer.status()).toBe(401);
    expect((await s.page.getByRole('alert').innerText()).trim()).toBe(LOGIN_ERROR);
    expect(s.page.url().startsWith(env.bank.origin)).toBe(true);
    expect(await s.page.getByRole('heading', { level: 1 }).innerText()).toBe('CEC Bank - Authorization Platform');
    await shot(s, 'login-error');
    expect(s.tppHits).toEqual([]);
    expectCleanPages(s);
  });

  it('rejects a malformed access code (12ab) with an error and lets the PSU try again', async () => {
    const s = await session();
    const { location } = await createConsent(env.bank, env.creds);
    await openAuthorize(s, location, 'st-bad-code');
    const answer = await login(s, 'demo', '12ab');
    expect(answer.status()).toBe(401);
    expect((await s.page.getByRole('alert').innerText()).trim()).toBe(LOGIN_ERROR);
    expect(s.page.url().startsWith(env.bank.origin)).toBe(true);
    expect(s.tppHits).toEqual([]);
    // The user is kept; the right code now opens the consent page.
    expect(await s.page.getByLabel('User CEConline', { exact: true }).inputValue()).toBe('demo');
    const retry = await login(s, 'demo', '123456');
    expect(retry.status()).toBe(200);
    expect(await s.page.getByRole('heading', { level: 1 }).innerText()).toBe('Solicitare acord accesare conturi');
    expect(s.tppHits).toEqual([]);
    expectCleanPages(s);
  });
});

describe('consent page', { timeout: 60_000 }, () => {
  it('grants what was ticked per group and redirects with a code the token endpoint accepts', async () => {
    const s = await session();
    const { consentId, location } = await createConsent(env.bank, env.creds);
    await openAuthorize(s, location, 'st-consent');
    const answer = await login(s);
    expect(answer.status()).toBe(200);
    // The CSP this page runs under lets the form post go to the bank and the redirect to the TPP.
    expect(answer.headers()['content-security-policy']).toContain("form-action 'self' https://tpp.example");
    const { page } = s;
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Solicitare acord accesare conturi');

    const groups = ['Conturi', 'Balante', 'Tranzactii'] as const;
    const boxes = (group: string) => page.getByRole('group', { name: group }).getByRole('checkbox');
    for (const group of groups) {
      expect(await boxes(group).count()).toBe(demo.length);
      for (const a of demo) expect(await page.getByRole('group', { name: group }).getByRole('checkbox', { name: a.iban, exact: true }).count()).toBe(1);
    }
    const checkedIn = async (group: string) => {
      const states = await Promise.all((await boxes(group).all()).map((b) => b.isChecked()));
      return states.filter(Boolean).length;
    };

    // Selecteaza / Deselecteaza tot: all on, then all off.
    const toggle = page.getByRole('checkbox', { name: 'Selecteaza / Deselecteaza tot', exact: true });
    await toggle.check();
    for (const group of groups) expect(await checkedIn(group)).toBe(demo.length);
    await toggle.uncheck();
    for (const group of groups) expect(await checkedIn(group)).toBe(0);

    const ron = demo.find((a) => a.kind === 'current' && a.currency === 'RON') as PsuAccount;
    const eur = demo.find((a) => a.kind === 'current' && a.currency === 'EUR') as PsuAccount;
    const tick = (group: string, iban: string) => page.getByRole('group', { name: group }).getByRole('checkbox', { name: iban, exact: true }).check();
    await tick('Conturi', ron.iban);
    await tick('Conturi', eur.iban);
    await tick('Balante', ron.iban);
    await tick('Tranzactii', ron.iban);
    expect(await checkedIn('Conturi')).toBe(2);
    expect(await checkedIn('Balante')).toBe(1);
    // Partly ticked: the toggle says neither "all" nor "none".
    expect(await toggle.isChecked()).toBe(false);
    expect(await toggle.evaluate((el) => (el as unknown as { indeterminate: boolean }).indeterminate)).toBe(true);
    await shot(s, 'consent');

    const back = await decideAndReturn(s, 'Permit Acces!');
    expect(back.searchParams.get('state')).toBe('st-consent');
    expect(back.searchParams.get('error')).toBeNull();
    const code = back.searchParams.get('code');
    expect(code).not.toBeNull();
    expectCleanPages(s);

    const token = await exchangeCode(env.bank, env.creds, code as string, `AIS:${consentId}`);
    expect(token.status).toBe(200);
    expect(token.body['scope']).toBe(`AIS:${consentId}`);

    // The consent holds exactly the boxes ticked on the page.
    const headers = psd2Headers(env.creds.clientId, { Authorization: `Bearer ${token.body['access_token']}`, 'Consent-ID': consentId, 'PSU-IP-Address': '192.0.2.7' });
    const accounts = await call<{ accounts: { iban: string; resourceId: string }[] }>(`${env.bank.url}/psd29c/v1/accounts`, { headers });
    expect(accounts.status).toBe(200);
    expect(accounts.body.accounts.map((a) => a.iban).sort()).toEqual([ron.iban, eur.iban].sort());
    const idOf = (iban: string) => accounts.body.accounts.find((a) => a.iban === iban)?.resourceId as string;
    expect((await call(`${env.bank.url}/psd29c/v1/accounts/${idOf(ron.iban)}/balances`, { headers })).status).toBe(200);
    const eurBalances = await call(`${env.bank.url}/psd29c/v1/accounts/${idOf(eur.iban)}/balances`, { headers });
    expect(eurBalances.status).toBe(401);
    expect(tppCode(eurBalances)).toBe('CONSENT_INVALID');
  });

  it('redirects with error=access_denied and no code on Nu sunt de acord!', async () => {
    const s = await session();
    const { location } = await createConsent(env.bank, env.creds);
    await openAuthorize(s, location, 'st-deny');
    expect((await login(s)).status()).toBe(200);
    const back = await decideAndReturn(s, 'Nu sunt de acord!');
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('st-deny');
    expect(back.searchParams.get('code')).toBeNull();
    expectCleanPages(s);
  });
});

describe('payment page', { timeout: 60_000 }, () => {
  const initiate = async (remittance: string) => {
    const res = await call<{ paymentId: string }>(`${env.bank.url}/psd29p/v1/payments/sepa-credit-transfers`, {
      method: 'POST',
      headers: psd2Headers(env.creds.clientId, { 'TPP-Redirect-URI': env.creds.redirectUri, 'Content-Type': 'application/json' }),
      body: JSON.stringify({
        instructedAmount: { currency: 'RON', amount: '12.34' },
        creditorAccount: { iban: (creditors[0] as PsuAccount).iban },
        creditorName: 'Ion Popescu SRL',
        remittanceInformationUnstructured: remittance,
      }),
    });
    expect(res.status).toBe(201);
    return { paymentId: res.body.paymentId, location: res.headers.get('location') as string };
  };

  it('shows the payment, offers only RON current accounts as payer and redirects with a code on Confirm plata!', async () => {
    expect(ronCurrent.length).toBeGreaterThanOrEqual(2);
    const s = await session();
    const { paymentId, location } = await initiate('Factura 2026-117');
    await openAuthorize(s, location, 'st-pay');
    const answer = await login(s);
    expect(answer.status()).toBe(200);
    expect(answer.headers()['content-security-policy']).toContain("form-action 'self' https://tpp.example");
    const { page } = s;
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Confirmare Plata din cont deschis la CEC Bank initiata din aplicatia "TestApp"');
    expect(await rowValue(page, 'Identificator plata')).toBe(paymentId);
    expect(await rowValue(page, 'Suma de plata')).toBe('12.34 RON');
    expect(await rowValue(page, 'Denumire Beneficiar')).toBe('Ion Popescu SRL');
    expect(await rowValue(page, 'Iban Cont beneficiar')).toBe((creditors[0] as PsuAccount).iban);
    expect(await rowValue(page, 'Detalii plata')).toBe('Factura 2026-117');

    const payer = page.getByLabel('Iban Cont platitor', { exact: true });
    const offered = (await payer.locator('option').allInnerTexts()).map((t) => t.trim());
    expect(offered.sort()).toEqual([...ronCurrent].sort());
    const chosen = ronCurrent[1] as string;
    await payer.selectOption(chosen);
    expect(await payer.inputValue()).toBe(chosen);
    await shot(s, 'payment');

    const back = await decideAndReturn(s, 'Confirm plata!');
    expect(back.searchParams.get('state')).toBe('st-pay');
    const code = back.searchParams.get('code');
    expect(code).not.toBeNull();
    expectCleanPages(s);

    const token = await exchangeCode(env.bank, env.creds, code as string, `PIS:${paymentId}`);
    expect(token.status).toBe(200);
    const read = await call<{ debtorAccount?: { iban: string } }>(`${env.bank.url}/psd29p/v1/payments/sepa-credit-transfers/${paymentId}`, {
      headers: psd2Headers(env.creds.clientId, { Authorization: `Bearer ${token.body['access_token']}` }),
    });
    expect(read.status).toBe(200);
    expect(read.body.debtorAccount?.iban).toBe(chosen);
  });

  it('redirects with error=access_denied on Refuz plata!', async () => {
    const s = await session();
    const { location } = await initiate('Refuzata');
    await openAuthorize(s, location, 'st-refuse');
    expect((await login(s)).status()).toBe(200);
    const back = await decideAndReturn(s, 'Refuz plata!');
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('st-refuse');
    expect(back.searchParams.get('code')).toBeNull();
    expectCleanPages(s);
  });
});

describe('bulk payment page', { timeout: 60_000 }, () => {
  it('lists one table row per payment and redirects with a code on Confirm plata!', async () => {
    const items = [
      { amount: '1.00', name: 'Ana Ionescu', remittance: 'Chirie noiembrie' },
      { amount: '2.50', name: 'Mihai Vasile', remittance: 'Cadou' },
      { amount: '30.00', name: 'Asociatia de proprietari 12', remittance: 'Intretinere' },
    ].map((p, i) => ({ ...p, iban: (creditors[i] as PsuAccount).iban }));
    const res = await call<{ paymentIdBulk: string }>(`${env.bank.url}/psd29p/v1/bulk-payments/sepa-credit-transfers`, {
      method: 'POST',
      headers: psd2Headers(env.creds.clientId, { 'TPP-Redirect-URI': env.creds.redirectUri, 'Content-Type': 'application/json' }),
      body: JSON.stringify({
        payments: items.map((p) => ({
          instructedAmount: { currency: 'RON', amount: p.amount },
          creditorAccount: { iban: p.iban },
          creditorName: p.name,
          remittanceInformationUnstructured: p.remittance,
        })),
      }),
    });
    expect(res.status).toBe(201);
    const bulkId = res.body.paymentIdBulk;

    const s = await session();
    await openAuthorize(s, res.headers.get('location') as string, 'st-bulk');
    expect((await login(s)).status()).toBe(200);
    const { page } = s;
    expect(await rowValue(page, 'Identificator plata')).toBe(bulkId);
    expect(await rowValue(page, 'Suma totala')).toBe('33.50 RON');
    const table = page.getByRole('table', { name: 'Platile incluse (3)' });
    // A header row and one row per payment.
    expect(await table.getByRole('row').count()).toBe(4);
    for (const item of items) {
      const row = table.getByRole('row').filter({ hasText: item.name });
      expect(await row.count()).toBe(1);
      const cells = (await row.getByRole('cell').allInnerTexts()).map((t) => t.trim());
      expect(cells).toEqual([`${item.amount} RON`, item.name, item.iban, item.remittance]);
    }

    const payer = page.getByLabel('Iban Platitor', { exact: true });
    const offered = (await payer.locator('option').allInnerTexts()).map((t) => t.trim());
    expect(offered.sort()).toEqual([...ronCurrent].sort());
    const chosen = ronCurrent[1] as string;
    await payer.selectOption(chosen);
    await shot(s, 'bulk');

    const back = await decideAndReturn(s, 'Confirm plata!');
    expect(back.searchParams.get('state')).toBe('st-bulk');
    const code = back.searchParams.get('code');
    expect(code).not.toBeNull();
    expectCleanPages(s);

    const token = await exchangeCode(env.bank, env.creds, code as string, `PIS:${bulkId}`);
    expect(token.status).toBe(200);
    const read = await call<{ debtorAccount?: { iban: string }; paymentsResponse: unknown[] }>(
      `${env.bank.url}/psd29p/v1/d/bulk-payments/sepa-credit-transfers/${bulkId}`,
      { headers: psd2Headers(env.creds.clientId, { Authorization: `Bearer ${token.body['access_token']}` }) },
    );
    expect(read.status).toBe(200);
    expect(read.body.debtorAccount?.iban).toBe(chosen);
    expect(read.body.paymentsResponse).toHaveLength(3);
  });
});
