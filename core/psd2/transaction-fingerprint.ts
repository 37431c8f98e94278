import { createHash } from 'node:crypto';
import type { Transaction } from '../../common/index.js';

/**
 * A transaction as read from the bank, before it has an id: the bank may have given none.
 * `bankItem` is the bank's item as sent (JSON text, numbers as written), for the store to keep
 * for the details drawer; core only, never part of the domain's Transaction.
 */
export type TransactionDraft = Omit<Transaction, 'id'> & { id?: string; bankItem?: string };

/** What every fingerprint id starts with; a bank id never needs it. */
const FINGERPRINT_PREFIX = 'fp:';

/**
 * True when `id` is one of our content fingerprints rather than an id the bank gave, so an export
 * can leave the bank's id empty instead of passing ours off as the bank's.
 */
export const isFingerprintId = (id: string): boolean => id.startsWith(FINGERPRINT_PREFIX);

/**
 * Gives every transaction of a list an id: the bank's own where it gave one, else a content
 * fingerprint. The Berlin Group requires only `transactionAmount`, so a bank may send neither
 * `transactionId` nor `entryReference`, yet the app (and the sync engine's deduplication) must
 * tell transactions apart and recognise them when they come again.
 *
 * The contract:
 * - The fingerprint is `fp:<hash>:<n>`. `<hash>` is SHA-256 (first 128 bits, hex) over the
 *   content as the domain holds it, canonical and trimmed: accountId (the app's stable id,
 *   IBAN + currency, so it survives a consent renewal), status, bookingDate, valueDate, amount
 *   (canonical decimal text), currency, counterpartyName, counterpartyIban, remittance,
 *   bankTransactionCode. An absent field and an empty one hash alike.
 * - `<n>` is the occurrence index: the 0-based count of earlier items in `transactions` with the
 *   same hash. So identical twins (two equal coffees on one day) both stay, as `…:0` and `…:1`.
 * - Deterministic: the same content in the same list gives the same ids, on every run and
 *   machine. Twins are interchangeable, so their order between themselves does not matter.
 * - Occurrences are counted within the list passed. Pass one whole report (all its pages, for
 *   whole days) so a twin on the next page is not counted from 0 again; the sync engine does,
 *   and its overlap window starts at a day boundary, so a re-read day yields the same ids.
 *   A live read of a single page counts within that page.
 * - A pending transaction and its booked successor differ in status (and usually in dates), so
 *   they get different fingerprints: matching pending → booked is the sync engine's job.
 * - Bank ids are kept as they are, and their items do not count as occurrences.
 */
export function fingerprintTransactions<T extends TransactionDraft>(transactions: readonly T[]): (T & { id: string })[] {
  const seen = new Map<string, number>();
  return transactions.map((t) => {
    if (t.id !== undefined) return t as T & { id: string };
    const hash = contentHash(t);
    const n = seen.get(hash) ?? 0;
    seen.set(hash, n + 1);
    return { ...t, id: `${FINGERPRINT_PREFIX}${hash}:${n}` };
  });
}

function contentHash(t: TransactionDraft): string {
  const content = [
    t.accountId, t.status, t.bookingDate, t.valueDate, t.amount.amount, t.amount.currency,
    t.counterpartyName, t.counterpartyIban, t.remittance, t.bankTransactionCode,
  ].map((v) => v ?? '');
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 32);
}
