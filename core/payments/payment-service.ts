import type { Logger } from 'pino';
import type { PaymentState, PaymentView } from '../../common/index.js';
import { AuthorizationSession, codeExchange, type AuthorizationPort } from '../auth/authorization-session.js';
import type { TokenManager } from '../auth/token-manager.js';
import { AuthorizationCancelledError, BankError, NetworkError, PaymentNotCancellableError, ValidationError } from '../errors.js';
import type { Keychain } from '../keychain/keychain.js';
import type { ResolvedBank } from '../profiles/bank-environments.js';
import type { Db } from '../store/database.js';
import { hasPisToken, pisTokenKey, serviceOf } from './payment-bank.js';
import { checkedIntent, type IntentInput } from './payment-input.js';
import { bankIdOf, isFollowed, mayRetry, paymentView, stateOfStatus, statusCode } from './payment-state.js';
import { PaymentStore, type PaymentRecord } from './payment-store.js';
import { cancelPaymentRequest, initiatePaymentRequest, processCancelResponse, processInitiationResponse } from './pis-requests.js';
import { reconcile, type BookedLookup } from './payment-reconcile.js';

/** Attempts of one initiation when no answer came: the same X-Request-ID and endToEndIdentification each time. */
const INITIATION_ATTEMPTS = 3;
const INITIATION_PAUSE_MS = 500;

export interface PaymentServiceDeps {
  db: Db;
  /** A payment's own token manager: its refresh tokens go to the keychain as `refresh:pis:<intent>`. */
  tokens: TokenManager;
  keychain: Keychain;
  resolveBank(profileId: string): Promise<ResolvedBank>;
  /** Refuses an unknown profile at create, before anything is written. */
  checkProfile(profileId: string): void;
  now: () => Date;
  newId: () => string;
  logger: Logger;
  /** Every change of an intent (the `payments:changed` event). */
  emit(view: PaymentView): void;
  /** Starts following an intent the bank is moving (see PaymentFollower). */
  follow(id: string): void;
  /** The payer's booked transactions, matched on our endToEndIdentification, amount and creditor. */
  findBooked?: BookedLookup | undefined;
  sleep?: (ms: number) => Promise<void>;
  /** A single payment settled: the address book keeps its beneficiary's last amount (and saves it when ticked). */
  onSettled?: ((p: PaymentRecord) => void) | undefined;
}

/**
 * The payment intents: created once per idempotency key, initiated, authorised by the PSU on the
 * bank's page, cancelled, reconciled, retried. Every transition is written before the next call
 * to the bank, and one intent leads to at most one authorised payment (docs/payments.md).
 */
export class PaymentService {
  readonly store: PaymentStore;
  /** One run per intent at a time in this process: a double submit joins the first. */
  private readonly running = new Map<string, Promise<PaymentView>>();
  private readonly locations = new Map<string, string>();

  constructor(private readonly deps: PaymentServiceDeps) {
    this.store = new PaymentStore(deps.db);
  }

  create(input: IntentInput): PaymentView {
    const existing = this.store.byKey(input.idempotencyKey);
    if (existing !== undefined) return paymentView(existing);
    this.deps.checkProfile(input.profileId);
    const draft = checkedIntent(this.deps.db, input, { id: this.deps.newId(), requestId: this.deps.newId(), now: this.at() }, (ids) => this.store.usedEndToEndIds(ids));
    const made = this.store.insertDraft(draft);
    this.changed(made.id);
    return paymentView(made);
  }

  list(kinds?: readonly PaymentState['kind'][]): PaymentView[] {
    return this.store.list().filter((p) => kinds === undefined || kinds.includes(p.state.kind)).map((p) => paymentView(p));
  }

  get(id: string): PaymentView {
    return paymentView(this.record(id), this.store.timeline(id));
  }

