import { RENDERER_CSP } from '../core/platform/static-files.js';
/**
 * Response headers of the host, in one place so the page, the API and the callback cannot drift.
 */

/** The renderer's policy (shared with the Electron window). */
export const APP_CSP = RENDERER_CSP;

/** Sent on everything the host answers. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  // Our files and answers are for our own page only: no other origin may embed or read them.
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * Sent on the renderer's files. COOP `same-origin-allow-popups`: a page that opens the app (or
 * that the app was opened from) gets no handle on it, yet the bank popup the app opens keeps its
 * link to the opener, because the bank's pages and our callback send no COOP of their own. With
 * `same-origin` the popup would move to another browsing context group as soon as it reached the
 * bank, the app's `popup.closed` would read true at once and every connection would look
 * cancelled.
 */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  ...COMMON_HEADERS,
  'content-security-policy': APP_CSP,
  'cross-origin-opener-policy': 'same-origin-allow-popups',
};

/** Sent on API answers: never cached, never rendered as a page. */
export const API_HEADERS: Readonly<Record<string, string>> = {
  ...COMMON_HEADERS,
  'cache-control': 'no-store',
};
