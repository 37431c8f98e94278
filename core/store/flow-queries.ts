import type { CounterpartySpending, MonthlyFlow } from '../../common/index.js';
import { fromMicros } from './amount-micros.js';
import type { Db } from './database.js';
import { filterConditions } from './transaction-filter.js';

/**
 * Money in and out over the booked transactions: pending items are not final (their amount and
 * even their existence may change), so they count only once booked. Sums are of millionths in
 * SQL (exact 64-bit integers; SQLite fails on overflow rather than round) and read as BigInt.
 */

export interface MonthlyQuery {
  accountIds?: string[];
  /** `YYYY-MM`, inclusive. */
  monthFrom?: string;
  monthTo?: string;
}

interface MonthlyRow {
  month: string;
  currency: string;
  income: bigint;
  spending: bigint;
}

/** The SQL of {@link monthlyFlows}; a period reads the `(day, id)` index's range. */
export function monthlySql(db: Db, query: MonthlyQuery): { sql: string; params: unknown[] } {
  const { where, params } = filterConditions(db, {
    status: 'booked',
    ...(query.accountIds === undefined ? {} : { accountIds: query.accountIds }),
    // Days are ISO text: every day of a month sorts between its "-01" and "-31".
    ...(query.monthFrom === undefined ? {} : { dateFrom: `${query.monthFrom}-01` }),
    ...(query.monthTo === undefined ? {} : { dateTo: `${query.monthTo}-31` }),
  });
  const sql = `SELECT substr(day, 1, 7) AS month, currency,
      SUM(CASE WHEN amount_micros > 0 THEN amount_micros ELSE 0 END) AS income,
      SUM(CASE WHEN amount_micros < 0 THEN -amount_micros ELSE 0 END) AS spending
    FROM transactions WHERE ${where.join(' AND ')}
    GROUP BY month, currency ORDER BY month, currency`;
  return { sql, params };
}

/** Income (booked amounts above zero) and spending (below zero) per calendar month and currency. */
export function monthlyFlows(db: Db, query: MonthlyQuery): MonthlyFlow[] {
  const { sql, params } = monthlySql(db, query);
  const rows = db.prepare(sql).safeIntegers(true).all(...params) as MonthlyRow[];
  return rows.map((r) => ({ month: r.month, currency: r.currency, income: fromMicros(r.income), spending: fromMicros(r.spending), net: fromMicros(r.income - r.spending) }));
}

export interface CounterpartyQuery {
  accountIds?: string[];
  dateFrom?: string;
  dateTo?: string;
  /** How many counterparties per currency. */
  limit: number;
}

interface CounterpartyRow {
  counterparty: string;
  currency: string;
  spending: bigint;
  transactions: bigint;
}

/** The SQL of {@link counterpartySpending}; its last parameter is the limit. */
export function counterpartySql(db: Db, query: CounterpartyQuery): { sql: string; params: unknown[] } {
  const { where, params } = filterConditions(db, {
    status: 'booked',
    direction: 'out',
    ...(query.accountIds === undefined ? {} : { accountIds: query.accountIds }),
    ...(query.dateFrom === undefined ? {} : { dateFrom: query.dateFrom }),
    ...(query.dateTo === undefined ? {} : { dateTo: query.dateTo }),
  });
  const sql = `SELECT counterparty, currency, spending, transactions FROM (
      SELECT counterparty, currency, spending, transactions,
        ROW_NUMBER() OVER (PARTITION BY currency ORDER BY spending DESC, counterparty) AS place
      FROM (
        SELECT COALESCE(counterparty_name, counterparty_iban) AS counterparty, currency,
          SUM(-amount_micros) AS spending, COUNT(*) AS transactions
        FROM transactions WHERE ${where.join(' AND ')} AND COALESCE(counterparty_name, counterparty_iban) IS NOT NULL
        GROUP BY counterparty, currency
      )
    ) WHERE place <= ? ORDER BY currency, place`;
  return { sql, params: [...params, query.limit] };
}

/**
 * Where the money went: booked spending grouped by counterparty (its name, else its IBAN), the
 * `limit` largest per currency. Spending with neither name nor IBAN has no one to name and is
 * left out.
 */
export function counterpartySpending(db: Db, query: CounterpartyQuery): CounterpartySpending[] {
  const { sql, params } = counterpartySql(db, query);
  const rows = db.prepare(sql).safeIntegers(true).all(...params) as CounterpartyRow[];
  return rows.map((r) => ({ counterparty: r.counterparty, currency: r.currency, spending: fromMicros(r.spending), transactions: Number(r.transactions) }));
}