  /**
   * Intents a restart left mid-way: the follower resumes them. A bank page opened by an earlier
   * run is among them: nothing can bring its answer back to this run, so it is settled at the bank.
   */
  unfinished(): PaymentRecord[] {
    return this.store.list().filter((p) =>
      isFollowed(p.state) || p.state.kind === 'initiating' || (p.state.kind === 'unknown' && p.state.reconciliation === 'pending')
      || (p.state.kind === 'awaiting-sca' && p.scaOpenedAt !== null));
  }

  /** The run of this intent in flight, if any: a second click joins it instead of opening another page. */
  inFlight(id: string): Promise<PaymentView> | undefined {
    return this.running.get(id);
  }

  /** Drives an intent as far as it safely goes now; see `payments:submit`. */
  submit(id: string, port: AuthorizationPort, psuIpAddress?: string): Promise<PaymentView> {
    return this.once(id, () => this.drive(id, port, psuIpAddress, false));
  }

  /** Sends an intent again: only when it provably did not execute. */
  retry(id: string, port: AuthorizationPort, psuIpAddress?: string): Promise<PaymentView> {
    return this.once(id, async () => {
      const p = this.record(id);
      if (!mayRetry(p)) throw new ValidationError(retryRefusal(p), 'paymentId');
      return this.drive(id, port, psuIpAddress, true);
    });
  }

  /** Reads the bank for an unknown intent (or one whose page was left), and writes what it proves. */
  reconcile(id: string): Promise<PaymentView> {
    return this.once(id, async () => {
      await this.reconcileNow(this.record(id));
      return paymentView(this.record(id));
    });
  }

  async cancel(id: string): Promise<PaymentView> {
    const p = this.record(id);
    const s = p.state;
    if (s.kind === 'draft') {
      this.to(p, { kind: 'cancelled', paymentId: null, status: 'CANC', reason: { code: 'cancelled-before-sending' } });
      return paymentView(this.record(id));
    }
    if (s.kind !== 'awaiting-sca') throw new PaymentNotCancellableError(notCancellable(p));
    const outcome = await this.cancelAtBank(p, s.paymentId);
    if (outcome === 'authorised') {
      throw new PaymentNotCancellableError('the bank already has the PSU’s authorisation of this payment (405 CANCELLATION_INVALID): it goes ahead and can no longer be cancelled');
    }
    return paymentView(this.record(id));
  }

  /**
   * DELETE of a payment not known to be authorised: 204 proves it never executes (cancelled);
   * 405 proves the PSU authorised it, which is recorded for good.
   */
  async cancelAtBank(p: PaymentRecord, paymentId: string): Promise<'cancelled' | 'authorised'> {
    const bank = await this.deps.resolveBank(p.profileId);
    try {
      await processCancelResponse(await cancelPaymentRequest(bank.psd2, serviceOf(p), paymentId));
    } catch (error) {
      if (error instanceof BankError && error.status === 405) {
        this.to(p, { kind: 'unknown', paymentId, reason: { code: 'authorised-at-bank' }, reconciliation: 'pending' }, { authorisedOnce: true });
        this.deps.follow(p.id);
        return 'authorised';
      }
      throw error;
    }
    this.to(p, { kind: 'cancelled', paymentId, status: 'CANC', reason: { code: 'cancelled-before-authorisation' } });
    return 'cancelled';
  }

  /** Writes a state the bank reported (the follower's and reconciliation's one way in). */
  to(p: PaymentRecord, state: PaymentState, extra: { authorisedOnce?: boolean; debtorIban?: string | null; scaOpenedAt?: string } = {}): void {
    if (!this.store.transition(p.id, state, this.at(), extra)) return;
    if (state.kind === 'settled' && p.kind === 'single' && this.deps.onSettled !== undefined) {
      const settled = this.record(p.id);
      // The payment is done whatever the address book says: its failure is only logged.
      try {
        this.deps.onSettled(settled);
      } catch (error) {
        this.deps.logger.warn({ err: error, paymentId: p.id }, 'could not keep the beneficiary of a settled payment');
      }
    }
    this.changed(p.id);
  }

