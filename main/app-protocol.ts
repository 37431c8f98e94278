import { readFile } from 'node:fs/promises';
import { findStaticFile, RENDERER_CSP } from '../core/platform/static-files.js';
import { protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-origin.js';

// electronegativity-justified: CSP_GLOBAL_CHECK — the CSP is a header of every app:// answer (serveAppRequest), a place the check does not look.
/** The renderer's policy, shared with browser mode. */
export const CONTENT_SECURITY_POLICY = RENDERER_CSP;

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
  if (!URL.canParse(url)) return answer(404, 'not found', 'text/plain; charset=utf-8');
  const parsed = new URL(url);
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return answer(404, 'not found', 'text/plain; charset=utf-8');
  const file = await findStaticFile(root, parsed.pathname);
  if (file === undefined) return answer(404, 'not found', 'text/plain; charset=utf-8');
  return answer(200, await readFile(file.path), file.contentType);
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
