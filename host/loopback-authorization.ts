import type { Settings } from '../common/index.js';
import type { AuthorizationPort, AuthorizationSession } from '../core/auth/authorization-session.js';
import { toUiState } from '../core/errors.js';
import type { CallbackOutcome } from './callback-page.js';
import type { EventStream } from './event-stream.js';

/** The path the bank sends the person back to, on our own origin (RFC 8252 §7.3 loopback). */
export const CALLBACK_PATH = '/oauth/callback';

/**
 * Both authorisation modes of browser mode share one loopback redirect: `window` asks the
 * renderer (through `authorization:open`) to navigate the popup it already opened, while
 * `system-browser` hands the URL to the OS. Either way the bank's redirect arrives at
 * `GET /oauth/callback`, which this class hands to the one open session.
 */
export class LoopbackAuthorization {
  #waiting: AuthorizationSession | undefined;

  constructor(
    private readonly events: EventStream,
    private readonly openExternal: (url: string) => Promise<void>,
  ) {}

  /** The port core opens the bank's page through, for the person's chosen mode. */
  port(mode: Settings['authorizationMode']): AuthorizationPort {
    return {
      open: async (url, session) => {
        // A newer session replaces an older one: core allows one at a time and settles the old.
        this.#waiting = session;
        if (mode === 'window') this.events.emit('authorization:open', { url });
        else await this.openExternal(url);
      },
    };
  }

  /**
   * Hands the redirect to the open session. `url` is rebuilt from our own origin and the request
   * path, so the session's exact redirect matching sees what the bank sent.
   */
  async callback(url: string): Promise<CallbackOutcome> {
    const session = this.#waiting;
    if (session === undefined || session.isSettled || !session.handleRedirect(url)) return 'no-session';
    // Refused for carrying another request's state: the session still waits for the real answer.
    if (!session.isSettled) return 'no-session';
    this.#waiting = undefined;
    // handleRedirect settled the session synchronously: this await only reads the outcome.
    const error = await session.result.then(() => undefined, (e: unknown) => e ?? new Error('unknown'));
    if (error === undefined) return 'authorized';
    return toUiState(error) === 'sca-cancelled' ? 'refused' : 'failed';
  }

  /** Shutting down: an authorisation still open ends as closed, so core's connect settles. */
  close(): void {
    this.#waiting?.cancel('closed');
    this.#waiting = undefined;
  }
}
