import { z } from 'zod';
import { returns, transactionFilter } from './contract-schemas.js';
import type { TransactionCounts } from './contract-transactions.js';
import type { StoredTransaction } from './queries.js';

/** One section's first page: its rows, and the cursor of the next page when more match. */
export interface SectionPage {
  transactions: StoredTransaction[];
  cursor?: string;
}

/** A filtered list's opening: its counts and the first page of each section, read together. */
export interface TransactionListStart {
  counts: TransactionCounts;
  /** Empty when the filter asks for booked items only, or none is pending. */
  pending: SectionPage;
  /** Empty when the filter asks for pending items only, or none is booked. */
  booked: SectionPage;
  /** The oldest last sync of the accounts listed; absent while one of them has never synced. */
  syncedAt?: string;
}

/** The list's own opening read (renderer/src/ui/transaction-pager.ts), beside `transactions:query`'s next pages. */
export const transactionListMethods = {
  /**
   * What a list shows first for a new filter, in one call instead of a count and a page per
   * section: every keystroke in the search box opens a list, and each call is a round trip
   * through the bridge. Read at one moment, so the counts and the pages agree; a section the
   * count finds empty is not read. Newest first, as the lists show them; next pages come from
   * `transactions:query` (its default order) with the cursor, the same filter and the section's status.
   */
  'transactions:first-pages': {
    input: z.object({ ...transactionFilter, limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: returns<TransactionListStart>(),
  },
} as const;
