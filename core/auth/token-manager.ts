import { BankError, NetworkError, OAuthError, ReauthRequiredError } from '../errors.js';
import type { Keychain } from '../keychain/keychain.js';
import { processTokenResponse, refreshTokenGrantRequest } from '../oauth/token.js';
import type { ResolvedBank } from '../profiles/bank-environments.js';

/** Refresh a little before the bank's expiry so a slow call does not land on a dead token. */
const EARLY_REFRESH_MS = 30_000;

/** A refresh is sent at most this often in a row when the token endpoint fails transiently. */
const REFRESH_ATTEMPTS = 3;
const REFRESH_BACKOFF_MS = 200;

/** Fresh tokens tried on one call when each expired before the bank saw it. */
const FRESH_TOKEN_TRIES = 3;

interface AccessToken {
  value: string;
  expiresAt: Date;
}

export const refreshTokenKey = (connectionId: string) => `refresh:${connectionId}`;

/**
 * Access tokens live only in this process's memory; refresh tokens only in the keychain.
 * A call runs with a current token; on expiry, or on a 401 TOKEN_EXPIRED / TOKEN_INVALID, the
 * token is refreshed once and the call retried once. When the refresh itself is refused the
 * connection needs the person again: `ReauthRequiredError`.
 */
export class TokenManager {
  private readonly tokens = new Map<string, AccessToken>();
  private readonly refreshing = new Map<string, Promise<AccessToken>>();

  constructor(
    private readonly keychain: Keychain,
    private readonly now: () => Date,
    private readonly onReauthRequired: (connectionId: string) => void,
  ) {}

  /** Keeps the tokens of a fresh authorisation. */
  async remember(connectionId: string, access: AccessToken, refreshToken: string | undefined): Promise<void> {
    if (refreshToken !== undefined) await this.keychain.set(refreshTokenKey(connectionId), refreshToken);
    this.tokens.set(connectionId, access);
  }

  /** Forgets every token of a connection, in memory and in the keychain. */
  async forget(connectionId: string): Promise<void> {
    this.tokens.delete(connectionId);
    await this.keychain.delete(refreshTokenKey(connectionId));
  }

  async withAccessToken<T>(connectionId: string, bank: ResolvedBank, call: (accessToken: string) => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const token = attempt === 0 ? await this.current(connectionId, bank) : await this.refresh(connectionId, bank);
      try {
        return await call(token.value);
      } catch (error) {
        if (!(error instanceof BankError) || error.status !== 401 || (error.code !== 'TOKEN_EXPIRED' && error.code !== 'TOKEN_INVALID')) throw error;
        // Another caller may hold a newer token by now: only the refused one is dropped.
        if (this.tokens.get(connectionId) === token) this.tokens.delete(connectionId);
        if (attempt === 0) continue;
        // A fresh token can expire before it is used when the call waited long (a rate-limit
        // pause): that is no reason to bother the person. A fresh token refused as invalid is.
        if (error.code === 'TOKEN_EXPIRED' && attempt < FRESH_TOKEN_TRIES) continue;
        this.onReauthRequired(connectionId);
        throw new ReauthRequiredError('the bank refused a freshly refreshed token', { cause: error });
      }
    }
  }

  private async current(connectionId: string, bank: ResolvedBank): Promise<AccessToken> {
    const token = this.tokens.get(connectionId);
    if (token !== undefined && token.expiresAt.getTime() - EARLY_REFRESH_MS > this.now().getTime()) return token;
    return this.refresh(connectionId, bank);
  }

  /** One refresh at a time per connection: concurrent callers share it. */
  private refresh(connectionId: string, bank: ResolvedBank): Promise<AccessToken> {
    let running = this.refreshing.get(connectionId);
    if (running === undefined) {
      running = this.doRefresh(connectionId, bank).finally(() => this.refreshing.delete(connectionId));
      this.refreshing.set(connectionId, running);
    }
    return running;
  }

  /**
   * One refresh, tried again on a transient failure (the token endpoint answered 5xx, or no answer
   * came): a sync's requests share the token, so one flaky POST must not fail every account. A
   * refresh the bank answered at all otherwise stands.
   */
  private async doRefresh(connectionId: string, bank: ResolvedBank): Promise<AccessToken> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.refreshOnce(connectionId, bank);
      } catch (error) {
        const transient = error instanceof NetworkError || (error instanceof OAuthError && error.status !== undefined && error.status >= 500);
        if (!transient || attempt >= REFRESH_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, REFRESH_BACKOFF_MS * attempt));
      }
    }
  }

  private async refreshOnce(connectionId: string, bank: ResolvedBank): Promise<AccessToken> {
    const refreshToken = await this.keychain.get(refreshTokenKey(connectionId));
    if (refreshToken === undefined) {
      this.onReauthRequired(connectionId);
      throw new ReauthRequiredError('no refresh token is stored for this connection');
    }
    try {
      const res = await refreshTokenGrantRequest(bank.psd2.fetch, {
        tokenUrl: bank.tokenUrl,
        clientId: bank.clientId,
        clientSecret: bank.clientSecret,
        refreshToken,
      });
      const answer = await processTokenResponse(res, this.now());
      if (answer.refreshToken !== undefined && answer.refreshToken !== refreshToken) {
        await this.keychain.set(refreshTokenKey(connectionId), answer.refreshToken);
      }
      const token = { value: answer.accessToken, expiresAt: answer.expiresAt };
      this.tokens.set(connectionId, token);
      return token;
    } catch (error) {
      // Only a dead grant needs the person; invalid_client is the app's registration (misconfigured, see toUiState).
      if (error instanceof OAuthError && error.error === 'invalid_grant') {
        this.onReauthRequired(connectionId);
        throw new ReauthRequiredError('the bank no longer accepts this connection’s refresh token', { cause: error });
      }
      throw error;
    }
  }
}
