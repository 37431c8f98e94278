import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AuthorizationSession } from './authorization-session.js';
import { renderCallbackPage, type CallbackPage } from './callback-page.js';

/** The path the bank sends the person back to on a loopback redirect (RFC 8252 §7.3). */
export const LOOPBACK_CALLBACK_PATH = '/oauth/callback';

/**
 * The port of the loopback redirect the embedded sandbox is enrolled with (the app's
 * system-browser mode, the CLI): fixed, so the redirect URI stays the same across launches and
 * the sandbox app is not enrolled anew (which would orphan the refresh tokens of the old one).
 */
export const DEFAULT_LOOPBACK_PORT = 47_613;

export const loopbackRedirectUri = (port: number = DEFAULT_LOOPBACK_PORT) => `http://127.0.0.1:${port}${LOOPBACK_CALLBACK_PATH}`;

/** The port of a `http://127.0.0.1:<port>/…` redirect URI; undefined for anything a loopback listener cannot catch. */
export function loopbackPortOf(redirectUri: string): number | undefined {
  const target = URL.canParse(redirectUri) ? new URL(redirectUri) : undefined;
  if (target === undefined || target.protocol !== 'http:' || target.hostname !== '127.0.0.1' || target.port === '') return undefined;
  return Number(target.port);
}

/** What the callback needs of a session. */
export type CallbackSession = Pick<AuthorizationSession, 'handleRedirect'>;

/**
 * The one callback handler of every loopback front end (browser mode's route, the system-browser
 * listener, the terminal's): hands the exact redirect to the waiting session and renders what
 * it answers, which for a code is known only after the token exchange. `undefined`: not our
 * redirect URI at all (another path), for the caller to answer 404.
 */
export async function answerCallback(url: string, session: CallbackSession | undefined): Promise<CallbackPage | undefined> {
  if (session === undefined) return renderCallbackPage({ kind: 'no-session' });
  const handling = session.handleRedirect(url);
  if (!handling.ours) return undefined;
  return renderCallbackPage(await handling.answer);
}

export interface LoopbackListener {
  port: number;
  /** Stops listening; a page still being answered is finished first. */
  close(): void;
}

/**
 * A listener on 127.0.0.1:`port` (0 picks one) that answers every GET through `answerCallback`
 * for the session `waiting()` names at that moment. The `Host` header must be the loopback
 * address a real redirect carries, so a page reaching this port through DNS rebinding is turned
 * away; so is any other method.
 * @throws the listen error (EADDRINUSE…) when the port cannot be had.
 */
export async function listenForCallbacks(port: number, waiting: () => CallbackSession | undefined): Promise<LoopbackListener> {
  let bound = port;
  const server = createServer((req, res) => {
    answer(req, bound, waiting()).then(
      (page) => send(res, page),
      // handleRedirect and the exchange report through the answer; this is a bug of ours, shown as one.
      (error: unknown) => send(res, renderCallbackPage({ kind: 'failed', why: error instanceof Error ? error.message : String(error) })),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  bound = (server.address() as { port: number }).port;
  return {
    port: bound,
    close: () => {
      server.close();
      server.closeIdleConnections();
    },
  };
}

async function answer(req: IncomingMessage, port: number, session: CallbackSession | undefined): Promise<CallbackPage | undefined> {
  if (req.method !== 'GET' || req.headers.host !== `127.0.0.1:${port}`) return undefined;
  return answerCallback(`http://127.0.0.1:${port}${req.url ?? '/'}`, session);
}

function send(res: ServerResponse, page: CallbackPage | undefined): void {
  // One answer per connection: the listener may be closing once the session settled.
  const common = { connection: 'close', 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' };
  if (page === undefined) {
    res.writeHead(404, { ...common, 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': "default-src 'none'" });
    res.end('Not found\n');
    return;
  }
  res.writeHead(page.status, { ...page.headers, connection: 'close' });
  res.end(page.html);
}
