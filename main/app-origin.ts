/**
 * The one origin the app's own pages come from. A custom standard scheme rather than `file://`,
 * so the pages get a real origin (CSP `'self'`, same-origin checks) and no file-system reach.
 * @see https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'conturi';
export const APP_INDEX_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** True for `app://conturi/…` only: a look-alike host or a userinfo trick (`app://conturi@x/`) is not ours. */
export function isAppUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const parsed = new URL(url);
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}
