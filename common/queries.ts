import type { CategorySource } from './categories.js';
import type { AccountWithBalances, Transaction } from './domain.js';

/**
 * What the renderer reads from the local copy (issue 9 §3): transactions across every account
 * and the figures over them. Amounts are exact decimal strings, signed as the bank signs them;
 * every answer says when its data was last synced, since the bank is never asked live.
 */

/** Which stored transactions a list shows; every field narrows, an absent one does not. */
export interface TransactionFilter {
  /** The app's account ids; absent: every account of the person's connections. */
  accountIds?: string[];
  /** ISO dates, inclusive, on the day a transaction sorts by (booking, else value, else first seen). */
  dateFrom?: string;
  dateTo?: string;
  /** Signed decimal strings, inclusive: spending of 100 or more is `amountMax: "-100"`. */
  amountMin?: string;
  amountMax?: string;
  /** `in`: money that came in (amount > 0); `out`: money that left (amount < 0). */
  direction?: 'in' | 'out';
  /** Absent: booked and pending together. */
  status?: 'booked' | 'pending';
  /** Words to find in the counterparty or the remittance, as typed: case, diacritics and word ends do not matter. */
  text?: string;
  /** Category ids (built-in keys or `custom-<n>`): a transaction in any of them. */
  categoryIds?: string[];
}

export type TransactionSortKey = 'date' | 'amount';
export type SortOrder = 'asc' | 'desc';

/** A stored transaction as the UI lists it. */
export interface StoredTransaction extends Transaction {
  /** The store's own row id: the stable key of a list row (a bank id may repeat across accounts). */
  rowId: number;
  /** The day it sorts by: the booking date, else the value date, else the day the bank first listed it. */
  day: string;
  /**
   * Its category and how it was decided (docs/categories.md). Every answer of core carries it;
   * optional in the type only so that views made before categories existed still type.
   */
  category?: TransactionCategory;
}

export interface TransactionCategory {
  /** A built-in key (`groceries`) or a custom category's id (`custom-3`). */
  id: string;
  source: CategorySource;
}

export interface TransactionsView {
  transactions: StoredTransaction[];
  /** Present when more rows match: pass it back, with the same filter and sort, for the next page. */
  cursor?: string;
  /** The oldest last sync of the accounts listed; absent while one of them has never synced. */
  syncedAt?: string;
}

/** An account from the local copy, whether or not its consent still reads. */
export interface StoredAccount extends AccountWithBalances {
  /** Whether the bank answers for this account's connection now; its stored history shows either way. */
  readable: boolean;
  /** The last sync that stored this account; absent before the first. */
  syncedAt?: string;
}

/** One account's part of a currency total: which of its balances counted. */
export interface TotalPart {
  accountId: string;
  /** The balance type used (see `insights:totals`). */
  type: string;
  amount: string;
  referenceDate: string;
}

export interface CurrencyTotal {
  currency: string;
  amount: string;
  accounts: TotalPart[];
}

export interface TotalsView {
  totals: CurrencyTotal[];
  syncedAt?: string;
}

export interface BalancePoint {
  date: string;
  amount: string;
}

export interface BalanceHistoryView {
  accountId: string;
  currency: string;
  /** The balance type of `points`; absent when the account has no stored balance. */
  type?: string;
  /** Every balance type stored for the account, to choose another. */
  types: string[];
  /** Oldest first, one per reference day. */
  points: BalancePoint[];
  syncedAt?: string;
}

/** Booked money in and out of one calendar month in one currency. */
export interface MonthlyFlow {
  /** `YYYY-MM`. */
  month: string;
  currency: string;
  /** The sum of booked amounts above zero. */
  income: string;
  /** The sum of booked amounts below zero, as a positive amount: what left. */
  spending: string;
  /** income − spending. */
  net: string;
}

export interface MonthlyView {
  months: MonthlyFlow[];
  syncedAt?: string;
}

export interface CounterpartySpending {
  /** The counterparty's name, else its IBAN. */
  counterparty: string;
  currency: string;
  /** What went to it, as a positive amount. */
  spending: string;
  transactions: number;
}

export interface CounterpartiesView {
  /** Per currency, the largest first. */
  counterparties: CounterpartySpending[];
  syncedAt?: string;
}
