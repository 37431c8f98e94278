import type { Db } from '../core/store/database.js';
import { exactDecimal } from '../core/money/money.js';
import type { LedgerTransaction } from '../sandbox/index.js';

interface Ledger {
  accounts: { iban: string; currency: string; maskedPan?: string; transactions: LedgerTransaction[] }[];
}

/**
 * One transaction as both sides can name it: status, the id the client derives from the wire
 * (transactionId, else entryReference; none for a fingerprinted one, which is then named by its
 * day) and the exact amount.
 */
const describe = (status: string, key: string | undefined, amount: string, day: string | undefined): string =>
  `${status}|${key ?? `fp@${day ?? ''}`}|${amount}`;

/** Lines of `a` not matched one-for-one in `b` (a multiset difference). */
function minus(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const x of b) left.set(x, (left.get(x) ?? 0) + 1);
  return a.filter((x) => {
    const n = left.get(x) ?? 0;
    if (n === 0) return true;
    left.set(x, n - 1);
    return false;
  });
}

export interface Comparison {
  /** At the bank, not in the store. */
  missing: string[];
  /** In the store, not at the bank (a duplicate shows here). */
  extra: string[];
  /**
   * Of `extra`, the booked ones: a booked item is never taken back by the bank, so one stored
   * beyond the bank's count is a duplicate. An extra pending item may only be stale: the bank
   * booked it since the last sync that completed.
   */
  extraBooked: string[];
  /** How many transactions the bank holds for the PSU within the synced history. */
  atBank: number;
}

/**
 * The store against the sandbox bank's own books (`/sandbox/psus/{user}/ledger`), account by
 * account, by id and exact amount: what a sync must converge to whatever the network did.
 */
export async function compareWithBank(db: Db, bankOrigin: string, userId: string): Promise<Comparison> {
  const res = await fetch(`${bankOrigin}/sandbox/psus/${userId}/ledger`);
  if (!res.ok) throw new Error(`the bank's ledger answered ${res.status}`);
  const ledger = (await res.json()) as Ledger;
  const result: Comparison = { missing: [], extra: [], extraBooked: [], atBank: 0 };
  for (const account of ledger.accounts) {
    const ours = db.prepare('SELECT id FROM accounts WHERE currency = ? AND (masked_pan = ? OR (masked_pan IS NULL AND iban = ?))')
      .get(account.currency, account.maskedPan ?? null, account.iban) as { id: string } | undefined;
    const from = ours === undefined ? undefined : (db.prepare('SELECT history_from FROM account_sync WHERE account_id = ?').get(ours.id) as { history_from: string | null } | undefined)?.history_from;
    const bank = account.transactions.filter((t) => t.status === 'pending' || from == null || (t.bookingDate ?? '') >= from).map((t) =>
      describe(t.status, t.transactionId ?? t.entryReference, exactDecimal(t.amount) ?? `unreadable ${t.amount}`, t.status === 'booked' ? t.bookingDate : t.valueDate));
    const stored = ours === undefined
      ? []
      : (db.prepare('SELECT status, bank_key, amount, booking_date, value_date FROM transactions WHERE account_id = ?').all(ours.id) as {
          status: string; bank_key: string; amount: string; booking_date: string | null; value_date: string | null;
        }[]).map((r) => describe(r.status, r.bank_key.startsWith('fp:') ? undefined : r.bank_key, r.amount, (r.status === 'booked' ? r.booking_date : r.value_date) ?? undefined));
    const where = `${account.iban}:${account.currency}`;
    result.missing.push(...minus(bank, stored).map((d) => `${where} ${d}`));
    const extra = minus(stored, bank).map((d) => `${where} ${d}`);
    result.extra.push(...extra);
    result.extraBooked.push(...extra.filter((d) => d.includes(' booked|')));
    result.atBank += bank.length;
  }
  return result;
}
