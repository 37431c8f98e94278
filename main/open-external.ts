import { shell } from 'electron';

/**
 * Sites the app may hand to the person's browser: the bank's own. Anything else a page asks to
 * open is refused, since `shell.openExternal` on an arbitrary URL can launch any registered
 * protocol handler (`file:`, `smb:`, custom schemes) on the person's machine.
 * @see https://www.electronjs.org/docs/latest/tutorial/security#15-do-not-use-shellopenexternal-with-untrusted-content
 */
export const EXTERNAL_ORIGINS: readonly string[] = ['https://www.cec.ro', 'https://apiportal.cec.ro'];

/** True for an https URL on an allow-listed origin (exact origin: no look-alike host, no other port, no userinfo). */
export function isAllowedExternal(url: string, origins: readonly string[] = EXTERNAL_ORIGINS): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && origins.includes(parsed.origin);
}

/** Opens `url` in the person's browser when allow-listed; returns whether it did. */
export async function openExternal(url: string, log: (line: string) => void = console.warn): Promise<boolean> {
  if (!isAllowedExternal(url)) {
    log(`open-external: refused a URL outside the allow-list (${describe(url)})`);
    return false;
  }
  // electronegativity-justified: OPEN_EXTERNAL_JS_CHECK — only allow-listed https origins reach this line (isAllowedExternal above).
  await shell.openExternal(url);
  return true;
}

/** What a log line may say about a refused URL: its scheme and host, never its query. */
function describe(url: string): string {
  if (!URL.canParse(url)) return 'unparseable';
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}
