/**
 * Helpers for the pages' unit tests: hostile inputs and small HTML probes. Regex probes are
 * enough because the renderers emit one tag per construct with double-quoted attributes.
 */

/** A value that would run script or break out of an attribute if it were not escaped. */
export function hostile(tag: string): string {
  return `<script>alert('${tag}')</script>"&`;
}

/** How `hostile(tag)` must appear in the page. */
export function escapedHostile(tag: string): string {
  return `&lt;script&gt;alert(&#39;${tag}&#39;)&lt;/script&gt;&quot;&amp;`;
}

/** Every start tag of `name`, e.g. all `<input ...>`. */
export function tags(page: string, name: string): string[] {
  return page.match(new RegExp(`<${name}\\b[^>]*>`, 'gi')) ?? [];
}

/** The value of `attr` in one start tag, or undefined. */
export function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
}

/** The start tag of the element whose `<label for>` has exactly `text`, or undefined. */
export function controlLabelled(page: string, text: string): string | undefined {
  const labels = [...page.matchAll(/<label\b[^>]*\bfor="([^"]+)"[^>]*>([^<]*)<\/label>/g)];
  const id = labels.find((m) => m[2] === text)?.[1];
  if (id === undefined) return undefined;
  return page.match(new RegExp(`<(?:input|select|textarea)\\b[^>]*\\sid="${id}"[^>]*>`))?.[0];
}

/** `src=`/`href=`/`action=` attributes or CSS `url()`/`@import` pointing off the page. */
export function externalReferences(page: string): string[] {
  const attrs = page.match(/\b(?:src|href|action|srcset|poster|data)\s*=\s*["']?\s*(?:[a-z]+:)?\/\/[^"'\s>]*/gi) ?? [];
  const css = page.match(/url\(|@import/gi) ?? [];
  return [...attrs, ...css];
}

/** Whether every `<style>` and `<script>` in the page carries exactly this nonce. */
export function allNonced(page: string, nonce: string): boolean {
  const blocks = [...tags(page, 'style'), ...tags(page, 'script')];
  return blocks.length > 0 && blocks.every((t) => attr(t, 'nonce') === nonce);
}
