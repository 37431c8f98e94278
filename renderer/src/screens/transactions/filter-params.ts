import type { TransactionFilter } from '../../../../common/queries.js';

/**
 * The Transactions screen's filter as it lives in the address (`#/transactions?q=…&from=…`), so
 * back, forward, reload and a bookmark keep it. Each filter field has one short parameter; a
 * value the store would refuse (a hand-edited address) is left out rather than failing the list.
 */
export const FILTER_PARAMS = {
  text: 'q',
  dateFrom: 'from',
  dateTo: 'to',
  amountMin: 'min',
  amountMax: 'max',
  direction: 'dir',
  account: 'account',
  status: 'status',
  category: 'cat',
} as const;

export type FilterField = keyof typeof FILTER_PARAMS;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DECIMAL = /^-?\d{1,13}(\.\d{1,6})?$/;

/**
 * An amount as a person types it, as the store's decimal text: "12,50" and "12.50" are both
 * 12.50, "-150" is spending of 150; a space or a dot between thousands ("1.234,56") is read
 * as such when a comma ends the number. Undefined when it is not an amount.
 */
export function parseAmount(typed: string): string | undefined {
  let text = typed.trim().replace(/\s/g, '').replace(/^−/, '-');
  if (text.includes(',')) text = text.replace(/\./g, '').replace(',', '.');
  return DECIMAL.test(text) ? text.replace(/^(-?)0+(?=\d)/, '$1') : undefined;
}

/** The filter the address holds. */
export function filterFromParams(params: URLSearchParams): TransactionFilter {
  const get = (field: FilterField) => {
    const value = params.get(FILTER_PARAMS[field])?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const filter: TransactionFilter = {};
  const text = get('text');
  if (text !== undefined) filter.text = text.slice(0, 200);
  const from = get('dateFrom');
  if (from !== undefined && ISO_DATE.test(from)) filter.dateFrom = from;
  const to = get('dateTo');
  if (to !== undefined && ISO_DATE.test(to)) filter.dateTo = to;
  const min = get('amountMin');
  if (min !== undefined && DECIMAL.test(min)) filter.amountMin = min;
  const max = get('amountMax');
  if (max !== undefined && DECIMAL.test(max)) filter.amountMax = max;
  const direction = get('direction');
  if (direction === 'in' || direction === 'out') filter.direction = direction;
  const status = get('status');
  if (status === 'booked' || status === 'pending') filter.status = status;
  const category = get('category');
  if (category !== undefined && /^[a-z0-9-]{1,40}$/.test(category)) filter.categoryIds = [category];
  const account = get('account');
  if (account !== undefined && account.length <= 200) filter.accountIds = [account];
  return filter;
}

/** The address's parameters with `changes` applied: an empty or undefined value removes its parameter. */
export function withFilter(params: URLSearchParams, changes: Partial<Record<FilterField, string | undefined>>): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [field, value] of Object.entries(changes) as [FilterField, string | undefined][]) {
    if (value === undefined || value === '') next.delete(FILTER_PARAMS[field]);
    else next.set(FILTER_PARAMS[field], value);
  }
  return next;
}

/** Whether the address narrows the list at all (the empty state then says to clear the filters). */
export const hasFilter = (params: URLSearchParams): boolean => Object.values(FILTER_PARAMS).some((p) => (params.get(p) ?? '') !== '');

/** The address with no filter. */
export const withoutFilters = (params: URLSearchParams): URLSearchParams => {
  const next = new URLSearchParams(params);
  for (const p of Object.values(FILTER_PARAMS)) next.delete(p);
  return next;
};
