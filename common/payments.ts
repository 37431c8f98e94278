import type { Money } from './money.js';

/**
 * A payment as the person sees it: one intent to pay (a single transfer or a bulk), its place in
 * the state machine, and the history of how it got there. Core owns the machine
 * (`core/payments/`); this is its view, the same in the app, browser mode and the CLI.
 */

/** ISO 20022 codes as CEC uses them (digest §3.4); `PART` and `PATC` are a bulk's. */
export type PaymentStatusCode = 'RCVD' | 'ACCP' | 'ACTC' | 'ACSP' | 'ACSC' | 'ACCC' | 'RJCT' | 'CANC' | 'PART' | 'PATC';

/**
 * Why an intent is `cancelled`, `failed` or `unknown`: one code per cause core records, put into
 * words by each front end (the app in the person's language). `detail` is technical (an error's
 * message, the text an earlier version wrote) for the log and a "details" line, never the sentence
 * a person reads.
 */
export type PaymentReasonCode =
  /** Cancelled as a draft: the bank never heard of it. */
  | 'cancelled-before-sending'
  /** DELETE answered 204: cancelled at the bank before the PSU said yes. */
  | 'cancelled-before-authorisation'
  /** The bank's own ISO 20022 status reason (AM04 insufficient funds, AC01, …), in `bankCode`. */
  | 'bank-reason'
  /** The bank refused the initiation itself (a 4xx): nothing was taken. */
  | 'initiation-refused'
  /** No answer to the initiation after every attempt. */
  | 'initiation-unanswered'
  /** An initiation a previous run sent got no answer before it stopped. */
  | 'earlier-initiation-unanswered'
  /** The bank answered the initiation with something we could not read. */
  | 'initiation-unreadable'
  /** DELETE answered 405: the PSU authorised it; its outcome is read from the bank. */
  | 'authorised-at-bank'
  /** The bank sent the PSU's answer, but the token exchange failed: the PSU may have said yes. */
  | 'authorisation-incomplete'
  /** The bank no longer accepts the payment's token, so its status cannot be read. */
  | 'token-refused'
  /** A booked transaction on the payer's account carries this payment's reference. */
  | 'booked-transaction-found'
  /** The bank never gave it an id, so nobody could authorise it: it did not execute. */
  | 'never-identified'
  /** A reason an earlier version wrote as text (kept in `detail`). */
  | 'legacy';

export type PaymentReason =
  | { code: Exclude<PaymentReasonCode, 'bank-reason'>; detail?: string }
  | { code: 'bank-reason'; /** The bank's code as it sent it, e.g. `AM04`. */ bankCode: string; detail?: string };

/**
 * Where an intent stands. `draft → initiating → awaiting-sca → authorised → settling → settled`,
 * or one of the ends `partial` (a bulk, PART), `rejected`, `cancelled`, `failed`, or `unknown`:
 * the bank may have taken the payment but we cannot tell yet, so it must be reconciled before
 * anything is sent again. `paymentId` is the bank's id, once it gave one.
 */
export type PaymentState =
  | { kind: 'draft' }
  | { kind: 'initiating' }
  | { kind: 'awaiting-sca'; paymentId: string; status: 'RCVD' }
  | { kind: 'authorised'; paymentId: string; status: 'ACCP' | 'PATC' }
  | { kind: 'settling'; paymentId: string; status: 'ACTC' | 'ACSP' }
  | { kind: 'settled'; paymentId: string; status: 'ACSC' | 'ACCC' }
  | { kind: 'partial'; paymentId: string; status: 'PART' }
  | { kind: 'rejected'; paymentId: string | null; status: 'RJCT' }
  | { kind: 'cancelled'; paymentId: string | null; status: 'CANC'; reason: PaymentReason | null }
  | { kind: 'failed'; paymentId: string | null; reason: PaymentReason }
  | {
      kind: 'unknown';
      paymentId: string | null;
      reason: PaymentReason;
      /**
       * What reading the bank found: `pending` not yet (or it could not tell), `not-executed`
       * (proved never executed: only then may the person retry).
       */
      reconciliation: 'pending' | 'not-executed';
    };

export type PaymentStateKind = PaymentState['kind'];

/** States after which the bank will not move the payment any more. */
export const FINAL_PAYMENT_STATES: readonly PaymentStateKind[] = ['settled', 'partial', 'rejected', 'cancelled', 'failed'];

export const isFinalPayment = (s: PaymentState): boolean => FINAL_PAYMENT_STATES.includes(s.kind);

/** The bank's status code a state carries, if any. */
export const statusCodeOf = (s: PaymentState): PaymentStatusCode | null => ('status' in s ? s.status : null);

/** One transfer of an intent: the single payment's only one, or a bulk's row. */
export interface PaymentItemView {
  /** Our reference for this transfer, sent as `endToEndIdentification`; the booked transaction carries it back. */
  endToEndId: string;
  creditorName: string;
  creditorIban: string;
  amount: Money;
  remittance: string;
  /** The bank's id of this transfer (a bulk item's own paymentId); null before the bank gave one. */
  bankPaymentId: string | null;
  /** The bank's last status of this transfer; for a single payment the intent's own. */
  status: PaymentStatusCode | null;
}

/** A transition as it was written, before the next call to the bank. */
export interface PaymentTransition {
  at: string;
  state: PaymentState;
}

export interface PaymentView {
  id: string;
  kind: 'single' | 'bulk';
  profileId: string;
  /** The account paid from; null when the bank asks on its page and has not said yet. */
  debtorIban: string | null;
  /** The sum of the items (one currency per intent). */
  total: Money;
  items: PaymentItemView[];
  state: PaymentState;
  createdAt: string;
  updatedAt: string;
  /** Cancel is offered: the bank has not been told the PSU's yes. */
  canCancel: boolean;
  /** Retry is offered: it ended without executing (failed before the bank took it, or reconciled as not executed). */
  canRetry: boolean;
  /** Only in `payments:get`: every transition, oldest first. */
  timeline?: PaymentTransition[];
}
