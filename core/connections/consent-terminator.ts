import type { Logger } from 'pino';
import type { ConsentStatus } from '../../common/index.js';
import type { TokenManager } from '../auth/token-manager.js';
import { BankError, NetworkError, ValidationError } from '../errors.js';
import type { BankEnvironments, ResolvedBank } from '../profiles/bank-environments.js';
import type { ProfileSettings } from '../profiles/profile-settings.js';
import { deleteConsentRequest, processDeleteConsentResponse } from '../psd2/consents.js';
import type { ConnectionStore } from '../store/connections.js';
import type { PendingTermination, PendingTerminationStore } from '../store/pending-terminations.js';
import { bankDay } from './connection-status.js';

export interface ConsentTerminatorDeps {
  store: ConnectionStore;
  pending: PendingTerminationStore;
  environments: BankEnvironments;
  tokens: TokenManager;
  profile: (profileId: string) => ProfileSettings | undefined;
  now: () => Date;
  logger: Logger;
}

export interface PendingTerminationsSummary {
  /** Consents the bank confirmed ended in this run. */
  ended: number;
  /** Consents still waiting for the bank, due now or later. */
  pending: number;
}

/** A consent status after which the bank no longer lets anyone use the consent. */
export const mayBeLive = (status: ConsentStatus): boolean => status === 'valid' || status === 'received';

/** Codes by which a bank says this consent is not live (any more, or never was, for us). */
const notLiveCodes = new Set(['STATUS_INVALID', 'CONSENT_UNKNOWN', 'CONSENT_EXPIRED', 'CONSENT_INVALID', 'RESOURCE_UNKNOWN', 'RESOURCE_EXPIRED']);

/** A 403 for these refuses the TPP itself (its certificate, its client, its access), not the consent. */
const refusesTpp = (code: string): boolean =>
  code.startsWith('CERTIFICATE_') || code === 'SERVICE_BLOCKED' || code === 'CLIENT_INVALID' || code === 'ROLE_INVALID';

/**
 * Whether the bank's answer to ending a consent means it is already over: CEC answers an ended
 * consent `409 STATUS_INVALID`, other banks 400 or 403, some 404 for one they forgot. From the
 * person's view that is the outcome they asked for.
 */
function saysConsentNotLive(error: unknown): boolean {
  if (!(error instanceof BankError)) return false;
  if (notLiveCodes.has(error.code)) return true;
  return (error.status === 403 || error.status === 404 || error.status === 409) && !refusesTpp(error.code);
}

/** Minutes to wait after the n-th failed attempt (n from 1); the last one repeats. */
const RETRY_MINUTES = [1, 5, 30, 120, 360];

const nextAttemptAt = (now: Date, attempts: number): string =>
  new Date(now.getTime() + (RETRY_MINUTES[Math.min(attempts, RETRY_MINUTES.length) - 1] as number) * 60_000).toISOString();

const codeOf = (error: unknown): string => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'UNKNOWN';
};

/**
 * Ends consents at their bank. A consent the person still holds is ended at once or not at all
 * (`endAtBank` throws). One the person has already let go of (a renewal's predecessor, an
 * abandoned connect, a removed connection) is recorded first and ended on a best-effort basis:
 * what fails now is logged and retried later, with a growing back-off, until the bank confirms.
 */
export class ConsentTerminator {
  private running?: Promise<PendingTerminationsSummary>;

  constructor(private readonly deps: ConsentTerminatorDeps) {}

  /** DELETEs the consent; an answer that it is not live counts as done. */
  async endAtBank(bank: ResolvedBank, consentId: string): Promise<void> {
    try {
      await processDeleteConsentResponse(await deleteConsentRequest(bank.psd2, consentId));
    } catch (error) {
      if (!saysConsentNotLive(error)) throw error;
    }
  }

  /** Records a consent to end (call inside the transaction that lets go of it). */
  record(entry: Pick<PendingTermination, 'profileId' | 'consentId' | 'connectionId' | 'reason' | 'validUntil'>): PendingTermination {
    return this.deps.pending.add(entry, this.deps.now().toISOString());
  }

  /**
   * One attempt: forget the connection's tokens, then end the consent at the bank unless it is
   * known to be over. Never throws: a failure is logged and scheduled for a later retry.
   * @returns whether the consent is now ended for good.
   */
  async attempt(entry: PendingTermination, bank?: () => Promise<ResolvedBank>): Promise<boolean> {
    const { profileId, consentId, connectionId } = entry;
    try {
      if (connectionId !== undefined) await this.deps.tokens.forget(connectionId);
      const known = connectionId === undefined ? undefined : this.deps.store.get(connectionId);
      const pastValidity = entry.validUntil !== undefined && entry.validUntil < bankDay(this.deps.now());
      if (!pastValidity && (known === undefined || mayBeLive(known.consentStatus))) {
        await this.endAtBank(await (bank ?? (() => this.resolve(profileId)))(), consentId);
      }
      this.deps.store.atomically(() => {
        this.deps.pending.remove(profileId, consentId);
        if (known !== undefined && mayBeLive(known.consentStatus)) {
          this.deps.store.update(known.id, { consentStatus: 'terminatedByTpp' }, this.deps.now().toISOString());
        }
      });
      if (entry.attempts > 0) this.deps.logger.info({ profileId, consentId, reason: entry.reason, attempts: entry.attempts + 1 }, 'ended a pending consent at the bank');
      return true;
    } catch (error) {
      const attempts = entry.attempts + 1;
      const retryAt = nextAttemptAt(this.deps.now(), attempts);
      this.deps.pending.failed(profileId, consentId, attempts, retryAt, codeOf(error));
      // The world failing (the bank, the network) is expected here; anything else is ours to look at.
      const expected = error instanceof BankError || error instanceof NetworkError;
      this.deps.logger[expected ? 'warn' : 'error'](
        { err: error, profileId, consentId, reason: entry.reason, attempts, retryAt },
        'could not end a consent at the bank; it stays pending and is retried',
      );
      return false;
    }
  }

  /**
   * Retries every due pending termination, each bank resolved once. Cheap when nothing is due: one
   * indexed query, no keychain, no network. One run at a time; a call during a run shares it.
   */
  retry(): Promise<PendingTerminationsSummary> {
    this.running ??= this.run().finally(() => { this.running = undefined; });
    return this.running;
  }

  /** Starts a retry in the background when one is due and none is running. */
  kick(): void {
    if (this.running !== undefined || !this.deps.pending.hasDue(this.deps.now().toISOString())) return;
    this.retry().catch((error: unknown) => this.deps.logger.error({ err: error }, 'retrying pending consent terminations failed'));
  }

  private async run(): Promise<PendingTerminationsSummary> {
    const due = this.deps.pending.due(this.deps.now().toISOString());
    const banks = new Map<string, Promise<ResolvedBank>>();
    const bankOf = (profileId: string) => () => {
      let bank = banks.get(profileId);
      if (bank === undefined) {
        bank = this.resolve(profileId);
        banks.set(profileId, bank);
      }
      return bank;
    };
    let ended = 0;
    for (const entry of due) if (await this.attempt(entry, bankOf(entry.profileId))) ended += 1;
    return { ended, pending: this.deps.pending.count() };
  }

  private async resolve(profileId: string): Promise<ResolvedBank> {
    const settings = this.deps.profile(profileId);
    if (settings === undefined) throw new ValidationError(`unknown bank profile ${profileId}`, 'profileId');
    return this.deps.environments.resolve(settings);
  }
}
