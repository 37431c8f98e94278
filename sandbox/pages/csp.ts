/**
 * Content-Security-Policy of the bank's pages.
 *
 * Nothing loads from anywhere: styles and the one script are inline and carry the request's
 * nonce. `form-action` must also list the TPP's registered redirect origin because Chromium
 * applies it to the redirect that follows a form post (spec §5, "Pages' CSP").
 */

// A nonce or origin holding `;`, `,`, quotes or spaces would smuggle extra directives.
const NONCE = /^[A-Za-z0-9+/_-]+={0,2}$/;
const ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^\s;,'"]+$/i;

/**
 * The page CSP header value for one response.
 * @throws Error when the nonce or an origin is not a plain token (a caller bug, never user input).
 */
export function pageCsp(o: { nonce: string; formActionOrigins: string[] }): string {
  if (!NONCE.test(o.nonce)) throw new Error('pageCsp: nonce must be base64/base64url');
  for (const origin of o.formActionOrigins) {
    if (!ORIGIN.test(origin)) throw new Error(`pageCsp: not an origin: ${JSON.stringify(origin)}`);
  }
  const formAction = ["'self'", ...new Set(o.formActionOrigins)].join(' ');
  return [
    "default-src 'none'",
    `script-src 'nonce-${o.nonce}'`,
    `style-src 'nonce-${o.nonce}'`,
    'img-src data:',
    `form-action ${formAction}`,
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}
