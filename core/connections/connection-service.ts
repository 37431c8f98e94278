import type { Logger } from 'pino';
import type { Connection, TransactionPage } from '../../common/index.js';
import { AuthorizationSession, codeExchange, type AuthorizationPort } from '../auth/authorization-session.js';
import type { TokenManager } from '../auth/token-manager.js';
import { AuthorizationCancelledError, BankError, ValidationError } from '../errors.js';
import type { BankEnvironments, ResolvedBank } from '../profiles/bank-environments.js';
import type { ProfileSettings } from '../profiles/profile-settings.js';
import {
  getAccountListRequest, getTransactionListRequest, processAccountListResponse, processTransactionListResponse, type AccountList, type TransactionListRequest,
} from '../psd2/accounts.js';
import {
  getCardAccountListRequest, getCardAccountTransactionListRequest, processCardAccountListResponse, processCardAccountTransactionListResponse,
} from '../psd2/card-accounts.js';
import {
  createConsentRequest, getConsentRequest, getConsentStatusRequest,
  processConsentResponse, processConsentStatusResponse, processCreateConsentResponse,
} from '../psd2/consents.js';
import type { AisAuth, ReadMode } from '../psd2/psd2-context.js';
import type { ConnectionStore } from '../store/connections.js';
import type { PendingTerminationStore } from '../store/pending-terminations.js';
import { bankDay, toConnection } from './connection-status.js';
import { ConsentTerminator, mayBeLive, type PendingTerminationsSummary } from './consent-terminator.js';
import { grantsFrom } from './grants.js';

export interface ConnectionServiceDeps {
  store: ConnectionStore;
  environments: BankEnvironments;
  tokens: TokenManager;
  /** The settings of a profile by id (the sandbox, or a production registration). */
  profile: (profileId: string) => ProfileSettings | undefined;
  now: () => Date;
  newId: () => string;
  /** Consents let go of but not yet confirmed ended by their bank. */
  pendingTerminations: PendingTerminationStore;
  logger: Logger;
}

export interface TransactionQuery {
  bookingStatus: 'booked' | 'pending' | 'both';
  /** ISO date; the bank requires a start, so the caller picks the window. */
  dateFrom: string;
  dateTo?: string;
  /** Continue a report at the `cursor` of its previous page; the other fields are then ignored. */
  cursor?: string;
}

/** Cursors kept for live reads: enough for every list a person has open, bounded so they cannot pile up. */
const MAX_CURSORS = 200;

export interface ConnectOptions {
  profileId: string;
  label: string;
  port: AuthorizationPort;
  /** The person is present while connecting: their address goes to the bank. */
  psuIpAddress: string;
}

/**
 * Connections: a profile + a PSU + a consent. Connect (consent → the bank's pages → token →
 * what was granted), status, revoke, renew (a new consent whose accounts re-link by IBAN and
 * currency, so their history stays), and authorised calls on a connection's behalf.
 */
export class ConnectionService {
  /**
   * The bank's `next` hrefs of live reads, by the opaque cursor the renderer holds instead: the
   * bank's links never leave core, and a cursor leads only to the account it was made for.
   */
  private readonly cursors = new Map<string, { connectionId: string; accountId: string; href: string }>();

  private readonly terminator: ConsentTerminator;

  constructor(private readonly deps: ConnectionServiceDeps) {
    this.terminator = new ConsentTerminator({ ...deps, pending: deps.pendingTerminations });
  }

  /** Live connections; those replaced by a renewal are history. */
  list(): Connection[] {
    this.terminator.kick();
    const today = bankDay(this.deps.now());
    return this.deps.store.list().filter((c) => c.replacedBy === undefined).map((c) => toConnection(c, this.deps.store.grants(c.id), today));
  }

  get(id: string): Connection {
    const record = this.deps.store.get(id);
    if (record === undefined) throw new ValidationError(`no connection ${id}`, 'connectionId');
    return toConnection(record, this.deps.store.grants(id), bankDay(this.deps.now()));
  }

