/**
 * The Insights screen's choice, kept in the address (`#/insights?from=…&to=…&account=…`) so back,
 * forward and reload keep it, and the links from a bar to the matching transactions.
 */

export interface InsightsPeriod {
  /** ISO days, inclusive. */
  from: string;
  to: string;
  /** One account's id; absent: every account. */
  account?: string;
  /** The currency the charts show; absent: the one with the most money moved. */
  currency?: string;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** The last day of a `YYYY-MM` month. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return isoDay(new Date(Date.UTC(y, m, 0)));
}

/** The twelve calendar months ending with today's: a year of history, the current month included. */
export function defaultPeriod(today: Date): { from: string; to: string } {
  const from = new Date(Date.UTC(today.getFullYear(), today.getMonth() - 11, 1));
  return { from: isoDay(from), to: isoDay(new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()))) };
}

/** The period the address holds; a missing or malformed day reads as the default, and a reversed range is put in order. */
export function readPeriod(params: URLSearchParams, today: Date): InsightsPeriod {
  const fallback = defaultPeriod(today);
  const day = (key: string, otherwise: string) => {
    const value = params.get(key);
    return value !== null && ISO_DAY.test(value) && !Number.isNaN(Date.parse(value)) ? value : otherwise;
  };
  let from = day('from', fallback.from);
  let to = day('to', fallback.to);
  if (from > to) [from, to] = [to, from];
  const account = params.get('account') ?? '';
  const currency = params.get('currency') ?? '';
  return { from, to, ...(account === '' ? {} : { account }), ...(/^[A-Z]{3}$/.test(currency) ? { currency } : {}) };
}

export function writePeriod(period: InsightsPeriod): URLSearchParams {
  const params = new URLSearchParams({ from: period.from, to: period.to });
  if (period.account !== undefined) params.set('account', period.account);
  if (period.currency !== undefined) params.set('currency', period.currency);
  return params;
}

/** Presets: this month, the last three and the last twelve (with this one), this calendar year. */
export type PresetName = 'month' | 'quarter' | 'year' | 'calendarYear';

export function presetPeriod(name: PresetName, today: Date): { from: string; to: string } {
  const to = isoDay(new Date(Date.UTC(today.getFullYear(), today.getMonth(), today.getDate())));
  const monthsBack = { month: 0, quarter: 2, year: 11, calendarYear: today.getMonth() }[name];
  return { from: isoDay(new Date(Date.UTC(today.getFullYear(), today.getMonth() - monthsBack, 1))), to };
}

/** What a bar stands for, as the transactions screen filters it. */
export interface TransactionsLink {
  dateFrom: string;
  dateTo: string;
  direction?: 'in' | 'out';
  account?: string;
  categoryId?: string;
  text?: string;
}

/**
 * The Transactions screen's filter parameters, as its filter-params.ts names them (`q`, `from`,
 * `to`, `dir`, `account`, `status`); `category` is the one this screen adds for a category's bar.
 */
const TRANSACTION_PARAMS = { text: 'q', dateFrom: 'from', dateTo: 'to', direction: 'dir', account: 'account', status: 'status', category: 'category' } as const;

/** The transactions screen's address for a bar. Insights count booked money only, so the list is of booked transactions too. */
export function transactionsHref(link: TransactionsLink): string {
  const p = TRANSACTION_PARAMS;
  const params = new URLSearchParams({ [p.dateFrom]: link.dateFrom, [p.dateTo]: link.dateTo, [p.status]: 'booked' });
  if (link.direction !== undefined) params.set(p.direction, link.direction);
  if (link.account !== undefined) params.set(p.account, link.account);
  if (link.categoryId !== undefined) params.set(p.category, link.categoryId);
  if (link.text !== undefined) params.set(p.text, link.text);
  return `/transactions?${params.toString()}`;
}
