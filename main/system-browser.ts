import type { AuthorizationPort } from '../core/auth/authorization-session.js';
import { DEFAULT_LOOPBACK_PORT, listenForCallbacks, loopbackPortOf, loopbackRedirectUri } from '../core/auth/loopback-callback.js';
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

/** Core's, shared with the CLI: one sandbox enrolment serves both. */
export { DEFAULT_LOOPBACK_PORT, loopbackRedirectUri };

/** The port of a `http://127.0.0.1:<port>/…` redirect URI; anything else cannot come back to a loopback listener. */
export function loopbackPort(redirectUri: string): number {
  const port = loopbackPortOf(redirectUri);
  if (port === undefined) {
    throw new ValidationError(
      'The system browser needs a loopback redirect URI (http://127.0.0.1:<port>/oauth/callback). ' +
        'For the sandbox, restart the app after changing the setting; for a bank profile, register such a URI with the bank.',
      'redirectUri',
    );
  }
  return port;
}

export interface SystemBrowserDeps {
  /**
   * Opens `url` in the person's browser until `until` settles (the sign-in ended). In the app:
   * `shell.openExternal` on a private page that forwards to it, since the authorize URL carries
   * the state and an opener's arguments are readable by every local user.
   */
  openBrowser(url: string, until: Promise<unknown>): Promise<void>;
}

/**
 * Opens the authorize URL in the person's browser and waits for the redirect on loopback, with
 * core's one callback listener: the tab says "authorised" only once the token exchange worked.
 */
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
    const listener = await listenForCallbacks(port, () => session).catch((error: unknown) => {
      throw new ValidationError(`Port ${port} on 127.0.0.1 is busy, so the bank's answer cannot come back (${(error as NodeJS.ErrnoException).code ?? 'error'}). Close the program using it, or switch the setting to the app's window.`, 'redirectUri');
    });
    session.result.then(listener.close, listener.close);
    await this.deps.openBrowser(url, session.result);
  }
}