  async connect(options: ConnectOptions): Promise<Connection> {
    const settings = this.settings(options.profileId);
    const bank = await this.deps.environments.resolve(settings);
    return this.authorizeNewConsent(bank, settings, options.label.trim() || bank.profile.displayName, options.port, options.psuIpAddress);
  }

  /**
   * A new consent for the same accounts. Once it works the renewal has succeeded, whatever
   * happens to the old consent: its tokens are forgotten at once, and ending it at the bank is
   * best effort, kept as a pending termination until the bank confirms.
   */
  async renew(id: string, port: AuthorizationPort, psuIpAddress: string): Promise<Connection> {
    const old = this.get(id);
    const settings = this.settings(old.profileId);
    const bank = await this.deps.environments.resolve(settings);
    const fresh = await this.authorizeNewConsent(bank, settings, old.label, port, psuIpAddress);
    const pending = this.deps.store.atomically(() => {
      this.deps.store.update(old.id, { replacedBy: fresh.id }, this.deps.now().toISOString());
      return this.terminator.record({ profileId: old.profileId, consentId: old.consentId, connectionId: old.id, reason: 'renewed', validUntil: old.validUntil });
    });
    await this.terminator.attempt(pending, async () => bank);
    return fresh;
  }

  /**
   * Ends the consent at the bank and forgets its tokens; the connection stays, marked revoked. A
   * bank answer that the consent is already over counts as done. When the bank cannot confirm
   * (offline, 5xx) nothing changes and the error is the caller's: the person asked for the
   * consent to end, and it has not yet.
   */
  async revoke(id: string): Promise<Connection> {
    const connection = this.get(id);
    const bank = await this.deps.environments.resolve(this.settings(connection.profileId));
    await this.terminator.endAtBank(bank, connection.consentId);
    await this.deps.tokens.forget(id);
    if (mayBeLive(connection.consentStatus)) this.deps.store.update(id, { consentStatus: 'terminatedByTpp' }, this.deps.now().toISOString());
    return this.get(id);
  }

  /**
   * Forgets a connection with the history of its renewals: their tokens, rows and grants (the
   * app's accounts stay, keyed by IBAN). A consent that may still be live is ended at the bank on
   * a best-effort basis: the person wants the connection gone, and the app, holding no token any
   * more, can no longer use the consent; when the bank cannot be reached the consent stays a
   * pending termination, retried until the bank confirms.
   */
  async remove(id: string): Promise<void> {
    const connection = this.get(id);
    const chain = this.deps.store.chain(id);
    for (const c of chain) await this.deps.tokens.forget(c.id);
    const pending = this.deps.store.atomically(() => {
      const entry = mayBeLive(connection.consentStatus)
        ? this.terminator.record({ profileId: connection.profileId, consentId: connection.consentId, connectionId: id, reason: 'removed', validUntil: connection.validUntil })
        : undefined;
      this.deps.store.delete(id);
      return entry;
    });
    if (pending !== undefined) await this.terminator.attempt(pending);
  }

  /**
   * Retries ending the consents the app let go of but the bank has not confirmed ended. Cheap
   * when nothing is due (one indexed query, no keychain, no network), so it runs at start-up,
   * before each list and read, and on each sync; one run at a time. Never throws for a bank's
   * failure: that consent is logged and retried later with a growing back-off.
   */
  retryPendingTerminations(): Promise<PendingTerminationsSummary> {
    return this.terminator.retry();
  }

  /** Starts {@link retryPendingTerminations} in the background when one is due (core start-up). */
  startPendingTerminations(): void {
    this.terminator.kick();
  }

  /** Asks the bank for the consent's status (no token needed) and records it. */
  async refreshStatus(id: string): Promise<Connection> {
    const connection = this.get(id);
    const bank = await this.deps.environments.resolve(this.settings(connection.profileId));
    const status = await processConsentStatusResponse(await getConsentStatusRequest(bank.psd2, connection.consentId));
    this.deps.store.update(id, { consentStatus: status }, this.deps.now().toISOString());
    if (status !== 'valid' && status !== 'received') await this.deps.tokens.forget(id);
    return this.get(id);
  }

  /** Connections with at most 14 days left: the UI offers to renew them. */
  expiring(): Connection[] {
    return this.list().filter((c) => c.status === 'expiring');
  }

