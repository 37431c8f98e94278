import { AUTHORIZATION_TIMEOUT_MS, type AuthorizationSession, type CallbackAnswer } from '../core/auth/authorization-session.js';
import { renderCallbackPage } from '../core/auth/callback-page.js';

/** What the controller needs of a session: the public face of core's AuthorizationSession. */
export type OAuthSession = Pick<AuthorizationSession, 'handleRedirect' | 'cancel' | 'isSettled' | 'result' | 'redirectUri'>;

/** A navigation about to happen; Electron's `will-navigate`/`will-redirect` details fit it. */
export interface NavigationDetails {
  url: string;
  preventDefault(): void;
}

/** The navigation events of the window's page: Electron's WebContents, or an EventEmitter in a test. */
export interface NavigationEvents {
  on(event: 'will-navigate' | 'will-redirect', listener: (details: NavigationDetails) => void): unknown;
}

/** The little of a window, its page and its session that one authorisation uses. */
export interface OAuthSurface {
  webContents: NavigationEvents;
  /** Every request matching `patterns` asks `decide` first; true cancels it before it leaves. */
  interceptRequests(patterns: string[], decide: (url: string) => boolean): void;
  load(url: string): Promise<void>;
  /** Runs when the window is gone, whoever closed it. */
  onClosed(listener: () => void): void;
  close(): void;
  /** Replaces the bank's page with one of ours (core's callback page), e.g. to say why it failed. */
  show(html: string): Promise<void>;
  /** Wipes the flow's cookies and storage: the bank's login session must not outlive the flow. */
  clearStorage(): Promise<void>;
}

export interface OAuthFlowOptions {
  /** Opens a fresh window on a fresh in-memory session for one authorisation. */
  openSurface(): OAuthSurface;
  timeoutMs?: number;
  log?: (line: string) => void;
}

/**
 * The OAuth window's logic, apart from Electron. It shows the bank's page and catches our
 * redirect three ways (`will-redirect` for the bank's 302, `will-navigate` for a script or form,
 * `onBeforeRequest` for anything else, e.g. a subframe), each judged by core's exact matcher
 * (`session.handleRedirect`). A match cancels the navigation, so the code never leaves the
 * machine. Foreign URLs go on: the bank's login spans pages and hosts. A redirect without this
 * request's state leaves the bank's page where it is; this request's answer closes the window
 * once core exchanged the code (the app's window then shows the connection), or, when it failed,
 * shows core's callback page saying why.
 *
 * It ends exactly once: on this request's answer (code or error), the person closing the window
 * (`closed`), the timeout (`timeout`), or the session settling elsewhere (cancel from the UI).
 *
 * One flow at a time: a second `open` while one runs is refused by cancelling the NEW session
 * ('superseded'), and the first keeps its window: the person is mid-login there, and a second
 * window must not take over its redirect. (core's handlers refuse a second connect already;
 * this is the same rule where the window lives.)
 * @see RFC 8252 §8.12 (embedded user agents), RFC 9700 §4.1 (exact redirect matching)
 */
export class OAuthFlowController {
  private active?: Flow;

  constructor(private readonly options: OAuthFlowOptions) {}

  get isOpen(): boolean {
    return this.active !== undefined;
  }

  open(url: string, session: OAuthSession): void {
    const log = this.options.log ?? console.warn;
    if (this.active !== undefined) {
      log('oauth: refused a second authorisation while one is open');
      session.cancel('superseded');
      return;
    }
    const flow = new Flow(this.options.openSurface(), session, log, () => {
      if (this.active === flow) this.active = undefined;
    });
    this.active = flow;
    flow.start(url, this.options.timeoutMs ?? AUTHORIZATION_TIMEOUT_MS);
  }

  /** Ends the open flow as if the person closed its window (the app is quitting). */
  closeAll(): void {
    this.active?.end('closed');
  }
}

