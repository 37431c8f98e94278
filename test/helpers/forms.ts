/** A form of one of the bank's pages, read from its HTML as a browser without script would. */
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
