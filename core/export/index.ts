import { exportCsv, type CsvOptions } from './csv-export.js';
import type { ExportRow, ExportSink, ExportSummary } from './export-row.js';
import { exportJson } from './json-export.js';
import { exportOfx, type OfxOptions } from './ofx-export.js';

export type { ExportAccount, ExportRecord, ExportRow, ExportSink, ExportSummary } from './export-row.js';
export { CSV_COLUMNS, type CsvOptions } from './csv-export.js';
export type { OfxOptions } from './ofx-export.js';

/** The formats of `export --format` and of the Transactions screen. */
export type ExportFormat = 'json' | 'csv' | 'ofx';

export type ExportOptions = { format: 'json' } | ({ format: 'csv' } & CsvOptions) | ({ format: 'ofx' } & OfxOptions);

/**
 * Writes `rows` to `sink` in the chosen format, in chunks, and says how many it wrote. The one
 * entry point for the CLI and the app; docs/export.md describes each format. For OFX the rows
 * must come grouped by account, plain accounts before cards (see exportOfx).
 */
export function exportTransactions(rows: Iterable<ExportRow>, sink: ExportSink, options: ExportOptions): ExportSummary {
  switch (options.format) {
    case 'json':
      return exportJson(rows, sink);
    case 'csv':
      return exportCsv(rows, sink, options);
    case 'ofx':
      return exportOfx(rows, sink, options);
  }
}

/** The file name extension and media type of each format, for the CLI's --out and the renderer's Blob. */
export const EXPORT_MEDIA: Readonly<Record<ExportFormat, { extension: string; mediaType: string }>> = {
  json: { extension: 'json', mediaType: 'application/json' },
  csv: { extension: 'csv', mediaType: 'text/csv;charset=utf-8' },
  ofx: { extension: 'ofx', mediaType: 'application/x-ofx' },
};
