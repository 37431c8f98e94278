import { randomBytes } from 'node:crypto';

/** What the loopback callback tells the person in the window the bank sent back. */
export type CallbackOutcome = 'authorized' | 'refused' | 'failed' | 'no-session';

const TEXT: Readonly<Record<CallbackOutcome, string>> = {
  authorized: 'Autorizare finalizata. Puteti inchide aceasta fereastra.',
  refused: 'Autorizarea a fost refuzata. Puteti inchide aceasta fereastra.',
  failed: 'Autorizarea nu a reusit. Puteti inchide aceasta fereastra si incerca din nou din aplicatie.',
  'no-session': 'Nu exista nicio autorizare in curs. Puteti inchide aceasta fereastra si reveni in aplicatie.',
};

/** A rendered callback page with the CSP that lets exactly its own inline script and style run. */
export interface CallbackPage {
  status: number;
  html: string;
  csp: string;
}

/**
 * The page the bank's redirect lands on. After a settled authorisation it closes itself: the
 * popup was opened by the app's script, so `window.close()` is allowed there; in the system
 * browser the call does nothing and the text asks the person to close the tab. A stray callback
 * keeps its page open so the person can read why nothing happened.
 */
export function renderCallbackPage(outcome: CallbackOutcome, nonce = randomBytes(16).toString('base64')): CallbackPage {
  const closes = outcome !== 'no-session';
  const html = `<!doctype html>
<html lang="ro">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Conturi</title>
<style nonce="${nonce}">body{font-family:system-ui,sans-serif;margin:3rem auto;max-width:32rem;padding:0 1rem;color:#1a1a1a}</style>
</head>
<body>
<main><p role="status">${TEXT[outcome]}</p></main>
${closes ? `<script nonce="${nonce}">window.close();</script>\n` : ''}</body>
</html>
`;
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src 'nonce-${nonce}'`,
    "form-action 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
  return { status: outcome === 'no-session' ? 400 : 200, html, csp };
}
