import type { Money, StoredTransaction } from '../../common/index.js';
import { normaliseIban } from '../../common/iban.js';
import { toMicros } from './amount-micros.js';
import type { Db } from './database.js';
import { COLUMNS, toStoredTransaction, type StoredRow } from './transaction-queries.js';

/**
 * The account a payment was made from: the store's id, or its IBAN (every stored account of it),
 * or `anyAccount` when the PSU picked it on the bank's page and the app never learned which.
 */
export type DebtorAccount = { accountId: string } | { iban: string } | { anyAccount: true };

function accountCondition(debtor: DebtorAccount): { where: string; params: string[] } {
  if ('accountId' in debtor) return { where: 't.account_id = ? AND ', params: [debtor.accountId] };
  if ('iban' in debtor) return { where: 't.account_id IN (SELECT id FROM accounts WHERE iban = ?) AND ', params: [normaliseIban(debtor.iban)] };
  return { where: '', params: [] };
}

/**
 * Booked transactions of the debtor account that carry this endToEndId (Berlin Group field), in
 * booking order. Pending ones are left out: a pending item is not yet money gone.
 */
export function bookedByEndToEndId(db: Db, debtor: DebtorAccount, endToEndId: string): StoredTransaction[] {
  const account = accountCondition(debtor);
  const columns = COLUMNS.split(',').map((c) => `t.${c.trim()}`).join(', ');
  const rows = db
    .prepare(`SELECT ${columns} FROM transactions t WHERE ${account.where}t.status = 'booked' AND t.end_to_end_id = ? ORDER BY t.day, t.id`)
    .safeIntegers(true)
    .all(...account.params, endToEndId) as StoredRow[];
  return rows.map(toStoredTransaction);
}

/** A payment as the app sent it, to recognise its booking on the debtor account. */
export interface SentPayment {
  debtor: DebtorAccount;
  endToEndId: string;
  /** What was paid: positive, as instructed. */
  amount: Money;
  creditorIban: string;
}

export interface PaymentBookings {
  /** Bookings with the endToEndId that debit exactly the amount, in its currency, to that creditor. */
  matched: StoredTransaction[];
  /**
   * Bookings with the endToEndId that differ in amount, currency or creditor IBAN: not this
   * payment as sent, yet under its reference. Never a reason to pay again without the person.
   */
  conflicting: StoredTransaction[];
}

/**
 * The bookings of a payment whose outcome is unknown, matched on endToEndId, amount and creditor.
 * A booking without a counterparty IBAN (some banks leave it out) matches on the other two: the
 * endToEndId is the app's own reference, generated once per intent.
 */
export function paymentBookings(db: Db, payment: SentPayment): PaymentBookings {
  const debit = toMicros(payment.amount.amount);
  const creditor = normaliseIban(payment.creditorIban);
  const matched: StoredTransaction[] = [];
  const conflicting: StoredTransaction[] = [];
  for (const t of bookedByEndToEndId(db, payment.debtor, payment.endToEndId)) {
    const sameAmount = debit !== undefined && toMicros(t.amount.amount) === -debit && t.amount.currency === payment.amount.currency;
    const sameCreditor = t.counterpartyIban === undefined || normaliseIban(t.counterpartyIban) === creditor;
    (sameAmount && sameCreditor ? matched : conflicting).push(t);
  }
  return { matched, conflicting };
}

/** A transfer as the payments side keeps it: plain decimal amount, the payer's IBAN when known. */
export interface BookingQuery {
  debtorIban: string | null;
  endToEndId: string;
  amount: string;
  currency: string;
  creditorIban: string;
}

/**
 * What the local copy says of a transfer: `booked` when a booking matches it, `cannot-tell` when
 * only bookings that differ carry its reference (a person must look), `not-found` otherwise. A
 * payment whose payer the PSU picked on the bank's page is looked for on every account. Whether
 * `not-found` means "not executed" depends on the last sync, which is the caller's to judge.
 */
export function bookingEvidence(db: Db, q: BookingQuery): 'booked' | 'not-found' | 'cannot-tell' {
  const found = paymentBookings(db, {
    debtor: q.debtorIban === null ? { anyAccount: true } : { iban: q.debtorIban },
    endToEndId: q.endToEndId,
    amount: { amount: q.amount, currency: q.currency },
    creditorIban: q.creditorIban,
  });
  if (found.matched.length > 0) return 'booked';
  return found.conflicting.length > 0 ? 'cannot-tell' : 'not-found';
}