/** One authorisation's window; it ends once, whatever ends it. */
class Flow {
  private done = false;
  private windowGone = false;
  private timer?: ReturnType<typeof setTimeout>;
  /** Caught redirects whose answer is still coming (a token exchange): they decide how the window ends. */
  private answering = 0;

  constructor(
    private readonly surface: OAuthSurface,
    private readonly session: OAuthSession,
    private readonly log: (line: string) => void,
    private readonly onEnd: () => void,
  ) {}

  start(url: string, timeoutMs: number): void {
    const { surface, session } = this;
    const onNavigation = (details: NavigationDetails) => {
      if (this.catches(details.url)) details.preventDefault();
    };
    surface.webContents.on('will-redirect', onNavigation);
    surface.webContents.on('will-navigate', onNavigation);
    surface.interceptRequests(requestPatterns(session.redirectUri), (target) => this.catches(target));
    surface.onClosed(() => {
      this.windowGone = true;
      this.end('closed');
    });
    this.timer = setTimeout(() => this.end('timeout'), timeoutMs);
    // Settled elsewhere (cancel from the UI, the session's own timeout): the window goes too.
    // Settled by a caught redirect: its answer says how the window ends.
    const settled = () => {
      if (this.answering === 0) this.end();
    };
    session.result.then(settled, settled);
    surface.load(url).catch((error: unknown) => {
      // A page that moves on while loading rejects loadURL too; the person can still close the window.
      if (!this.done) this.log(`oauth: the bank's page did not finish loading (${error instanceof Error ? error.message : String(error)})`);
    });
  }

  /** True when the URL must not load: our redirect, or anything once the flow is over. */
  catches(target: string): boolean {
    if (this.done || this.session.isSettled) {
      this.end();
      return true;
    }
    const handling = this.session.handleRedirect(target);
    if (!handling.ours) return false;
    this.answering += 1;
    handling.answer.then(
      (answer) => this.show(answer),
      (error: unknown) => this.show({ kind: 'failed', why: error instanceof Error ? error.message : String(error) }),
    ).finally(() => {
      this.answering -= 1;
    });
    return true;
  }

  /** What the answer to a caught redirect does to the window. */
  private show(answer: CallbackAnswer): void {
    switch (answer.kind) {
      case 'authorized':
      case 'refused':
        this.end();
        return;
      case 'failed':
        this.end(undefined, renderCallbackPage(answer, { inWindow: true }).html);
        return;
      case 'not-for-this-request':
      case 'no-session':
        // Not this request's answer, or a late one: the person goes on with the bank's page,
        // unless the session ended meanwhile (cancel from the UI) and only waited for this.
        if (this.session.isSettled && this.answering === 1) this.end();
        return;
    }
  }

  /**
   * Cancels the session with `reason` (a no-op once it settled), closes the window (or shows
   * `page` in it, for the person to read and close), wipes its storage.
   */
  end(reason?: 'closed' | 'timeout', page?: string): void {
    if (reason !== undefined) this.session.cancel(reason);
    if (this.done) return;
    this.done = true;
    clearTimeout(this.timer);
    this.onEnd();
    if (page !== undefined && !this.windowGone) {
      this.surface.show(page).catch((error: unknown) => {
        this.log(`oauth: could not show the outcome (${String(error)})`);
        this.surface.close();
      });
    } else if (!this.windowGone) this.surface.close();
    this.surface.clearStorage().catch((error: unknown) => this.log(`oauth: could not clear the flow's storage (${String(error)})`));
  }
}

/**
 * The request filter for the redirect: scheme, host and path with anything after (the query).
 * Wider than the redirect on purpose (any port, a longer path): each hit still goes through the
 * exact matcher, which lets the non-matching ones through.
 */
export function requestPatterns(redirectUri: string): string[] {
  const target = new URL(redirectUri);
  return [`${target.protocol}//${target.hostname}${target.pathname}*`];
}
