import type { Balance, SkippedItem, Transaction } from '../../common/index.js';
import type { Categorise } from '../categories/category-matcher.js';
import { BugIndicatingError } from '../errors.js';
import { toMicros } from './amount-micros.js';
import { storedCategoriser } from './category-assign.js';
import type { Db } from './database.js';
import type { TransactionRow } from './transaction-row.js';

/** A transaction of a report, with the bank's item as sent when the reader kept it (TransactionDraft's `bankItem`). */
export type ReportedTransaction = Transaction & { bankItem?: string };

/** One account's sync as the engine hands it over: a whole report (every page) and its balances. */
export interface AccountReport {
  accountId: string;
  /** Every booked transaction the bank reported from `dateFrom` on. */
  booked: readonly ReportedTransaction[];
  /** The bank's complete pending list now: it replaces the stored one. */
  pending: readonly ReportedTransaction[];
  balances: readonly Balance[];
  /** The report's first day: on a first sync, how far back the history now reaches. */
  dateFrom: string;
  /** The Europe/Bucharest day of the read: a balance without referenceDate, a pending without dates. */
  today: string;
  /** ISO instant of the read. */
  now: string;
  /** Items of the report the client could not read: kept with the account for the person to see. */
  unreadable?: readonly SkippedItem[];
}

export interface StoredReport {
  /** Booked transactions new to the store. */
  booked: number;
  /** Pending transactions new to the store. */
  pendingAdded: number;
  /** Stored pending transactions the bank no longer lists. */
  pendingRemoved: number;
  /** Of those, the ones found among the newly booked (pending → booked). */
  pendingBooked: number;
  /** Items of the report the store cannot keep exactly; the rest is stored. */
  skipped: SkippedItem[];
}

interface Row extends TransactionRow {
  /** The bank's item as sent (JSON text), stored beside the row for the details drawer. */
  bank_item: string | null;
  first_seen_at: string;
  category_id: string;
  category_source: 'rule' | 'default' | 'fallback';
  category_rule: number | null;
}

