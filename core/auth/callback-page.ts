import { randomBytes } from 'node:crypto';
import type { CallbackAnswer } from './authorization-session.js';

/**
 * What the page the bank sent the person back to says, in every front end (browser mode's popup,
 * the system browser, the terminal's listener, the Electron window). Romanian, as the app is.
 */
const TEXT: Readonly<Record<CallbackAnswer['kind'], string>> = {
  authorized: 'Autorizare finalizată. Puteți închide această fereastră.',
  refused: 'Autorizarea a fost refuzată. Puteți închide această fereastră.',
  failed: 'Autorizarea nu a reușit. Puteți închide această fereastră și încerca din nou din aplicație.',
  'not-for-this-request': 'Acest răspuns nu aparține autorizării în curs și a fost ignorat. Dacă ați început o autorizare, continuați în pagina băncii.',
  'no-session': 'Nu există nicio autorizare în curs. Puteți închide această fereastră și reveni în aplicație.',
};

/** A rendered callback page with the headers that let exactly its own inline script and style run. */
export interface CallbackPage {
  status: number;
  html: string;
  csp: string;
  /** Every header the page needs besides its body; a front end may add its own common ones. */
  headers: Readonly<Record<string, string>>;
}

export interface CallbackPageOptions {
  nonce?: string;
  /**
   * The Electron window shows the page itself (a `data:` URL, no response headers): the policy
   * then travels in a `<meta>` and no script runs, since main closes the window.
   */
  inWindow?: boolean;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * The page for one callback answer. Once the authorisation is over (authorised or refused) it
 * closes itself: the popup was opened by the app's script, so `window.close()` is allowed there;
 * in the system browser the call does nothing and the text asks the person to close the tab. A
 * failure, a refused stray callback and a late one keep the page open so the person can read why.
 */
export function renderCallbackPage(answer: CallbackAnswer, options: CallbackPageOptions = {}): CallbackPage {
  const nonce = options.nonce ?? randomBytes(16).toString('base64');
  const closes = !options.inWindow && (answer.kind === 'authorized' || answer.kind === 'refused');
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "form-action 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
  // frame-ancestors is ignored (and warned about) in a <meta>: the window is never framed anyway.
  const meta = options.inWindow ? `<meta http-equiv="Content-Security-Policy" content="${csp.replace("; frame-ancestors 'none'", '')}">\n` : '';
  const detail = answer.kind === 'failed' || answer.kind === 'not-for-this-request' ? `\n<p><small>${escapeHtml(answer.why)}</small></p>` : '';
  const html = `<!doctype html>
<html lang="ro">
<head>
<meta charset="utf-8">
${meta}<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Conturi</title>
<style nonce="${nonce}">body{font-family:system-ui,sans-serif;margin:3rem auto;max-width:32rem;padding:0 1rem;color:#1a1a1a}small{color:#555}</style>
</head>
<body>
<main><p role="status">${TEXT[answer.kind]}</p>${detail}</main>
${closes ? `<script nonce="${nonce}">window.close();</script>\n` : ''}</body>
</html>
`;
  const status = answer.kind === 'not-for-this-request' || answer.kind === 'no-session' ? 400 : 200;
  return {
    status,
    html,
    csp,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': csp,
      'cache-control': 'no-store',
      // The code sits in this page's URL: nothing may carry it further.
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    },
  };
}
