/**
 * A scripted PSU for the sandbox bank's pages: it reads each page's form as a browser without
 * script would and submits it. Tests and the terminal demo use it where no person clicks.
 */
export interface PageForm {
  action: string;
  hidden: Record<string, string>;
}

const decode = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export function readForm(html: string, origin: string): PageForm {
  const form = /<form\b[^>]*\baction="([^"]*)"/i.exec(html);
  if (form === null) throw new Error(`no form on the page:\n${html.slice(0, 500)}`);
  const hidden: Record<string, string> = {};
  for (const m of html.matchAll(/<input\b[^>]*\btype="hidden"[^>]*>/gi)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const value = /\bvalue="([^"]*)"/.exec(m[0])?.[1] ?? '';
    if (name !== undefined) hidden[decode(name)] = decode(value);
  }
  return { action: new URL(decode(form[1] as string), origin).toString(), hidden };
}

/** Posts a form as a browser does (urlencoded, repeated names for checkboxes), without following redirects. */
export async function submit(form: PageForm, fields: [string, string][]): Promise<Response> {
  const body = new URLSearchParams([...Object.entries(form.hidden), ...fields]);
  return fetch(form.action, { method: 'POST', body, redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
}

export interface PsuChoices {
  user?: string;
  decision: 'allow' | 'deny' | 'confirm' | 'refuse';
  /** IBANs per permission on the consent page; all the PSU's accounts when absent. */
  ticks?: { accounts?: string[]; balances?: string[]; transactions?: string[] };
  debtorIban?: string;
}

/** Every IBAN listed on a consent page (the values of its checkboxes). */
const listedIbans = (html: string): string[] =>
  [...new Set([...html.matchAll(/<input\b[^>]*\bname="accounts"[^>]*\bvalue="([^"]+)"/gi)].map((m) => decode(m[1] as string)))];

/** The options of the payer select, when the page has one. */
const payerOptions = (html: string): string[] =>
  [...html.matchAll(/<option\b[^>]*\bvalue="([^"]+)"/gi)].map((m) => decode(m[1] as string));

/**
 * Logs in (any 6 digits) and decides on the page an authorize URL leads to; returns the bank's
 * redirect Location (the TPP's redirect URI with `code` or `error`).
 */
export async function playPsu(authorizeUrl: string, choices: PsuChoices): Promise<URL> {
  const origin = new URL(authorizeUrl).origin;
  const page = await fetch(authorizeUrl, { redirect: 'manual' });
  if (page.status !== 200) throw new Error(`authorize: ${page.status} ${await page.text()}`);
  const login = readForm(await page.text(), origin);
  const afterLogin = await submit(login, [['username', choices.user ?? 'demo'], ['accessCode', '123456']]);
  if (afterLogin.status !== 200) throw new Error(`login: ${afterLogin.status}`);
  const html = await afterLogin.text();
  const form = readForm(html, origin);
  const fields: [string, string][] = [['decision', choices.decision]];
  const all = listedIbans(html);
  const ticks = choices.ticks ?? { accounts: all, balances: all, transactions: all };
  for (const kind of ['accounts', 'balances', 'transactions'] as const) {
    for (const iban of ticks[kind] ?? []) fields.push([kind, iban]);
  }
  const payer = choices.debtorIban ?? payerOptions(html)[0];
  if (payer !== undefined) fields.push(['debtorIban', payer]);
  const done = await submit(form, fields);
  if (done.status !== 302) throw new Error(`decision: ${done.status} ${await done.text()}`);
  return new URL(done.headers.get('location') as string);
}