  changed(id: string): void {
    const p = this.store.get(id);
    if (p !== undefined) this.deps.emit(paymentView(p));
  }

  record(id: string): PaymentRecord {
    const p = this.store.get(id);
    if (p === undefined) throw new ValidationError(`no payment ${id}`, 'paymentId');
    return p;
  }

  private once(id: string, run: () => Promise<PaymentView>): Promise<PaymentView> {
    const current = this.running.get(id);
    if (current !== undefined) return current;
    const started = run().finally(() => this.running.delete(id));
    this.running.set(id, started);
    return started;
  }

  private reconcileNow(p: PaymentRecord): Promise<void> {
    return reconcile(this, { keychain: this.deps.keychain, tokens: this.deps.tokens, resolveBank: this.deps.resolveBank, findBooked: this.deps.findBooked, follow: this.deps.follow }, p);
  }

  private async drive(id: string, port: AuthorizationPort, psuIpAddress: string | undefined, retrying: boolean): Promise<PaymentView> {
    let p = this.record(id);
    if (p.state.kind === 'initiating' || (p.state.kind === 'unknown' && p.state.reconciliation === 'pending')) {
      if (p.state.kind === 'initiating') this.to(p, { kind: 'unknown', paymentId: null, reason: { code: 'earlier-initiation-unanswered' }, reconciliation: 'pending' });
      await this.reconcileNow(this.record(id));
      p = this.record(id);
    }
    const s = p.state;
    if (s.kind === 'awaiting-sca' && p.scaOpenedAt !== null) {
      // The bank's page was opened before and left (closed, or the app stopped): never open a
      // second page on a payment the PSU may have said yes to. The bank tells which it was.
      if (await hasPisToken(this.deps.keychain, p.id)) await this.reconcileNow(p);
      else if ((await this.cancelAtBank(p, s.paymentId)) === 'cancelled') return this.initiate(this.record(id), port, psuIpAddress, true);
      return paymentView(this.record(id));
    }
    if (s.kind === 'awaiting-sca') return this.authorise(p, s.paymentId, port);
    if (s.kind === 'draft' || (mayRetry(p) && (retrying || s.kind === 'unknown'))) return this.initiate(p, port, psuIpAddress, s.kind !== 'draft' && bankIdOf(s) !== null);
    return paymentView(p);
  }

