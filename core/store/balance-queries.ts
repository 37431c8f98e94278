import type { Balance, BalanceHistoryView, CurrencyTotal, TotalPart } from '../../common/index.js';
import { ValidationError } from '../errors.js';
import { fromMicros } from './amount-micros.js';
import type { Db } from './database.js';
import { visibleAccountIds } from './visible-accounts.js';

interface BalanceRow {
  account_id: string;
  type: string;
  reference_date: string;
  amount: string;
  amount_micros: bigint;
  currency: string;
  credit_limit_included: bigint | null;
  read_at: string;
}

/**
 * For a total, the balance that says best what the account holds now: what is available, else
 * booked plus pending (`expected`), else the booked figures. One that includes a credit limit
 * counts only when the account reported no other, since the limit is the bank's money.
 */
const TOTAL_PREFERENCE = ['interimAvailable', 'expected', 'interimBooked', 'closingBooked', 'openingBooked', 'forwardAvailable'];

/** For a history, the end-of-day figure first: it is the one a bank reports once per day. */
const HISTORY_PREFERENCE = ['closingBooked', 'interimBooked', 'expected', 'interimAvailable', 'openingBooked'];

const rank = (order: readonly string[], type: string) => (order.includes(type) ? order.indexOf(type) : order.length);

/** Each balance type's newest row of the accounts named (the primary key serves the lookup). */
function latestRows(db: Db, accountIds: readonly string[]): BalanceRow[] {
  if (accountIds.length === 0) return [];
  return db
    .prepare(
      `SELECT b.* FROM balances b
       WHERE b.account_id IN (${accountIds.map(() => '?').join(', ')})
         AND b.reference_date = (SELECT MAX(reference_date) FROM balances WHERE account_id = b.account_id AND type = b.type)
       ORDER BY b.account_id, b.type`,
    )
    .safeIntegers(true)
    .all(...accountIds) as BalanceRow[];
}

const toBalance = (r: BalanceRow): Balance => ({
  type: r.type,
  amount: { amount: r.amount, currency: r.currency },
  referenceDate: r.reference_date,
  ...(r.credit_limit_included === null ? {} : { creditLimitIncluded: r.credit_limit_included === 1n }),
});

/** Every account's newest balance of each type, as the accounts list shows them. */
export function latestBalances(db: Db, accountIds: readonly string[]): Map<string, Balance[]> {
  const byAccount = new Map<string, Balance[]>();
  for (const row of latestRows(db, accountIds)) byAccount.set(row.account_id, [...(byAccount.get(row.account_id) ?? []), toBalance(row)]);
  return byAccount;
}

/**
 * What the person holds per currency: the sum over every account of the live connections of one
 * balance each, taken from the account's last read by {@link TOTAL_PREFERENCE}. An account
 * without a stored balance adds nothing.
 */
export function currencyTotals(db: Db): CurrencyTotal[] {
  const byAccount = new Map<string, BalanceRow[]>();
  for (const row of latestRows(db, visibleAccountIds(db))) byAccount.set(row.account_id, [...(byAccount.get(row.account_id) ?? []), row]);
  const totals = new Map<string, { micros: bigint; accounts: TotalPart[] }>();
  for (const [accountId, balances] of byAccount) {
    const lastRead = balances.reduce((at, b) => (b.read_at > at ? b.read_at : at), '');
    const chosen = balances
      .filter((b) => b.read_at === lastRead)
      .sort((a, b) => Number(a.credit_limit_included === 1n) - Number(b.credit_limit_included === 1n) || rank(TOTAL_PREFERENCE, a.type) - rank(TOTAL_PREFERENCE, b.type) || a.type.localeCompare(b.type))[0];
    if (chosen === undefined) continue;
    const total = totals.get(chosen.currency) ?? { micros: 0n, accounts: [] };
    total.micros += chosen.amount_micros;
    total.accounts.push({ accountId, type: chosen.type, amount: chosen.amount, referenceDate: chosen.reference_date });
    totals.set(chosen.currency, total);
  }
  return [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([currency, t]) => ({ currency, amount: fromMicros(t.micros), accounts: t.accounts }));
}

export interface BalanceHistoryQuery {
  accountId: string;
  /** A balance type; absent: the first of {@link HISTORY_PREFERENCE} the account has. */
  type?: string;
  dateFrom?: string;
  dateTo?: string;
}

/** One account's balance of one type by reference day, oldest first. */
export function balanceHistory(db: Db, query: BalanceHistoryQuery): Omit<BalanceHistoryView, 'syncedAt'> {
  if (!visibleAccountIds(db).includes(query.accountId)) throw new ValidationError(`no account ${query.accountId} in the local copy`, 'accountId');
  const { currency } = db.prepare('SELECT currency FROM accounts WHERE id = ?').get(query.accountId) as { currency: string };
  const types = db.prepare('SELECT DISTINCT type FROM balances WHERE account_id = ? ORDER BY type').pluck().all(query.accountId) as string[];
  const type = query.type ?? [...types].sort((a, b) => rank(HISTORY_PREFERENCE, a) - rank(HISTORY_PREFERENCE, b))[0];
  if (type === undefined) return { accountId: query.accountId, currency, types, points: [] };
  const points = db
    .prepare(
      `SELECT reference_date AS date, amount FROM balances WHERE account_id = ? AND type = ?
         AND reference_date >= ? AND reference_date <= ? ORDER BY reference_date`,
    )
    .all(query.accountId, type, query.dateFrom ?? '0000-01-01', query.dateTo ?? '9999-12-31') as { date: string; amount: string }[];
  return { accountId: query.accountId, currency, type, types, points };
}
