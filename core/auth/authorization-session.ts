import { AuthorizationCancelledError, OAuthError } from '../errors.js';
import { buildAuthorizationUrl } from '../oauth/authorize-url.js';
import { parseAuthorizationCallback } from '../oauth/callback.js';
import { createPkce, createState } from '../oauth/pkce.js';
import { authorizationCodeGrantRequest, processTokenResponse, type TokenSet } from '../oauth/token.js';
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

/** Trades a code for tokens at the bank's token endpoint; throws the bank's OAuthError when it will not. */
export type CodeExchange = (grant: AuthorizationGrant) => Promise<TokenSet>;

/**
 * What the page the bank sent the person back to should tell them, once the session knows:
 * - `authorized`: the token exchange succeeded; the session settled with the tokens.
 * - `refused`: the person said no on the bank's page; the session settled as cancelled.
 * - `failed`: this request's answer ended the session with an error (`why` says which).
 * - `not-for-this-request`: refused (no, repeated or another state; a state-less code the bank
 *   did not issue to us); the session still waits for the real answer.
 * - `no-session`: nothing waits for this redirect any more (settled, or already answered).
 */
export type CallbackAnswer =
  | { kind: 'authorized' }
  | { kind: 'refused' }
  | { kind: 'failed'; why: string }
  | { kind: 'not-for-this-request'; why: string }
  | { kind: 'no-session' };

/**
 * `ours: false`: not our redirect URI, the navigation may go on. `ours: true`: the front end
 * stops the navigation at once (synchronously, as Electron's `will-navigate` requires) and shows
 * `answer` when it arrives, after the token exchange when there is one.
 */
export type RedirectHandling = { ours: false } | { ours: true; answer: Promise<CallbackAnswer> };

const NO_SESSION: RedirectHandling = { ours: true, answer: Promise.resolve({ kind: 'no-session' }) };
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The token exchange of `bank`'s token endpoint for `scope`, the one every authorisation uses. */
export function codeExchange(bank: ResolvedBank, scope: string, now: () => Date): CodeExchange {
  return async (grant) =>
    processTokenResponse(
      await authorizationCodeGrantRequest(bank.psd2.fetch, { tokenUrl: bank.tokenUrl, clientId: bank.clientId, clientSecret: bank.clientSecret, ...grant, scope }),
      now(),
      { expectedScope: scope },
    );
}

/**
 * One OAuth authorization-code flow with PKCE (S256) and `state`. It settles exactly once: with
 * the exchanged tokens, on the bank's `access_denied` or another error carrying our state, on
 * `cancel`, or on timeout; later events are ignored. Nothing that lacks our state ends it.
 * @see RFC 6749 §4.1, §10.12; RFC 7636; RFC 8252 §8.9 (state).
 */
export class AuthorizationSession {
  readonly result: Promise<TokenSet>;
  private settle!: { resolve: (t: TokenSet) => void; reject: (e: unknown) => void };
  /** `answered`: this request's answer arrived and is being exchanged; no other redirect counts. */
  private phase: 'waiting' | 'answered' | 'settled' = 'waiting';
  /** Redirects to our URI refused as not this request's answer. */
  rejectedRedirects = 0;
  private timer?: ReturnType<typeof setTimeout>;

  private constructor(
    readonly url: string,
    readonly redirectUri: string,
    private readonly state: string,
    private readonly codeVerifier: string,
    private readonly stateMayBeOmitted: boolean,
    private readonly exchange: CodeExchange,
  ) {
    this.result = new Promise<TokenSet>((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    // The caller may drop the promise after cancelling; keep Node from reporting it.
    this.result.catch(() => {});
  }

  /**
   * Builds the authorize URL for a consent (`AIS:`) or payment (`PIS:`) and opens it through the
   * port; the session settles only once `exchange` turned the bank's code into tokens.
   */
  static async start(bank: ResolvedBank, scope: string, location: string | undefined, port: AuthorizationPort, exchange: CodeExchange, timeoutMs = AUTHORIZATION_TIMEOUT_MS): Promise<AuthorizationSession> {
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
    const session = new AuthorizationSession(url, bank.redirectUri, state, pkce.verifier, bank.profile.quirks.stateMayBeOmitted, exchange);
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
   * A navigation the front end caught. Tells synchronously whether it is aimed at our redirect
   * URI (the front end then stops it) and, as a promise, what to tell the person.
   */
  handleRedirect(url: string): RedirectHandling {
    const parsed = parseAuthorizationCallback(url, { redirectUri: this.redirectUri, state: this.state, stateMayBeOmitted: this.stateMayBeOmitted });
    if (parsed.kind === 'not-ours') return { ours: false };
    if (this.phase !== 'waiting') return NO_SESSION;
    switch (parsed.kind) {
      case 'not-this-request':
        this.rejectedRedirects += 1;
        return { ours: true, answer: Promise.resolve({ kind: 'not-for-this-request', why: parsed.why }) };
      case 'error':
        this.fail(parsed.error);
        return { ours: true, answer: Promise.resolve(parsed.error instanceof AuthorizationCancelledError ? { kind: 'refused' } : { kind: 'failed', why: parsed.error.message }) };
      case 'code':
        return { ours: true, answer: parsed.stateChecked ? this.exchangeAnswer(parsed.code) : this.tryCandidate(parsed.code) };
    }
  }

  cancel(reason: 'closed' | 'timeout' | 'superseded'): void {
    this.fail(new AuthorizationCancelledError(reason));
  }

  get isSettled(): boolean {
    return this.phase === 'settled';
  }

  /** A code under our state is this request's answer: its exchange settles the session either way. */
  private async exchangeAnswer(code: string): Promise<CallbackAnswer> {
    this.phase = 'answered';
    try {
      const tokens = await this.exchange(this.grant(code));
      if (!this.succeed(tokens)) return { kind: 'no-session' };
      return { kind: 'authorized' };
    } catch (error) {
      // Cancelled or timed out while the bank answered: the person was told so already.
      if (this.isSettled) return { kind: 'no-session' };
      this.fail(error);
      return { kind: 'failed', why: messageOf(error) };
    }
  }

  /**
   * A state-less code (banks that drop state): anyone could have sent it, so only a successful
   * exchange makes it the answer. The bank refuses a code not issued for our PKCE verifier
   * (`invalid_grant`); any failure leaves the session waiting, as a forged code must not end it.
   */
  private async tryCandidate(code: string): Promise<CallbackAnswer> {
    try {
      const tokens = await this.exchange(this.grant(code));
      return this.succeed(tokens) ? { kind: 'authorized' } : { kind: 'no-session' };
    } catch (error) {
      if (this.isSettled) return { kind: 'no-session' };
      this.rejectedRedirects += 1;
      const why = error instanceof OAuthError && error.error === 'invalid_grant' ? 'the bank did not issue this code for this request' : `the bank did not accept this code: ${messageOf(error)}`;
      return { kind: 'not-for-this-request', why };
    }
  }

  private grant(code: string): AuthorizationGrant {
    return { code, codeVerifier: this.codeVerifier, redirectUri: this.redirectUri };
  }

  /** False when the session ended meanwhile (cancelled, timed out): the tokens are then dropped. */
  private succeed(tokens: TokenSet): boolean {
    return this.finish(() => this.settle.resolve(tokens));
  }

  private fail(error: unknown): void {
    this.finish(() => this.settle.reject(error));
  }

  private finish(action: () => void): boolean {
    if (this.phase === 'settled') return false;
    this.phase = 'settled';
    clearTimeout(this.timer);
    action();
    return true;
  }
}
