/**
 * The Categories, Insights and Settings screens and the "Connect CEC Bank" wizard, end to end in
 * a real Chromium against browser mode on the sandbox bank: what the page shows is checked
 * against what the contract answers (`transactions:query`, `settings:get`, `connections:list`).
 */
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Connection, MonthlyView, Settings, StoredTransaction, TransactionsView } from '../../common/index.js';
import { enrolAsDeveloper } from '../../sandbox/demo-developer.js';
import { startSandbox } from '../../sandbox/index.js';
import { seriousViolations } from '../helpers/axe.js';
import { openBankPopup, openScreen as nav, signInAndAllowAll } from '../helpers/browser-app.js';
import { demoCertificatePem } from '../helpers/certificates.js';
import { startBrowserApp, type BrowserApp } from '../helpers/screens-app.js';

const DEMO_CERTIFICATE = fileURLToPath(new URL('../../sandbox/demo-tpp/demo-tpp.cert.pem', import.meta.url));

/** Exact decimal sums in millionths: the figures a chart's bar stands for. */
const micros = (amount: string): bigint => {
  const [, sign, int, frac = ''] = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount) ?? [];
  const value = BigInt(int ?? '0') * 1_000_000n + BigInt(frac.padEnd(6, '0').slice(0, 6));
  return sign === '-' ? -value : value;
};

