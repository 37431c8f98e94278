import type { Settings } from '../common/index.js';
import type { AuthorizationPort, AuthorizationSession } from '../core/auth/authorization-session.js';
import type { CallbackPage } from '../core/auth/callback-page.js';
import { answerCallback, LOOPBACK_CALLBACK_PATH } from '../core/auth/loopback-callback.js';
import { renderCallbackPage } from '../core/auth/callback-page.js';
import type { EventStream } from './event-stream.js';

/** The path the bank sends the person back to, on our own origin (RFC 8252 §7.3 loopback). */
export const CALLBACK_PATH = LOOPBACK_CALLBACK_PATH;

/**
 * Both authorisation modes of browser mode share one loopback redirect: `window` asks the
 * renderer (through `authorization:open`) to navigate the popup it already opened, while
 * `system-browser` hands the URL to the OS. Either way the bank's redirect arrives at
 * `GET /oauth/callback`, which core's one callback handler answers for the one open session.
 */
export class LoopbackAuthorization {
  #waiting: AuthorizationSession | undefined;

  constructor(
    private readonly events: EventStream,
    private readonly openExternal: (url: string, until: Promise<unknown>) => Promise<void>,
  ) {}

  /** The port core opens the bank's page through, for the person's chosen mode. */
  port(mode: Settings['authorizationMode']): AuthorizationPort {
    return {
      open: async (url, session) => {
        // A newer session replaces an older one: core allows one at a time and settles the old.
        this.#waiting = session;
        if (mode === 'window') this.events.emit('authorization:open', { url });
        else await this.openExternal(url, session.result);
      },
    };
  }

  /**
   * The page for a request to the callback route. `url` is rebuilt from our own origin and the
   * request path, so the session's exact redirect matching sees what the bank sent. Awaits the
   * token exchange when the redirect carries this request's code.
   */
  async callback(url: string): Promise<CallbackPage> {
    const session = this.#waiting?.isSettled === false ? this.#waiting : undefined;
    // Not aimed at the session's redirect URI (say, a query the registered URI requires is missing): nothing waits for it.
    return (await answerCallback(url, session)) ?? renderCallbackPage({ kind: 'no-session' });
  }

  /** Shutting down: an authorisation still open ends as closed, so core's connect settles. */
  close(): void {
    this.#waiting?.cancel('closed');
    this.#waiting = undefined;
  }
}
