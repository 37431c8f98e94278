import { z } from 'zod';

/**
 * The one rule for every URL the person (or a renderer) hands the app: a bank's base URL, an
 * enrolment endpoint, a redirect URI. https anywhere; plain http only to this machine's loopback
 * (127.0.0.0/8, [::1], localhost), for a bank simulator. Nothing else: no `file:`, `javascript:`,
 * `data:` or `ftp:`, no user:password@ in the authority (it would travel in every request), no
 * fragment (RFC 6749 §3.1.2 forbids one in a redirect URI; a base URL never needs one).
 */

/** The parts of a WHATWG-normalised href this rule reads; the href is canonical, so a pattern can read it. */
const NORMALISED_HREF = /^([a-z][a-z0-9+.-]*):\/\/([^@/?#]*@)?(\[[0-9a-f:.]*\]|[^:/?#]*)/;

const LOOPBACK_V4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** True for a loopback host as the WHATWG URL parser writes it (`127.1` is already `127.0.0.1` there). */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || LOOPBACK_V4.test(host);
}

/** Why a normalised href breaks the rule, or undefined when it keeps it. */
function urlRuleProblem(href: string): string | undefined {
  const parts = NORMALISED_HREF.exec(href);
  if (parts === null) return 'must be an https URL';
  const [, scheme, userinfo, host = ''] = parts;
  if (scheme !== 'https' && scheme !== 'http') return 'must be an https URL';
  if (userinfo !== undefined) return 'must not carry a user name or password';
  if (href.includes('#')) return 'must not carry a fragment (#…)';
  if (scheme === 'http' && !isLoopbackHost(host)) return 'must use https (plain http is allowed only to 127.0.0.1, [::1] or localhost, for a simulator)';
  return undefined;
}

/** True when a URL that keeps the rule is plain http to loopback: a simulator on this machine, never a bank. */
export function isSimulatorUrl(href: string): boolean {
  const parts = NORMALISED_HREF.exec(href);
  return parts !== null && parts[1] === 'http' && isLoopbackHost(parts[3] ?? '');
}

/** The shared schema: the contract's inputs and core's profile validation both parse with it. Outputs the normalised href. */
export const webUrl = z
  .string()
  .max(2000)
  .pipe(z.url({ normalize: true }))
  .superRefine((href, ctx) => {
    const problem = urlRuleProblem(href);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  });