interface StoredPending {
  id: number;
  bank_key: string;
  day: string;
  amount_micros: bigint;
  counterparty_name: string | null;
  remittance: string | null;
  first_seen_at: string;
  category_id: string | null;
  category_source: string | null;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** How many days a booking may lag its pending item and still be recognised as it. */
const BOOKING_LAG_DAYS = 10;

const daysBetween = (from: string, to: string): number => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

/**
 * Writes one account's report, all of it or nothing, in one database transaction: a sync killed
 * at any point leaves the account as it was, and the next run reads the same window again.
 *
 * - Booked transactions are added by (account, bank key); one already stored is left as it is, so
 *   an overlapping window never doubles anything and a booked row is never lost.
 * - The pending list is replaced by the bank's: a pending item the bank no longer lists is gone,
 *   and when a newly booked transaction is that item (same bank id, or the same amount and party
 *   within {@link BOOKING_LAG_DAYS}), the booked row keeps the day it was first seen. Both changes
 *   commit together, so the item is never shown twice and never missing in between.
 * - A pending item the bank also lists as booked in the same report is the booked one.
 */
export function storeAccountReport(db: Db, report: AccountReport): StoredReport {
  const skipped: SkippedItem[] = [];
  // New rows are categorised as they are stored, by the person's rules of now (docs/categories.md).
  const categorise = storedCategoriser(db);
  const rows = (list: readonly ReportedTransaction[], status: 'booked' | 'pending'): Row[] => {
    const out: Row[] = [];
    list.forEach((t, index) => {
      const row = toRow(t, status, report, categorise);
      if (typeof row === 'string') skipped.push({ list: status, index, reason: `${status}[${index}]: ${row}` });
      else out.push(row);
    });
    return out;
  };
  const booked = rows(report.booked, 'booked');
  const bookedKeys = new Set(booked.map((r) => r.bank_key));
  const pending = rows(report.pending, 'pending').filter((r) => !bookedKeys.has(r.bank_key));

  // Positional parameters: binding by name looks each one up in the row, a tenth of the insert's
  // CPU over a report (bench: sync.cpu_ms_per_10k).
  const insert = db.prepare(
    `INSERT INTO transactions (account_id, status, bank_key, day, booking_date, value_date, amount, amount_micros, currency,
       counterparty_name, counterparty_iban, remittance, entry_reference, bank_transaction_code, end_to_end_id, first_seen_at,
       category_id, category_source, category_rule)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (account_id, status, bank_key) DO NOTHING`,
  );
  // The bank's item goes beside its row (schema: transaction_bank_items), keyed by the row's id.
  const insertItem = db.prepare('INSERT INTO transaction_bank_items (transaction_id, item) VALUES (?, ?)');
  // A booked row stored before the store kept the bank's items gains its item the next time the
  // bank reports it (a later window's overlap); one that has an item keeps it, as the row keeps its fields.
  const backfillItem = db.prepare(
    `INSERT INTO transaction_bank_items (transaction_id, item)
     SELECT id, ? FROM transactions WHERE account_id = ? AND status = 'booked' AND bank_key = ?
     ON CONFLICT (transaction_id) DO NOTHING`,
  );
  const refreshItem = db.prepare(
    `INSERT INTO transaction_bank_items (transaction_id, item)
     SELECT id, @bank_item FROM transactions WHERE account_id = @account_id AND status = 'pending' AND bank_key = @bank_key
     ON CONFLICT (transaction_id) DO UPDATE SET item = excluded.item`,
  );
  let added = 0;
  let lowestAdded: number | bigint | undefined;
  const add = (r: Row): boolean => {
    const result = insert.run(
      r.account_id, r.status, r.bank_key, r.day, r.booking_date, r.value_date, r.amount, r.amount_micros, r.currency,
      r.counterparty_name, r.counterparty_iban, r.remittance, r.entry_reference, r.bank_transaction_code, r.end_to_end_id, r.first_seen_at,
      r.category_id, r.category_source, r.category_rule,
    );
    if (result.changes !== 1) {
      if (r.status === 'booked' && r.bank_item !== null) backfillItem.run(r.bank_item, r.account_id, r.bank_key);
      return false;
    }
    if (r.bank_item !== null) insertItem.run(result.lastInsertRowid, r.bank_item);
    added += 1;
    if (lowestAdded === undefined || result.lastInsertRowid < lowestAdded) lowestAdded = result.lastInsertRowid;
    return true;
  };
  // Text search: the new rows are indexed here, not by a trigger (schema step 6 says why), in
  // one statement once they are stored, under their search key and in its order: FTS5 writes
  // out its pending terms as a new segment whenever a key is lower than the last, and a report
  // comes newest first. SQLite gives a new row the highest id yet plus one, so every row from
  // the lowest id this report added on is new: a row older than the report is below it.
  const index = db.prepare(
    `INSERT INTO transactions_fts (rowid, counterparty_name, remittance)
     SELECT search_key, counterparty_name, remittance FROM transactions WHERE id >= ? ORDER BY search_key`,
  );
  const indexAdded = (): void => {
    if (lowestAdded === undefined) return;
    const { changes } = index.run(lowestAdded);
    if (changes !== added) throw new BugIndicatingError(`indexed ${changes} of the ${added} transactions stored for text search`);
  };
  const refreshPending = db.prepare(
    `UPDATE transactions SET booking_date = @booking_date, value_date = @value_date, amount = @amount, amount_micros = @amount_micros,
       counterparty_name = @counterparty_name, counterparty_iban = @counterparty_iban, remittance = @remittance,
       entry_reference = @entry_reference, bank_transaction_code = @bank_transaction_code, end_to_end_id = @end_to_end_id,
       category_id = CASE WHEN category_source = 'manual' THEN category_id ELSE @category_id END,
       category_rule = CASE WHEN category_source = 'manual' THEN category_rule ELSE @category_rule END,
       category_source = CASE WHEN category_source = 'manual' THEN category_source ELSE @category_source END
     WHERE account_id = @account_id AND status = 'pending' AND bank_key = @bank_key`,
  );
  const storedPending = db.prepare(
    `SELECT id, bank_key, day, amount_micros, counterparty_name, remittance, first_seen_at, category_id, category_source FROM transactions
     WHERE account_id = ? AND status = 'pending'`,
  ).safeIntegers(true);
  const removePending = db.prepare('DELETE FROM transactions WHERE id = ?');
  // The booking is the pending item the person saw: it keeps the day they first saw it, and the category they gave it.
  const inheritSeen = db.prepare(`UPDATE transactions SET first_seen_at = ? WHERE account_id = ? AND status = 'booked' AND bank_key = ?`);
  const inheritManual = db.prepare(
    `UPDATE transactions SET category_id = ?, category_source = 'manual', category_rule = NULL WHERE account_id = ? AND status = 'booked' AND bank_key = ?`,
  );

  return db.transaction((): StoredReport => {
    const newlyBooked: Row[] = [];
    for (const row of booked) if (add(row)) newlyBooked.push(row);

    const listed = new Set(pending.map((r) => r.bank_key));
    const gone = (storedPending.all(report.accountId) as StoredPending[]).filter((p) => !listed.has(p.bank_key));
    const matched = matchBookings(gone, newlyBooked);
    for (const p of gone) removePending.run(p.id);
    for (const [p, b] of matched) {
      inheritSeen.run(p.first_seen_at, report.accountId, b.bank_key);
      if (p.category_source === 'manual') inheritManual.run(p.category_id, report.accountId, b.bank_key);
    }

    let pendingAdded = 0;
    for (const row of pending) {
      if (add(row)) pendingAdded += 1;
      else {
        refreshPending.run(row);
        if (row.bank_item !== null) refreshItem.run(row);
      }
    }
    indexAdded();
    skipped.push(...recordBalances(db, report));
    const notKept = [...(report.unreadable ?? []), ...skipped];
    db.prepare(
      `INSERT INTO account_sync (account_id, history_from, synced_at, attempted_at, last_error_state, last_error_message, last_skipped)
       VALUES (@accountId, @dateFrom, @now, @now, NULL, NULL, @notKept)
       ON CONFLICT (account_id) DO UPDATE SET history_from = COALESCE(MIN(history_from, excluded.history_from), excluded.history_from),
         synced_at = excluded.synced_at, attempted_at = excluded.attempted_at, last_error_state = NULL, last_error_message = NULL,
         last_skipped = excluded.last_skipped`,
    ).run({ accountId: report.accountId, dateFrom: report.dateFrom, now: report.now, notKept: notKept.length === 0 ? null : JSON.stringify(notKept) });
    return { booked: newlyBooked.length, pendingAdded, pendingRemoved: gone.length, pendingBooked: matched.length, skipped };
  })();
}

/**
 * Pairs pending items that left the list with the bookings that replaced them: the same bank id
 * first, then the same amount and party (counterparty or remittance) booked on or after the
 * pending day within the lag. Each booking takes at most one pending item.
 */
function matchBookings(gone: readonly StoredPending[], booked: readonly Row[]): [StoredPending, Row][] {
  const free = new Set(booked);
  const pairs: [StoredPending, Row][] = [];
  const take = (p: StoredPending, fits: (b: Row) => boolean): boolean => {
    for (const b of free) {
      if (!fits(b)) continue;
      free.delete(b);
      pairs.push([p, b]);
      return true;
    }
    return false;
  };
  const rest = gone.filter((p) => !take(p, (b) => b.bank_key === p.bank_key));
  for (const p of rest) {
    take(p, (b) => {
      const lag = daysBetween(p.day, b.day);
      const party = (p.counterparty_name !== null && p.counterparty_name === b.counterparty_name) || (p.remittance !== null && p.remittance === b.remittance);
      return b.amount_micros === p.amount_micros && party && lag >= 0 && lag <= BOOKING_LAG_DAYS;
    });
  }
  return pairs;
}

function toRow(t: ReportedTransaction, status: 'booked' | 'pending', report: AccountReport, categorise: Categorise): Row | string {
  const micros = toMicros(t.amount.amount);
  if (micros === undefined) return `amount ${t.amount.amount} cannot be stored exactly`;
  for (const [field, value] of [['bookingDate', t.bookingDate], ['valueDate', t.valueDate]] as const) {
    if (value !== undefined && !ISO_DAY.test(value)) return `${field} ${value} is not an ISO date`;
  }
  const decided = categorise({ counterparty: t.counterpartyName ?? null, remittance: t.remittance ?? null, incoming: micros > 0n });
  return {
    account_id: report.accountId,
    status,
    bank_key: t.id,
    day: t.bookingDate ?? t.valueDate ?? report.today,
    booking_date: t.bookingDate ?? null,
    value_date: t.valueDate ?? null,
    amount: t.amount.amount,
    amount_micros: micros,
    currency: t.amount.currency,
    counterparty_name: t.counterpartyName ?? null,
    counterparty_iban: t.counterpartyIban ?? null,
    remittance: t.remittance ?? null,
    entry_reference: t.entryReference ?? null,
    bank_transaction_code: t.bankTransactionCode ?? null,
    end_to_end_id: t.endToEndId ?? null,
    bank_item: t.bankItem ?? null,
    first_seen_at: report.now,
    category_id: decided.categoryId,
    category_source: decided.source,
    category_rule: decided.ruleId,
  };
}

/** A balance per type and reference day; a later read of the same day replaces that day's row. */
function recordBalances(db: Db, report: AccountReport): SkippedItem[] {
  const skipped: SkippedItem[] = [];
  const upsert = db.prepare(
    `INSERT INTO balances (account_id, type, reference_date, amount, amount_micros, currency, credit_limit_included, read_at)
     VALUES (@accountId, @type, @day, @amount, @micros, @currency, @limit, @now)
     ON CONFLICT (account_id, type, reference_date) DO UPDATE SET amount = excluded.amount, amount_micros = excluded.amount_micros,
       currency = excluded.currency, credit_limit_included = excluded.credit_limit_included, read_at = excluded.read_at`,
  );
  report.balances.forEach((b, index) => {
    const micros = toMicros(b.amount.amount);
    if (micros === undefined) {
      skipped.push({ list: 'balances', index, reason: `balances[${index}]: amount ${b.amount.amount} cannot be stored exactly` });
      return;
    }
    upsert.run({
      accountId: report.accountId, type: b.type, day: b.referenceDate ?? report.today, amount: b.amount.amount, micros,
      currency: b.amount.currency, limit: b.creditLimitIncluded === undefined ? null : b.creditLimitIncluded ? 1 : 0, now: report.now,
    });
  });
  return skipped;
}
