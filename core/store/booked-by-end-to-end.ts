import type { Money, StoredTransaction } from '../../common/index.js';
import { normaliseIban } from '../../common/iban.js';
import { toMicros } from './amount-micros.js';
import type { Db } from './database.js';
import { COLUMNS, toStoredTransaction, type StoredRow } from './transaction-queries.js';

/** The account a payment was made from: the store's id, or its IBAN (every stored account of it). */
export type DebtorAccount = { accountId: string } | { iban: string };

/**
 * Booked transactions of the debtor account that carry this endToEndId (Berlin Group field), in
 * booking order. Pending ones are left out: a pending item is not yet money gone.
 */
export function bookedByEndToEndId(db: Db, debtor: DebtorAccount, endToEndId: string): StoredTransaction[] {
  const [accountWhere, accountParam] = 'accountId' in debtor
    ? ['t.account_id = ?', debtor.accountId]
    : ['t.account_id IN (SELECT id FROM accounts WHERE iban = ?)', normaliseIban(debtor.iban)];
  const columns = COLUMNS.split(',').map((c) => `t.${c.trim()}`).join(', ');
  const rows = db
    .prepare(`SELECT ${columns} FROM transactions t WHERE ${accountWhere} AND t.status = 'booked' AND t.end_to_end_id = ? ORDER BY t.day, t.id`)
    .safeIntegers(true)
    .all(accountParam, endToEndId) as StoredRow[];
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