describe('categories, insights, settings and the CEC wizard in Chromium', () => {
  let app: BrowserApp;
  const invoke = <T>(method: string, input?: unknown) => app.invoke<T>(method, input);
  const openApp = () => app.openApp();

  /** Every stored transaction the filter names, through every page. */
  async function allTransactions(filter: Record<string, unknown> = {}): Promise<StoredTransaction[]> {
    const rows: StoredTransaction[] = [];
    let cursor: string | undefined;
    do {
      const page: TransactionsView = await invoke('transactions:query', { ...filter, limit: 500, ...(cursor === undefined ? {} : { cursor }) });
      rows.push(...page.transactions);
      cursor = page.cursor;
    } while (cursor !== undefined);
    return rows;
  }

  /** The wizard's last step: the person signs in at the bank with the profile just saved, and grants every account. */
  const connectAtBank = async (context: BrowserContext, page: Page) =>
    signInAndAllowAll(await openBankPopup(context, page, 'Conectează-te la bancă'), 'demo');

  beforeAll(async () => {
    app = await startBrowserApp({ log: () => {} });
  }, 240_000);

  afterEach(async () => {
    await app.reset();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('a rule made on the Categories screen puts every past transaction of that counterparty in its category', async () => {
    const { context, page, violations } = await openApp();
    await app.connectDemo(context, page);
    const before = await allTransactions();
    // The counterparty with the most transactions, none of them set by hand.
    const counts = new Map<string, number>();
    for (const t of before) if (t.counterpartyName !== undefined) counts.set(t.counterpartyName, (counts.get(t.counterpartyName) ?? 0) + 1);
    const [counterparty, expected] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    expect(expected).toBeGreaterThan(1);

    await nav(page, 'Categorii');
    await page.getByLabel('Categorie nouă').fill('Vacanță');
    await page.getByRole('button', { name: 'Adaugă', exact: true }).click();
    await page.locator('.category-name', { hasText: 'Vacanță' }).waitFor();
    const custom = (await invoke<{ id: string; builtin: boolean; name?: string }[]>('categories:list')).find((c) => c.name === 'Vacanță');
    expect(custom?.builtin).toBe(false);

    await page.getByLabel('Cuvinte').fill(counterparty);
    await page.getByLabel('Unde se caută').selectOption('counterparty');
    await page.getByRole('combobox', { name: 'Categorie', exact: true }).selectOption({ label: 'Vacanță' });
    await page.getByRole('button', { name: 'Adaugă regula' }).click();
    const moved = page.getByRole('status').filter({ hasText: /și-au schimbat categoria|și-a schimbat categoria/ });
    await moved.waitFor();

    // Every past transaction of that counterparty, and only those, are in the new category, decided by the rule.
    const inCategory = await allTransactions({ categoryIds: [custom?.id] });
    const words = counterparty.toLowerCase();
    expect(inCategory.length).toBe(before.filter((t) => t.counterpartyName?.toLowerCase().includes(words)).length);
    expect(inCategory.every((t) => t.category?.source === 'rule')).toBe(true);
    expect(await moved.textContent()).toContain(String(inCategory.length));
    // The rule is listed as the person's, apart from the app's own, which the screen lists too.
    await page.getByRole('cell', { name: counterparty, exact: true }).waitFor();
    const defaults = await invoke<unknown[]>('categories:default-rules');
    expect(defaults.length).toBeGreaterThan(10);
    await page.getByText(new RegExp(`^Arată cele ${defaults.length} (de )?reguli ale aplicației$`)).click();
    await page.getByRole('cell', { name: 'capitalizare dobanda', exact: true }).waitFor();
    expect(violations).toEqual([]);
  }, 120_000);

  it('charts the months: bars drawn, and a spending bar opens the transactions of exactly that month', async () => {
    const { page, violations } = await openApp();
    if ((await invoke<Connection[]>('connections:list')).length === 0) throw new Error('the previous test connects the demo PSU');
    await nav(page, 'Analize');
    const chart = page.getByRole('region', { name: 'Încasări și cheltuieli pe luni' });
    const bars = chart.locator('.bar-spending .recharts-bar-rectangle');
    await expect.poll(() => bars.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    // The default period: twelve months, the current one included.
    const from = await page.getByLabel('De la').inputValue();
    const monthly = await invoke<MonthlyView>('insights:monthly', {});
    const shown = monthly.months.filter((m) => m.currency === 'RON' && m.month >= from.slice(0, 7)).sort((a, b) => a.month.localeCompare(b.month));
    expect(await chart.locator('.bar-income .recharts-bar-rectangle').count()).toBe(shown.filter((m) => m.income !== '0' && micros(m.income) !== 0n).length);
    expect(await bars.count()).toBe(shown.filter((m) => micros(m.spending) !== 0n).length);

    // recharts draws a rectangle per data point; the last one is the latest month.
    const last = shown.at(-1);
    if (last === undefined) throw new Error('no month charted');
    await bars.last().click();
    await expect.poll(() => page.url()).toContain('#/transactions?');
    const link = new URLSearchParams(new URL(page.url()).hash.split('?')[1] ?? '');
    expect(link.get('from')).toBe(`${last.month}-01`);
    expect(link.get('dir')).toBe('out');
    expect(link.get('status')).toBe('booked');
    // The filter the link names finds what the bar stood for, to the last ban.
    const rows = await allTransactions({ dateFrom: link.get('from'), dateTo: link.get('to'), direction: 'out', status: 'booked' });
    const ron = rows.filter((t) => t.amount.currency === 'RON').reduce((sum, t) => sum + micros(t.amount.amount), 0n);
    expect(-ron).toBe(micros(last.spending));
    expect(violations).toEqual([]);
  }, 120_000);

  it('switches the language to English at once, keeps it across a reload, and back to Romanian', async () => {
    const { page } = await openApp();
    await nav(page, 'Setări');
    await page.getByRole('radio', { name: 'English' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Settings', exact: true }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect((await invoke<Settings>('settings:get')).language).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor({ timeout: 15_000 });
    await page.getByRole('radio', { name: 'Română' }).click();
    await page.getByRole('navigation').getByRole('link', { name: 'Setări', exact: true }).waitFor();
    expect((await invoke<Settings>('settings:get')).language).toBe('ro');
  }, 60_000);

  it('the CEC wizard enrols through the Dynamic Users Register, shows the secret once, and connects', async () => {
    const bank = await startSandbox({ port: 0 });
    try {
      const { context, page, violations } = await openApp();
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.host.origin });
      await nav(page, 'Setări');
      await page.getByRole('link', { name: 'Conectează CEC Bank' }).click();
      await page.getByRole('heading', { name: 'Conectează CEC Bank', level: 1 }).waitFor();

      await page.getByLabel('Numele profilului').fill('cec-test');
      // Checked as it is typed: a plain-http bank elsewhere is refused before anything is sent.
      await page.getByLabel('Adresa API a băncii').fill('http://bank.example/cec/prod');
      await page.getByText(/Adresa trebuie să înceapă cu https:\/\//).waitFor();
      await page.getByLabel('Adresa API a băncii').fill(bank.url);
      expect(await page.getByText(/Adresa trebuie să înceapă cu https:\/\//).count()).toBe(0);
      await page.getByLabel('Certificatul eIDAS (fișier PEM)').setInputFiles(DEMO_CERTIFICATE);
      await page.getByText('Citit: demo-tpp.cert.pem').waitFor();
      await page.getByRole('radio', { name: /vreau să mă înregistrez/ }).check();
      await page.getByRole('button', { name: 'Continuă' }).click();

      const email = `ana-${Date.now()}@sandbox.local`;
      await page.getByLabel('Adresa de e-mail').fill('ana@');
      await page.getByText('Nu este o adresă de e-mail: de exemplu nume@firma.ro.').waitFor();
      await page.getByLabel('Adresa de e-mail').fill(email);
      await page.getByLabel('Parola pentru portalul băncii').fill('scurt');
      await page.getByText('Parola trebuie să aibă cel puțin 8 caractere.').waitFor();
      await page.getByLabel('Parola pentru portalul băncii').fill('o-parola-lunga');
      await page.getByLabel('Prenumele').fill('Ana');
      await page.getByLabel('Numele de familie').fill('Pop');
      await page.getByLabel('Organizația').fill('Conturi Test');
      await page.getByRole('button', { name: 'Înregistrează-mă' }).click();
      await page.getByText(`Banca a trimis e-mailul de activare la ${email}.`).waitFor({ timeout: 15_000 });

      // The person opens the activation mail: the sandbox's mailbox stands in for their inbox.
      const mailbox = (await (await fetch(`${bank.origin}/sandbox/mailbox?to=${encodeURIComponent(email)}`)).json()) as { messages: { link: string }[] };
      const activation = await fetch(mailbox.messages.at(-1)?.link ?? '');
      expect(activation.status).toBe(200);
      await page.getByRole('button', { name: 'Am activat contul' }).click();
      await page.getByRole('button', { name: 'Creează aplicația' }).click();

      await page.getByText(/Banca arată secretul o singură dată/).waitFor({ timeout: 15_000 });
      const secret = (await page.locator('.copyable code').nth(1).textContent()) ?? '';
      expect(secret.length).toBeGreaterThan(10);
      await page.getByRole('button', { name: 'Copiază Client secret' }).click();
      await page.getByText('Copiat.').waitFor();
      expect(await page.evaluate(() => (globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }).navigator.clipboard.readText())).toBe(secret);
      await page.getByRole('button', { name: 'Am notat, continuă' }).click();
      // Shown once: gone from the page once the person moves on.
      expect(await page.getByText(secret).count()).toBe(0);

      await connectAtBank(context, page);
      await expect.poll(async () => (await invoke<Connection[]>('connections:list')).filter((c) => c.profileId === 'cec-test').map((c) => c.status), { timeout: 20_000 }).toEqual(['active']);
      expect(violations).toEqual([]);
    } finally {
      await bank.close();
    }
  }, 180_000);

  it('the CEC wizard saves a profile from a client id and secret the person already has, and connects with it', async () => {
    const bank = await startSandbox({ port: 0 });
    try {
      const creds = await enrolAsDeveloper(bank.url, { certificatePem: demoCertificatePem, redirectUri: `${app.host.origin}/oauth/callback`, organization: 'Conturi Test', appName: 'Conturi' });
      const { context, page, violations } = await openApp();
      await page.goto(`${app.host.origin}/#/connect/cec`);
      await page.getByLabel('Numele profilului').fill('Cec Mare');
      await page.getByText('Doar litere mici, cifre și cratime, cel mult 40.').waitFor();
      await page.getByLabel('Numele profilului').fill('cec-own');
      await page.getByLabel('Adresa API a băncii').fill(bank.url);
      await page.getByLabel('Certificatul eIDAS (fișier PEM)').setInputFiles(DEMO_CERTIFICATE);
      await page.getByRole('button', { name: 'Continuă' }).click();
      // Continue with the client id left empty: the form says what is missing and sends nothing.
      await page.getByRole('button', { name: 'Salvează profilul' }).click();
      await page.getByText('Completați acest câmp.').waitFor();
      expect((await invoke<{ id: string }[]>('profiles:list')).map((p) => p.id)).not.toContain('cec-own');
      await page.getByLabel('Client ID').fill(creds.clientId);
      await page.getByLabel(/^Client secret/).fill(creds.clientSecret);
      await page.getByRole('button', { name: 'Salvează profilul' }).click();
      await page.getByText(/Profilul „.*” este salvat/).waitFor({ timeout: 15_000 });
      expect(await invoke<{ clientSecret: string }>('profiles:credentials', { profileId: 'cec-own' })).toMatchObject({ clientSecret: 'stored' });

      await connectAtBank(context, page);
      await expect.poll(async () => (await invoke<Connection[]>('connections:list')).filter((c) => c.profileId === 'cec-own').map((c) => c.status), { timeout: 20_000 }).toEqual(['active']);
      expect(violations).toEqual([]);
    } finally {
      await bank.close();
    }
  }, 180_000);

  it('axe finds no serious or critical violation on these screens, in either theme', async () => {
    const { page } = await openApp();
    const found: string[] = [];
    for (const theme of ['light', 'dark'] as const) {
      await invoke('settings:set', { theme });
      await page.reload();
      for (const [name, heading] of [['Categorii', 'Categorii'], ['Analize', 'Analize'], ['Setări', 'Setări']] as const) {
        await nav(page, name);
        await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
        await page.waitForTimeout(300);
        found.push(...(await seriousViolations(page, '#main')).map((v) => `${theme} ${name}: ${v}`));
      }
      await page.getByRole('link', { name: 'Conectează CEC Bank' }).click();
      await page.getByRole('heading', { name: 'Conectează CEC Bank', level: 1 }).waitFor();
      found.push(...(await seriousViolations(page, '#main')).map((v) => `${theme} wizard: ${v}`));
    }
    await invoke('settings:set', { theme: 'system' });
    expect(found).toEqual([]);
  }, 120_000);
});