  /**
   * Runs an AIS call for a connection with a current access token (refreshed as needed). A
   * CONSENT_EXPIRED or CONSENT_INVALID answer is recorded on the connection before it is rethrown.
   */
  async withAis<T>(id: string, call: (bank: ResolvedBank, auth: { accessToken: string; consentId: string }) => Promise<T>): Promise<T> {
    return this.withAisOn(await this.resolve(id), id, call);
  }

  /** The bank a connection talks to, resolved once: a sync run shares it across its requests. */
  async resolve(id: string): Promise<ResolvedBank> {
    return this.deps.environments.resolve(this.settings(this.get(id).profileId));
  }

  /** {@link withAis} on a bank already resolved (see {@link resolve}). */
  async withAisOn<T>(bank: ResolvedBank, id: string, call: (bank: ResolvedBank, auth: { accessToken: string; consentId: string }) => Promise<T>): Promise<T> {
    this.terminator.kick();
    const connection = this.get(id);
    try {
      return await this.deps.tokens.withAccessToken(id, bank, (accessToken) => call(bank, { accessToken, consentId: connection.consentId }));
    } catch (error) {
      if (error instanceof BankError && error.code === 'CONSENT_EXPIRED') {
        this.deps.store.update(id, { consentStatus: 'expired' }, this.deps.now().toISOString());
      } else if (error instanceof BankError && error.code === 'CONSENT_INVALID') {
        // The read's own error is what the caller needs; a failed status check is only logged.
        await this.refreshStatus(id).catch((statusError: unknown) => {
          this.deps.logger.warn({ err: statusError, connectionId: id }, 'consent status check after CONSENT_INVALID failed');
        });
      }
      throw error;
    }
  }

  /** Accounts and card accounts of one connection, with balances, and the items that could not be read. */
  async accounts(id: string, mode: ReadMode): Promise<AccountList> {
    return this.withAis(id, (bank, auth) => readAccountLists(bank, auth, mode, { connectionId: id, withBalance: true }));
  }

  /**
   * One page of an account's transactions. The account is the app's id; the bank's resourceId
   * under this consent is looked up, so callers never hold one. A further page is asked for by
   * the `cursor` of the previous one; core follows the bank's `next` only to this account's report.
   */
  async transactions(id: string, accountId: string, query: TransactionQuery, mode: ReadMode): Promise<TransactionPage> {
    const grant = this.deps.store.grants(id).find((g) => g.id === accountId);
    if (grant === undefined) throw new ValidationError('this connection does not grant that account', 'accountId');
    if (!grant.transactions) throw new ValidationError('the consent does not cover this account’s transactions', 'accountId');
    let request: TransactionListRequest = { accountResourceId: grant.resourceId, bookingStatus: query.bookingStatus, dateFrom: query.dateFrom, dateTo: query.dateTo };
    if (query.cursor !== undefined) {
      const saved = this.cursors.get(query.cursor);
      if (saved === undefined || saved.connectionId !== id || saved.accountId !== accountId) {
        throw new ValidationError('that page is no longer available: load the list again', 'cursor');
      }
      request = { accountResourceId: grant.resourceId, nextHref: saved.href };
    }
    return this.withAis(id, async (bank, auth) => {
      const scope = { accountId };
      const page = grant.kind === 'card'
        ? await processCardAccountTransactionListResponse(await getCardAccountTransactionListRequest(bank.psd2, auth, mode, request), scope)
        : await processTransactionListResponse(await getTransactionListRequest(bank.psd2, auth, mode, request), scope);
      const cursor = page.next === undefined ? undefined : this.cursorFor(id, accountId, page.next);
      return { transactions: page.transactions, skipped: page.skipped, ...(cursor === undefined ? {} : { cursor }) };
    });
  }

  private cursorFor(connectionId: string, accountId: string, href: string): string {
    const cursor = this.deps.newId();
    this.cursors.set(cursor, { connectionId, accountId, href });
    const oldest = this.cursors.keys().next();
    if (this.cursors.size > MAX_CURSORS && oldest.done !== true) this.cursors.delete(oldest.value);
    return cursor;
  }

