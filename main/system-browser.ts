import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AuthorizationPort } from '../core/auth/authorization-session.js';
import { ValidationError } from '../core/errors.js';
import type { OAuthSession } from './oauth-flow.js';

/**
 * The RFC 8252 way (setting `authorizationMode: 'system-browser'`): the bank's page opens in the
 * person's own browser and comes back to a listener on 127.0.0.1 (§7.3, loopback redirect).
 *
 * The redirect URI then differs from the window's: `http://127.0.0.1:<port>/oauth/callback`.
 * - The embedded sandbox re-enrols by itself when the redirect URI changes (core's
 *   BankEnvironments); main picks the sandbox's redirect from the setting at start-up, so a
 *   change of mode applies to the sandbox from the next launch.
 * - A production profile must have registered this exact URI (port included) with the bank:
 *   CEC matches redirect URIs exactly, unlike RFC 8252 §7.3's any-port rule. The listener opens
 *   on the port the profile's redirect URI names.
 */
export const LOOPBACK_CALLBACK_PATH = '/oauth/callback';

/** The port the sandbox's loopback redirect uses: fixed, so the URI stays the same across launches. */
export const DEFAULT_LOOPBACK_PORT = 47_613;

export const loopbackRedirectUri = (port: number = DEFAULT_LOOPBACK_PORT) => `http://127.0.0.1:${port}${LOOPBACK_CALLBACK_PATH}`;

/** The port of a `http://127.0.0.1:<port>/…` redirect URI; anything else cannot come back to a loopback listener. */
export function loopbackPort(redirectUri: string): number {
  const target = URL.canParse(redirectUri) ? new URL(redirectUri) : undefined;
  if (target === undefined || target.protocol !== 'http:' || target.hostname !== '127.0.0.1' || target.port === '') {
    throw new ValidationError(
      'The system browser needs a loopback redirect URI (http://127.0.0.1:<port>/oauth/callback). ' +
        'For the sandbox, restart the app after changing the setting; for a bank profile, register such a URI with the bank.',
      'redirectUri',
    );
  }
  return Number(target.port);
}

export interface SystemBrowserDeps {
  /** `shell.openExternal` in the app; a fake in tests. */
  openBrowser(url: string): Promise<void>;
}

const PAGE = '<!doctype html><meta charset="utf-8"><title>Conturi</title><p>Gata. Puteți închide această filă și reveni în Conturi.</p>';

/** Opens the authorize URL in the person's browser and waits for the redirect on loopback. */
export class SystemBrowserPort implements AuthorizationPort {
  private active?: OAuthSession;

  constructor(private readonly deps: SystemBrowserDeps) {}

  async open(url: string, session: OAuthSession): Promise<void> {
    const port = loopbackPort(session.redirectUri);
    if (this.active !== undefined && !this.active.isSettled) {
      // Same rule as the window: the first flow keeps its listener, the new one is refused.
      session.cancel('superseded');
      return;
    }
    if (!/^https?:$/.test(new URL(url).protocol)) throw new ValidationError('the authorize URL must be http(s)', 'url');
    // Taken before the first await: a second open during `listen` must see this one (a failed listen settles it).
    this.active = session;
    const server = createServer((req, res) => answer(req, res, session, port));
    await listen(server, port).catch((error: unknown) => {
      throw new ValidationError(`Port ${port} on 127.0.0.1 is busy, so the bank's answer cannot come back (${(error as NodeJS.ErrnoException).code ?? 'error'}). Close the program using it, or switch the setting to the app's window.`, 'redirectUri');
    });
    const close = () => {
      server.close();
      server.closeAllConnections();
    };
    session.result.then(close, close);
    await this.deps.openBrowser(url);
  }
}

/**
 * Feeds the exact redirect to the session. The Host header must be the loopback address a real
 * redirect carries, so a page reaching this port through DNS rebinding is turned away.
 */
function answer(req: IncomingMessage, res: ServerResponse, session: OAuthSession, port: number): void {
  const ours = req.method === 'GET' && req.headers.host === `127.0.0.1:${port}` && session.handleRedirect(`http://127.0.0.1:${port}${req.url ?? '/'}`);
  res.writeHead(ours ? 200 : 404, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // The code sits in this page's URL: nothing may carry it further.
    'referrer-policy': 'no-referrer',
    'content-security-policy': "default-src 'none'",
  });
  res.end(ours ? PAGE : 'Not found');
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}
