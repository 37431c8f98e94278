import { AuthorizationCancelledError, OAuthError } from '../errors.js';
import { buildAuthorizationUrl } from '../oauth/authorize-url.js';
import { parseAuthorizationCallback } from '../oauth/callback.js';
import { createPkce, createState } from '../oauth/pkce.js';
import type { ResolvedBank } from '../profiles/bank-environments.js';

/**
 * What a front end does for an authorisation: show the bank's page. It then hands back every
 * redirect it catches (`session.handleRedirect`) or says the person closed it (`session.cancel`).
 * The Electron window, the browser-mode popup and the terminal are three adapters of this port.
 */
export interface AuthorizationPort {
  open(url: string, session: AuthorizationSession): void | Promise<void>;
}

export const AUTHORIZATION_TIMEOUT_MS = 5 * 60_000;

export interface AuthorizationGrant {
  code: string;
  codeVerifier: string;
  redirectUri: string;
}

/**
 * One OAuth authorization-code flow with PKCE (S256) and `state`. It settles exactly once: on a
 * code, on the bank's `access_denied`, on `cancel`, or on timeout; later events are ignored.
 * @see RFC 6749 §4.1, RFC 7636, RFC 8252 §8.9 (state).
 */
export class AuthorizationSession {
  readonly result: Promise<AuthorizationGrant>;
  private settle!: { resolve: (g: AuthorizationGrant) => void; reject: (e: unknown) => void };
  private settled = false;
  /** Redirects to our URI that carried another request's state: refused and counted. */
  rejectedRedirects = 0;
  private timer?: ReturnType<typeof setTimeout>;

  private constructor(
    readonly url: string,
    readonly redirectUri: string,
    private readonly state: string,
    private readonly codeVerifier: string,
    private readonly stateMayBeOmitted: boolean,
  ) {
    this.result = new Promise<AuthorizationGrant>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    // The caller may drop the promise after cancelling; keep Node from reporting it.
    this.result.catch(() => {});
  }

  /** Builds the authorize URL for a consent (`AIS:`) or payment (`PIS:`) and opens it through the port. */
  static async start(bank: ResolvedBank, scope: string, location: string | undefined, port: AuthorizationPort, timeoutMs = AUTHORIZATION_TIMEOUT_MS): Promise<AuthorizationSession> {
    const pkce = await createPkce();
    const state = createState();
    const url = buildAuthorizationUrl({
      location,
      baseUrl: bank.psd2.baseUrl,
      profile: bank.profile,
      clientId: bank.clientId,
      redirectUri: bank.redirectUri,
      scope,
      pkce,
      state,
    });
    const session = new AuthorizationSession(url, bank.redirectUri, state, pkce.verifier, bank.profile.quirks.stateMayBeOmitted);
    session.timer = setTimeout(() => session.cancel('timeout'), timeoutMs);
    session.timer.unref?.();
    try {
      await port.open(url, session);
    } catch (error) {
      session.fail(error);
    }
    return session;
  }

  /**
   * A navigation the front end caught. Returns false when it is not our redirect (the front end
   * lets it go on); true when it was aimed at our redirect URI (the front end cancels the
   * navigation): it then settled the session, or was refused for carrying another state.
   */
  handleRedirect(url: string): boolean {
    if (this.settled) return false;
    let parsed;
    try {
      parsed = parseAuthorizationCallback(url, { redirectUri: this.redirectUri, state: this.state, stateMayBeOmitted: this.stateMayBeOmitted });
    } catch (error) {
      this.fail(error);
      return true;
    }
    if (parsed.kind === 'not-ours') return false;
    if (parsed.kind === 'error' && parsed.error instanceof OAuthError && parsed.error.error === 'state_mismatch') {
      // Not this request's answer: refused, but it must not end the flow, or any page that can
      // reach the redirect URI could cancel the person's authorisation (RFC 6749 §10.12).
      this.rejectedRedirects += 1;
      return true;
    }
    if (parsed.kind === 'error') {
      this.fail(parsed.error);
      return true;
    }
    this.finish(() => this.settle.resolve({ code: parsed.code, codeVerifier: this.codeVerifier, redirectUri: this.redirectUri }));
    return true;
  }

  cancel(reason: 'closed' | 'timeout' | 'superseded'): void {
    this.fail(new AuthorizationCancelledError(reason));
  }

  get isSettled(): boolean {
    return this.settled;
  }

  private fail(error: unknown): void {
    this.finish(() => this.settle.reject(error));
  }

  private finish(action: () => void): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    action();
  }
}
