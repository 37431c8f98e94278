/**
 * The document shell every bank page shares: `lang="ro"`, the CEC Bank logo, the nonce'd
 * stylesheet and, when a page needs one, its nonce'd inline script.
 */
import { html, raw, type SafeHtml } from './html.js';
import { PAGE_CSS } from './styles.js';

export { html, SafeHtml, type HtmlValue } from './html.js';

// Inline so the page loads no image; system fonts only.
const LOGO_SVG = `<svg class="brand" width="168" height="40" viewBox="0 0 168 40" role="img" aria-labelledby="cec-logo-title" focusable="false">
<title id="cec-logo-title">CEC Bank</title>
<rect width="40" height="40" rx="9" fill="#003a70"/>
<path d="M27.5 13.2A10 10 0 1 0 27.5 26.8" fill="none" stroke="#fff" stroke-width="4.5" stroke-linecap="round"/>
<circle cx="28.5" cy="20" r="2.6" fill="#f2b705"/>
<text x="50" y="28" font-family="system-ui,Segoe UI,Arial,sans-serif" font-size="22" font-weight="700" fill="#003a70">CEC Bank</text>
</svg>`;

/** What a page hands to the shell. */
export interface DocumentParts {
  nonce: string;
  /** The `<title>`: plain text, escaped here. */
  title: string;
  main: SafeHtml;
  /** Wider card for tables (bulk payments). */
  wide?: boolean;
  /** A constant inline script; it gets the nonce. Never build it from request data. */
  script?: string;
}

/** Renders a complete HTML document around a page's `<main>` content. */
export function renderDocument(p: DocumentParts): string {
  const script = p.script ? html`<script nonce="${p.nonce}">${raw(p.script)}</script>` : false;
  return html`<!doctype html>
<html lang="ro">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${p.title}</title>
<link rel="icon" href="data:,">
<style nonce="${p.nonce}">${raw(PAGE_CSS)}</style>
</head>
<body>
<main${p.wide ? raw(' class="wide"') : ''}>
${raw(LOGO_SVG)}
${p.main}
</main>
<footer>CEC Bank S.A. · Mediu de test PSD2 (sandbox)</footer>
${script}
</body>
</html>
`.toString();
}
