import type { Logger } from 'pino';
import { isFinalPayment } from '../../common/index.js';
import type { TokenManager } from '../auth/token-manager.js';
import { isUnexpected, ReauthRequiredError } from '../errors.js';
import type { ResolvedBank } from '../profiles/bank-environments.js';
import { pisTokenKey, readAtBank } from './payment-bank.js';
import { bankIdOf, isFollowed, stateOfStatus, statusCode } from './payment-state.js';
import type { PaymentService } from './payment-service.js';

export const FIRST_POLL_MS = 1_000;
export const LONGEST_POLL_MS = 60_000;

/** A timer as the follower uses it: run `fn` after `ms`; the answer cancels it. */
export type Schedule = (fn: () => void, ms: number) => () => void;

export const realSchedule: Schedule = (fn, ms) => {
  const timer = setTimeout(fn, ms);
  timer.unref?.();
  return () => clearTimeout(timer);
};

export interface PaymentFollowerDeps {
  service: () => PaymentService;
  tokens: TokenManager;
  resolveBank(profileId: string): Promise<ResolvedBank>;
  reconcile(id: string): Promise<unknown>;
  schedule: Schedule;
  logger: Logger;
}

/**
 * Follows every intent the bank is moving to its final state: polls its status 1 s after the
 * last change, doubling the wait up to 1 min while nothing changes; an intent of unknown outcome
 * is reconciled on the same rhythm. Started for every unfinished intent at start-up, like the sync
 * scheduler. At the end its PIS tokens are forgotten: nothing more will be read with them.
 */
export class PaymentFollower {
  private readonly followed = new Map<string, { cancel: () => void; delay: number }>();
  /** Set by `stop` (core closing); an intent authorised meanwhile is followed without `start`. */
  private stopped = false;

  constructor(private readonly deps: PaymentFollowerDeps) {}

  /** Resumes every unfinished intent a previous run left. */
  start(): void {
    for (const p of this.deps.service().unfinished()) this.follow(p.id);
  }

  stop(): void {
    this.stopped = true;
    for (const f of this.followed.values()) f.cancel();
    this.followed.clear();
  }

  /** Ids followed now. */
  following(): string[] {
    return [...this.followed.keys()];
  }

  follow(id: string, delay = FIRST_POLL_MS): void {
    if (this.stopped) return;
    this.followed.get(id)?.cancel();
    const entry = { delay, cancel: () => undefined as void };
    entry.cancel = this.deps.schedule(() => void this.poll(id, entry.delay), delay);
    this.followed.set(id, entry);
  }

  /** Resolves once `id` reached a final state or left the follower (tests and `payments --follow`). */
  async settled(id: string, every = 100): Promise<void> {
    while (this.followed.has(id)) await new Promise((resolve) => setTimeout(resolve, every));
  }

  private async poll(id: string, delay: number): Promise<void> {
    const service = this.deps.service();
    const before = service.store.get(id);
    if (before === undefined || this.stopped) return void this.followed.delete(id);
    const s = before.state;
    try {
      // awaiting-sca is followed only from `start`: a page an earlier run opened (see PaymentService.unfinished).
      if (s.kind === 'unknown' || s.kind === 'initiating' || s.kind === 'awaiting-sca') await this.deps.reconcile(id);
      else if (isFollowed(s)) {
        const reading = await readAtBank(this.deps.tokens, await this.deps.resolveBank(before.profileId), before, s.paymentId);
        const code = statusCode(reading.status);
        service.store.updateItems(id, reading.items.map((i, position) => ({ position, bankPaymentId: i.paymentId, status: statusCode(i.status) })));
        if (code !== null && code !== 'RCVD') service.to(before, stateOfStatus(s.paymentId, code));
        else service.changed(id);
      }
    } catch (error) {
      if (error instanceof ReauthRequiredError) {
        // Without its token the status cannot be read any more: the payer's account will tell.
        service.to(before, { kind: 'unknown', paymentId: bankIdOf(s), reason: { code: 'token-refused' }, reconciliation: 'pending' });
      } else {
        this.deps.logger[isUnexpected(error) ? 'error' : 'warn']({ err: error, paymentId: id }, 'following a payment failed; trying again later');
      }
    }
    const after = service.store.get(id);
    if (after === undefined || this.stopped) return void this.followed.delete(id);
    if (isFinalPayment(after.state) || !(isFollowed(after.state) || (after.state.kind === 'unknown' && after.state.reconciliation === 'pending'))) {
      this.followed.delete(id);
      if (isFinalPayment(after.state)) await this.deps.tokens.forget(pisTokenKey(id)).catch((error: unknown) => this.deps.logger.warn({ err: error }, 'could not forget a payment’s token'));
      return;
    }
    const moved = JSON.stringify(after.state) !== JSON.stringify(before.state);
    this.follow(id, moved ? FIRST_POLL_MS : Math.min(delay * 2, LONGEST_POLL_MS));
  }
}
