import { z } from 'zod';
import { returns, transactionFilter } from './contract-schemas.js';

/** How many stored transactions a filter matches, booked and pending apart. */
export interface TransactionCounts {
  booked: number;
  pending: number;
}

/** The formats the Transactions screen exports; docs/export.md describes each. */
export type ExportFileFormat = 'csv' | 'ofx' | 'json';

/** One export as a file the renderer saves: its whole text, with the name and media type to save it under. */
export interface ExportFile {
  fileName: string;
  mediaType: string;
  content: string;
  /** Transactions written. */
  written: number;
  /** Transactions the format cannot hold (OFX: pending ones), left out. */
  leftOut: number;
}

/** The Transactions and Account screens' methods beside `transactions:query`. */
export const transactionsMethods = {
  /**
   * The rows a filter matches, booked and pending apart: a virtualised list is as tall as its
   * rows from the start (an honest scrollbar), and shows pending items in their own section.
   * A count, not a page, so it is asked once per filter, not once per page.
   */
  'transactions:count': { input: z.object(transactionFilter).strict(), output: returns<TransactionCounts>() },
  /**
   * Every transaction the filter matches as one file (CSV, OFX 2.2 or JSON), oldest first,
   * grouped by account as OFX needs. OFX's period is the filter's dates, else the first matching
   * day to today. The file comes back as text: the renderer saves it through a download.
   */
  'transactions:export': {
    input: z.object({ ...transactionFilter, format: z.enum(['csv', 'ofx', 'json']) }).strict(),
    output: returns<ExportFile>(),
  },
} as const;
