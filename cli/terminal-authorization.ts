import type { AuthorizationPort, AuthorizationSession } from '../core/auth/authorization-session.js';
import { listenForCallbacks, loopbackPortOf } from '../core/auth/loopback-callback.js';
import { ValidationError } from '../core/errors.js';
import { playPsu } from '../sandbox/demo-psu.js';

export interface TerminalAuthorizationOptions {
  /** Plays this sandbox PSU on the bank's pages instead of waiting for a person's browser. */
  autoPsu?: string | undefined;
  /** Shows the bank's authorize URL (stdout) and a note on what to do with it (stderr). */
  showUrl(url: string): void;
  note(line: string): void;
}

/**
 * How the CLI opens the bank's page: it prints the authorize URL for the person to open, and
 * catches the bank's redirect with core's one callback listener on the loopback port the
 * redirect URI names (RFC 8252 §7.3), so the browser tab says "authorised" only once the code
 * was exchanged. With `autoPsu` it plays that sandbox PSU on the bank's pages and follows the
 * redirect to the listener itself, as a browser would.
 */
export class TerminalAuthorization implements AuthorizationPort {
  #active: AuthorizationSession | undefined;

  constructor(private readonly options: TerminalAuthorizationOptions) {}

  async open(url: string, session: AuthorizationSession): Promise<void> {
    const port = loopbackPortOf(session.redirectUri);
    if (port === undefined) {
      throw new ValidationError(`the CLI catches the bank's answer on 127.0.0.1 only, and this profile redirects to ${session.redirectUri}`, 'redirectUri');
    }
    this.#active = session;
    const listener = await listenForCallbacks(port, () => (session.isSettled ? undefined : session)).catch((error: unknown) => {
      throw new ValidationError(
        `port ${port} on 127.0.0.1 is busy (${(error as NodeJS.ErrnoException).code ?? 'error'}), so the bank's answer cannot come back; close what uses it or pass --callback-port`,
        'callback-port',
      );
    });
    session.result.then(listener.close, listener.close);
    this.options.showUrl(url);
    const user = this.options.autoPsu;
    if (user === undefined) {
      this.options.note("Open the address above in a browser and sign in at the bank; waiting for the bank's answer (Ctrl-C gives up).");
      return;
    }
    await this.playSandboxPsu(url, user);
  }

  /** Ends an authorisation still waiting (Ctrl-C), so core's connect settles as closed. */
  close(): void {
    this.#active?.cancel('closed');
    this.#active = undefined;
  }

  private async playSandboxPsu(url: string, user: string): Promise<void> {
    let back: URL;
    try {
      back = await playPsu(url, { user, decision: 'allow' });
    } catch (error) {
      throw new ValidationError(`the sandbox PSU "${user}" could not sign in and consent: ${(error as Error).message.split('\n')[0] as string}`, 'auto-psu');
    }
    // The listener answers once the code was exchanged; the session has settled by then.
    const page = await fetch(back, { redirect: 'manual' });
    await page.body?.cancel();
  }
}
