import { FALLBACK_INCOME, FALLBACK_SPENDING, type CategorySource, type SortOrder, type StoredTransaction, type TransactionFilter, type TransactionSortKey } from '../../common/index.js';
import type { Db } from './database.js';
import { decodeCursor, encodeCursor, type CursorPosition } from './transaction-cursor.js';
import { searchListMatch, searchListSql } from './search-list.js';
import { filterConditions } from './transaction-filter.js';
import type { TransactionRow } from './transaction-row.js';

/** One page of a transaction list. */
export interface TransactionListQuery {
  filter: TransactionFilter;
  sort: TransactionSortKey;
  order: SortOrder;
  /** Rows per page (the contract caps it at 500). */
  limit: number;
  /** The `cursor` of the previous page of the same list. */
  cursor?: string;
}

export interface TransactionListPage {
  transactions: StoredTransaction[];
  cursor?: string;
}

/** A stored row with its rowid, as the lists read it. */
export interface StoredRow extends TransactionRow {
  id: bigint;
  category_id: string | null;
  category_source: CategorySource | null;
}
type Row = StoredRow;

/** The columns a StoredTransaction is made of (read with `safeIntegers`, so amount_micros is a BigInt). */
export const COLUMNS = `id, account_id, status, bank_key, day, booking_date, value_date, amount, amount_micros, currency,
  counterparty_name, counterparty_iban, remittance, entry_reference, bank_transaction_code, end_to_end_id,
  category_id, category_source`;

/** The sort's column; each has an index that ends in id: `transactions_by_day`, `transactions_by_amount` (or by account and day). */
const SORT_COLUMN: Record<TransactionSortKey, 'day' | 'amount_micros'> = { date: 'day', amount: 'amount_micros' };

/**
 * The SQL of one page: the filter, then the keyset condition `(key, id)` past the cursor's row,
 * ordered by `(key, id)` so equal dates or amounts still page in one fixed order. Never OFFSET:
 * a page costs the same however deep, and rows stored meanwhile cannot shift a page onto
 * rows already shown.
 */
export function transactionListSql(db: Db, query: Omit<TransactionListQuery, 'limit' | 'cursor'>, after?: CursorPosition): { sql: string; params: unknown[] } {
  const match = searchListMatch(query.filter, query.sort);
  if (match !== undefined) return searchListSql(db, { filter: query.filter, order: query.order, columns: COLUMNS }, match, after);
  const { where, params } = filterConditions(db, query.filter);
  const column = SORT_COLUMN[query.sort];
  const direction = query.order === 'desc' ? 'DESC' : 'ASC';
  if (after !== undefined) {
    where.push(`(${column}, id) ${query.order === 'desc' ? '<' : '>'} (?, ?)`);
    params.push(query.sort === 'amount' ? BigInt(after.key) : after.key, after.id);
  }
  const sql = `SELECT ${COLUMNS} FROM transactions${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${column} ${direction}, id ${direction}`;
  return { sql, params };
}

/** One page of stored transactions, across every account unless the filter names some. */
export function queryTransactions(db: Db, query: TransactionListQuery): TransactionListPage {
  const after = query.cursor === undefined ? undefined : decodeCursor(query, query.cursor);
  const { sql, params } = transactionListSql(db, query, after);
  // One row more than the page tells whether a next page exists without counting the rest.
  const rows = db.prepare(`${sql} LIMIT ?`).safeIntegers(true).all(...params, query.limit + 1) as Row[];
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const transactions = page.map(toStoredTransaction);
  if (rows.length <= query.limit || last === undefined) return { transactions };
  const key = query.sort === 'date' ? last.day : last.amount_micros.toString();
  return { transactions, cursor: encodeCursor(query, { key, id: Number(last.id) }) };
}

/**
 * Every stored transaction the filter matches, one at a time as SQLite steps through them
 * (`.iterate()`), so an export of years of history never holds it all in memory. The database
 * connection is busy until the iteration ends or is left (`return`).
 */
export function* iterateTransactions(db: Db, filter: TransactionFilter, sort: TransactionSortKey = 'date', order: SortOrder = 'asc'): Generator<StoredTransaction> {
  const { sql, params } = transactionListSql(db, { filter, sort, order });
  for (const row of db.prepare(sql).safeIntegers(true).iterate(...params) as IterableIterator<Row>) yield toStoredTransaction(row);
}

export function toStoredTransaction(r: Row): StoredTransaction {
  return {
    rowId: Number(r.id),
    id: r.bank_key,
    accountId: r.account_id,
    status: r.status,
    day: r.day,
    ...(r.booking_date === null ? {} : { bookingDate: r.booking_date }),
    ...(r.value_date === null ? {} : { valueDate: r.value_date }),
    amount: { amount: r.amount, currency: r.currency },
    ...(r.counterparty_name === null ? {} : { counterpartyName: r.counterparty_name }),
    ...(r.counterparty_iban === null ? {} : { counterpartyIban: r.counterparty_iban }),
    ...(r.remittance === null ? {} : { remittance: r.remittance }),
    ...(r.entry_reference === null ? {} : { entryReference: r.entry_reference }),
    ...(r.bank_transaction_code === null ? {} : { bankTransactionCode: r.bank_transaction_code }),
    ...(r.end_to_end_id === null ? {} : { endToEndId: r.end_to_end_id }),
    category: categoryOf(r),
  };
}

/**
 * The stored category. A row is undecided only between being written by something other than a
 * sync and the store's next opening (ensureCategorised); until then it shows as its fallback.
 */
function categoryOf(r: Row): NonNullable<StoredTransaction['category']> {
  if (r.category_id !== null && r.category_source !== null) return { id: r.category_id, source: r.category_source };
  return { id: r.amount_micros > 0n ? FALLBACK_INCOME : FALLBACK_SPENDING, source: 'fallback' };
}