  private async initiate(p: PaymentRecord, port: AuthorizationPort, psuIpAddress: string | undefined, freshRequestId: boolean): Promise<PaymentView> {
    const bank = await this.deps.resolveBank(p.profileId);
    // A payment the bank already ended needs a new request id: a bank deduplicating on it would answer the old one.
    const requestId = freshRequestId ? this.deps.newId() : p.requestId;
    if (freshRequestId) this.deps.db.prepare('UPDATE payments SET request_id = ? WHERE id = ?').run(requestId, p.id);
    this.to(p, { kind: 'initiating' });
    const input = {
      requestId,
      redirectUri: bank.redirectUri,
      ...(psuIpAddress === undefined ? {} : { psuIpAddress }),
      ...(p.debtorIban === null ? {} : { debtorIban: p.debtorIban }),
      transfers: p.items.map((i) => ({
        instructedAmount: { currency: p.currency, amount: i.amount },
        creditorAccount: { iban: i.creditorIban },
        creditorName: i.creditorName,
        ...(i.remittance === '' ? {} : { remittanceInformationUnstructured: i.remittance }),
        endToEndIdentification: i.endToEndId,
      })),
    };
    const sleep = this.deps.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
    for (let attempt = 1; ; attempt++) {
      let res: Response;
      try {
        res = await initiatePaymentRequest(bank.psd2, serviceOf(p), input);
      } catch (error) {
        if (!(error instanceof NetworkError)) throw error;
        if (attempt < INITIATION_ATTEMPTS) {
          await sleep(INITIATION_PAUSE_MS * attempt);
          continue;
        }
        this.to(p, { kind: 'unknown', paymentId: null, reason: { code: 'initiation-unanswered', detail: error.message }, reconciliation: 'pending' });
        throw error;
      }
      // Anything but an error answer may mean the bank took it: unreadable is unknown, never failed.
      if (!res.ok && res.status < 500) {
        const refusal = await processInitiationResponse(res, serviceOf(p)).catch((e: unknown) => e);
        this.to(p, { kind: 'failed', paymentId: null, reason: refusal instanceof Error ? { code: 'initiation-refused', detail: refusal.message } : { code: 'initiation-refused' } });
        throw refusal;
      }
      if (!res.ok && attempt < INITIATION_ATTEMPTS) {
        await res.body?.cancel();
        await sleep(INITIATION_PAUSE_MS * attempt);
        continue;
      }
      try {
        const made = await processInitiationResponse(res, serviceOf(p));
        if (made.location !== undefined) this.locations.set(p.id, made.location);
        this.store.updateItems(p.id, made.items.map((i, position) => ({ position, bankPaymentId: i.paymentId, status: statusCode(i.status) })));
        const code = statusCode(made.status) ?? 'RCVD';
        this.to(p, stateOfStatus(made.paymentId, code));
        if (code !== 'RCVD') return paymentView(this.record(p.id));
        return this.authorise(this.record(p.id), made.paymentId, port);
      } catch (error) {
        this.to(p, { kind: 'unknown', paymentId: null, reason: { code: 'initiation-unreadable', detail: (error as Error).message }, reconciliation: 'pending' });
        throw error;
      }
    }
  }

  private async authorise(p: PaymentRecord, paymentId: string, port: AuthorizationPort): Promise<PaymentView> {
    const bank = await this.deps.resolveBank(p.profileId);
    const scope = `PIS:${paymentId}`;
    this.to(p, p.state, { scaOpenedAt: this.at() });
    try {
      const session = await AuthorizationSession.start(bank, scope, this.locations.get(p.id), port, codeExchange(bank, scope, this.deps.now));
      const tokens = await session.result;
      await this.deps.tokens.remember(pisTokenKey(p.id), { value: tokens.accessToken, expiresAt: tokens.expiresAt }, tokens.refreshToken);
    } catch (error) {
      if (error instanceof AuthorizationCancelledError && error.reason === 'access_denied') {
        this.to(p, { kind: 'rejected', paymentId, status: 'RJCT' });
        return paymentView(this.record(p.id));
      }
      if (!(error instanceof AuthorizationCancelledError)) {
        // The bank sent a code (the PSU may have said yes) but the token exchange failed.
        this.to(p, { kind: 'unknown', paymentId, reason: { code: 'authorisation-incomplete', detail: (error as Error).message }, reconciliation: 'pending' });
        this.deps.follow(p.id);
      }
      throw error;
    } finally {
      this.locations.delete(p.id);
    }
    this.to(p, { kind: 'authorised', paymentId, status: 'ACCP' }, { authorisedOnce: true });
    this.deps.follow(p.id);
    return paymentView(this.record(p.id));
  }

  private at(): string {
    return this.deps.now().toISOString();
  }
}


function retryRefusal(p: PaymentRecord): string {
  if (p.authorisedOnce) return 'the PSU authorised this payment once: it is never sent again';
  if (p.state.kind === 'unknown') return 'its outcome at the bank is not known yet: reconcile it first';
  return `a ${p.state.kind} payment is not sent again`;
}

function notCancellable(p: PaymentRecord): string {
  switch (p.state.kind) {
    case 'authorised':
    case 'settling':
      return 'the PSU authorised it and the bank is executing it: the bank no longer cancels it';
    case 'initiating':
    case 'unknown':
      return 'its state at the bank is not known yet: reconcile it first';
    default:
      return `it is already ${p.state.kind}`;
  }
}
