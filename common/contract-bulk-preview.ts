import { z } from 'zod';
import { returns } from './contract-schemas.js';
import type { Money } from './money.js';


/** The columns of a bulk CSV (core/payments/bulk-csv-columns.ts). */
export type BulkPreviewField = 'creditorName' | 'creditorIban' | 'amount' | 'currency' | 'details' | 'endToEndId';

/** A bulk CSV as core read it, for the preview: each row with its problems, the transfers only when none remains. */
export interface BulkPreview {
  rows: {
    row: number;
    cells: Partial<Record<BulkPreviewField, string>>;
    problems: { row: number | null; field: BulkPreviewField | null; message: string }[];
    transfer?: { creditorName: string; creditorIban: string; amount: string; remittance: string; endToEndId?: string };
  }[];
  problems: { row: number | null; field: BulkPreviewField | null; message: string }[];
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
