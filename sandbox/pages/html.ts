/**
 * Auto-escaping HTML templating for the bank's pages.
 *
 * Names, remittance details and app names come from third parties (TPPs, other banks' clients),
 * so every interpolated value is escaped unless it is already `SafeHtml` built by this module.
 * Making escaping the default, rather than something each renderer remembers, is what makes
 * an XSS through a page field impossible.
 */

/** A fragment of markup known to be safe: produced by `html` or `raw` only. */
export class SafeHtml {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  toString(): string {
    return this.#value;
  }
}

/** What may be interpolated; `false`/`null`/`undefined` render nothing, for conditional parts. */
export type HtmlValue = string | number | SafeHtml | readonly HtmlValue[] | false | null | undefined;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for use both in element content and in double- or single-quoted attributes.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

function render(value: HtmlValue): string {
  if (value === false || value === null || value === undefined) return '';
  if (value instanceof SafeHtml) return value.toString();
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

/**
 * Tagged template: the literal parts are trusted markup, every `${value}` is escaped.
 * @example html`<p>${untrusted}</p>`
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}

/**
 * Marks a constant string (CSS, an inline script, the SVG logo) as markup.
 * Never pass anything derived from a request here.
 */
export function raw(trusted: string): SafeHtml {
  return new SafeHtml(trusted);
}
