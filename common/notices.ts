import type { Money } from './money.js';

/**
 * What core tells the person on its own, between their visits: the renderer shows each as a
 * system notification (when allowed) in the person's language. Kind and parameters only, never
 * display text: the renderer words it.
 */
export type Notice =
  /** A consent ends within 14 days: renew it to keep the accounts updating. At most once a day per connection. */
  | { kind: 'consent-expiring'; params: { connectionId: string; label: string; validUntil: string; daysLeft: number } }
  /** A consent has ended: its accounts no longer update. Once per connection. */
  | { kind: 'consent-expired'; params: { connectionId: string; label: string; validUntil: string | null } }
  /** A sync the app started on its own (not the person) stored new transactions. */
  | { kind: 'new-transactions'; params: { count: number; runId: number } }
  /**
   * A payment reached its end at the bank: executed (in full, or a bulk in part), or not executed
   * for a reason the person did not choose. Once per payment; their own cancel is not news.
   */
  | { kind: 'payment-finished'; params: PaymentFinishedParams };

export type PaymentOutcome = 'settled' | 'partial' | 'rejected' | 'cancelled' | 'failed';

export interface PaymentFinishedParams {
  paymentId: string;
  outcome: PaymentOutcome;
  /** The beneficiary of a single payment; a bulk's transfers are counted instead. */
  creditorName: string | null;
  transfers: number;
  total: Money;
}

export type NoticeKind = Notice['kind'];
