import { z } from 'zod';
import { returns } from './contract-schemas.js';
import type { BulkColumn, BulkProblem } from './bulk-problems.js';
import type { Money } from './money.js';

export type { BulkColumn, BulkProblem } from './bulk-problems.js';

/** A bulk CSV as core read it, for the preview: each row with its problems, the transfers only when none remains. */
export interface BulkPreview {
  rows: {
    row: number;
    cells: Partial<Record<BulkColumn, string>>;
    problems: BulkProblem[];
    transfer?: { creditorName: string; creditorIban: string; amount: string; remittance: string; endToEndId?: string };
  }[];
  /** Every problem, the file's first, then row by row: codes, worded by each front end. */
  problems: BulkProblem[];
  ignoredColumns: string[];
  currency?: string;
  total?: Money;
  transfers: { creditorName: string; creditorIban: string; amount: string; remittance: string; endToEndId?: string }[] | null;
}

/** The bulk import's preview (issue 11 §3.5). */
export const bulkPreviewMethods = {
  /**
   * Reads a bulk payment CSV's text with core's parser (papaparse lives on the privileged side),
   * so the renderer shows exactly the checks `payments:create-bulk` will be given; sends nothing.
   */
  'payments:preview-bulk': {
    input: z.object({ csv: z.string().max(2_000_000), currency: z.string().regex(/^[A-Z]{3}$/).optional() }).strict(),
    output: returns<BulkPreview>(),
  },
} as const;
