import type { Handlers } from '../common/index.js';
import { parseBulkCsv } from './payments/bulk-csv.js';

/** `payments:preview-bulk`: the CSV read and checked by the one bulk parser, nothing written or sent. */
export function bulkPreviewHandlers(): Pick<Handlers, 'payments:preview-bulk'> {
  return {
    'payments:preview-bulk': async ({ csv, currency }) => {
      const parsed = parseBulkCsv(csv, currency === undefined ? {} : { currency });
      return {
        rows: parsed.rows,
        problems: parsed.problems,
        ignoredColumns: parsed.ignoredColumns,
        ...(parsed.currency === undefined ? {} : { currency: parsed.currency }),
        ...(parsed.total === undefined ? {} : { total: parsed.total }),
        transfers: parsed.transfers,
      };
    },
  };
}
