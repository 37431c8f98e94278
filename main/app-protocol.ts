import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin.js';

// electronegativity-justified: CSP_GLOBAL_CHECK — the CSP is a header of every app:// answer (serveAppRequest), a place the check does not look.
/**
 * The app's pages may load only their own scripts, styles and images and talk to nobody: all
 * bank traffic happens in main. `data:` images are for icons the bundler inlines.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Must run before `app` is ready: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves `root` (the built renderer) under `app://conturi/`; call once `app` is ready. */
export function handleAppProtocol(root: string): void {
  protocol.handle(APP_SCHEME, (request) => serveAppRequest(root, request.url));
}

/**
 * Answers one `app://` request from the files under `root`. Segments are judged after
 * percent-decoding (no `..`, no separators, no NUL) and the real path must stay inside the real
 * root, so neither `%2e%2e` nor a symlink leads out. Every answer carries the CSP.
 */
export async function serveAppRequest(root: string, url: string): Promise<Response> {
  const file = await findFile(root, url);
  if (file === undefined) return answer(404, 'not found', 'text/plain; charset=utf-8');
  return answer(200, await readFile(file), TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream');
}

function answer(status: number, body: string | Buffer, contentType: string): Response {
  return new Response(typeof body === 'string' ? body : new Uint8Array(body), {
    status,
    headers: {
      'content-type': contentType,
      'content-security-policy': CONTENT_SECURITY_POLICY,
      'x-content-type-options': 'nosniff',
    },
  });
}

async function findFile(root: string, url: string): Promise<string | undefined> {
  if (!URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return undefined;
  const segments = decodeSegments(parsed.pathname);
  if (segments === undefined) return undefined;
  try {
    const realRoot = await realpath(root);
    const real = await realpath(join(realRoot, ...(segments.length === 0 ? ['index.html'] : segments)));
    if (!real.startsWith(realRoot + sep)) return undefined;
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

function decodeSegments(pathname: string): string[] | undefined {
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    if (segment === '.' || segment === '..' || /[/\\\0:]/.test(segment)) return undefined;
    segments.push(segment);
  }
  return segments;
}