  private settings(profileId: string): ProfileSettings {
    const settings = this.deps.profile(profileId);
    if (settings === undefined) throw new ValidationError(`unknown bank profile ${profileId}`, 'profileId');
    return settings;
  }

  private async authorizeNewConsent(bank: ResolvedBank, settings: ProfileSettings, label: string, port: AuthorizationPort, psuIpAddress: string): Promise<Connection> {
    const created = await processCreateConsentResponse(await createConsentRequest(bank.psd2, { redirectUri: bank.redirectUri, psuIpAddress }));
    const id = this.deps.newId();
    const now = this.deps.now().toISOString();
    this.deps.store.insert({ id, profileId: settings.id, label, consentId: created.consentId, consentStatus: 'received', reauthRequired: false, createdAt: now, updatedAt: now });
    try {
      const scope = `AIS:${created.consentId}`;
      // The session settles only with exchanged tokens: the front end says "authorised" after this.
      const session = await AuthorizationSession.start(bank, scope, created.location, port, codeExchange(bank, scope, this.deps.now));
      const tokens = await session.result;
      await this.deps.tokens.remember(id, { value: tokens.accessToken, expiresAt: tokens.expiresAt }, tokens.refreshToken);
      await this.learnGrants(bank, id, created.consentId, tokens.accessToken, { psuIpAddress });
    } catch (error) {
      // Nothing half-made stays behind: no local record, no tokens, and no consent left open at the
      // bank. A consent the PSU refused is over at the bank and no token was issued for it; any
      // other is ended as a pending termination, so a cleanup that fails now is retried later and
      // never hides the error that ended the connect.
      if (error instanceof AuthorizationCancelledError && error.reason === 'access_denied') {
        this.deps.store.delete(id);
      } else {
        const pending = this.deps.store.atomically(() => {
          this.deps.store.delete(id);
          return this.terminator.record({ profileId: settings.id, consentId: created.consentId, connectionId: id, reason: 'abandoned' });
        });
        await this.terminator.attempt(pending, async () => bank);
      }
      throw error;
    }
    return this.get(id);
  }

  /**
   * Learns what was granted. Runs after the person authorised, so an account or card the client
   * cannot read is left out of the grants rather than failing (and so undoing) the connect.
   */
  /**
   * Reads again what the consent grants (its information and both account lists, which the bank
   * does not count as accesses): a sync does on a first run, when the person asks, and once a day.
   */
  async refreshGrants(bank: ResolvedBank, id: string, mode: ReadMode): Promise<void> {
    await this.withAisOn(bank, id, (b, auth) => this.learnGrants(b, id, auth.consentId, auth.accessToken, mode));
  }

  private async learnGrants(bank: ResolvedBank, id: string, consentId: string, accessToken: string, mode: ReadMode): Promise<void> {
    const auth = { accessToken, consentId };
    const info = await processConsentResponse(await getConsentRequest(bank.psd2, consentId, { accessToken }));
    const { accounts } = await readAccountLists(bank, auth, mode, { connectionId: id, withBalance: false });
    const now = this.deps.now().toISOString();
    this.deps.store.atomically(() => {
      this.deps.store.setGrants(id, grantsFrom(info, accounts), now);
      this.deps.store.update(id, { consentStatus: info.consentStatus, validUntil: info.validUntil, accountsReadAt: now }, now);
    });
  }
}

/** Both lists of a consent, accounts then cards, with what could not be read from either. */
async function readAccountLists(bank: ResolvedBank, auth: AisAuth, mode: ReadMode, opts: { connectionId: string; withBalance: boolean }): Promise<AccountList> {
  const scope = { connectionId: opts.connectionId };
  const accounts = await processAccountListResponse(await getAccountListRequest(bank.psd2, auth, mode, { withBalance: opts.withBalance }), scope);
  const cards = await processCardAccountListResponse(await getCardAccountListRequest(bank.psd2, auth, mode, { withBalance: opts.withBalance }), scope);
  return { accounts: [...accounts.accounts, ...cards.accounts], skipped: [...accounts.skipped, ...cards.skipped] };
}
