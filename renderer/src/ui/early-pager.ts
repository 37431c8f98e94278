import type { TransactionFilter } from '../../../common/queries.js';
import type { LedgerSlice } from '../store/ledger-slice.js';
import { TransactionPager } from './transaction-pager.js';

type Read = LedgerSlice['ledgerRead'];

/** What makes a new list: the filter's content, not its identity. */
export const listKey = (filter: TransactionFilter): string => JSON.stringify(filter);

interface List {
  read: Read;
  key: string;
  version: number;
  pager: TransactionPager;
}

const sameList = (list: List | undefined, read: Read, key: string, version: number): boolean =>
  list !== undefined && list.read === read && list.key === key && list.version === version && !list.pager.disposed;

/**
 * A list started from the event that changed its filter, before the change has gone through
 * the address and a render: its first requests leave with the keystroke, and the host answers
 * while the screen renders. The list that then shows this filter takes the pager
 * (`earlyPager`, then `claim` once it is committed) instead of starting one of its own. One at
 * a time: the next keystroke's list replaces an unclaimed one, and the screen drops the last one
 * when it goes.
 */
let early: List | undefined;
/** The list on screen, which an early start is about to replace. */
let shown: List | undefined;

export function startEarly(read: Read, version: number, filter: TransactionFilter): void {
  const key = listKey(filter);
  // The same list again (a space typed after a word): nothing changes.
  if (sameList(early, read, key, version) || sameList(shown, read, key, version)) return;
  dropEarly();
  // The list on screen gives way in a moment: its read-ahead must not queue before this list's first page.
  shown?.pager.holdReadAhead();
  const pager = new TransactionPager(read, filter);
  pager.begin();
  early = { read, key, version, pager };
}

/**
 * The started pager for this list, if the event that made it started one. Only looked at while
 * rendering (a render may be thrown away and done again): the list claims it once committed.
 */
export function earlyPager(read: Read, key: string, version: number): TransactionPager | undefined {
  return early !== undefined && sameList(early, read, key, version) ? early.pager : undefined;
}

/** The list shows this now, and disposes its pager itself when it moves on (then `release`). */
export function claim(list: List): void {
  if (early?.pager === list.pager) early = undefined;
  shown = list;
}

export function release(pager: TransactionPager): void {
  if (shown?.pager === pager) shown = undefined;
}

/** Ends an unclaimed early list: its filter was never shown. */
export function dropEarly(): void {
  early?.pager.dispose();
  early = undefined;
}
