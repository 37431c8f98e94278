import Papa from 'papaparse';
import { chunkWriter } from './chunk-writer.js';
import { toExportRecord, type ExportRecord, type ExportRow, type ExportSink, type ExportSummary } from './export-row.js';

/** The CSV columns, in order: the JSON export's fields plus the account's own. */
export const CSV_COLUMNS = [
  'accountId', 'accountKind', 'accountIban', 'maskedPan', 'accountName', 'accountProduct', 'currency',
  'bankTransactionId', 'status', 'bookingDate', 'valueDate', 'amount',
  'counterpartyName', 'counterpartyIban', 'remittance', 'category',
] as const;

type CsvRecord = Record<(typeof CSV_COLUMNS)[number], string>;

export interface CsvOptions {
  /**
   * Start the file with a UTF-8 byte order mark. Default true: Excel on Windows reads a CSV
   * without one in the legacy code page and shows "È™" for "ș"; LibreOffice, Numbers, Google
   * Sheets and Papa.parse all skip it. Pass false for a pipe into tools that do not.
   */
  bom?: boolean;
}

/** Rows handed to Papa.unparse at once: one call per batch, not per row. */
const BATCH = 250;
/** RFC 4180 line break. */
const CRLF = '\r\n';

/**
 * A cell a spreadsheet would run as a formula (it starts with = + - @, a tab or a CR) gets a
 * leading apostrophe, which spreadsheets show as text (OWASP "CSV injection"). Only for text
 * from the bank: the amount column is never touched, so "-12.50" stays a number.
 */
export function protectFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const cell = (value: string | null): string => protectFormula(value ?? '');

function toCsvRecord(row: ExportRow): CsvRecord {
  const r: ExportRecord = toExportRecord(row);
  return {
    accountId: cell(r.accountId),
    accountKind: row.account.kind,
    accountIban: cell(r.accountIban),
    maskedPan: cell(r.maskedPan),
    accountName: cell(row.account.name ?? null),
    accountProduct: cell(row.account.product ?? null),
    currency: cell(r.currency),
    bankTransactionId: cell(r.bankTransactionId),
    status: r.status,
    bookingDate: cell(r.bookingDate),
    valueDate: cell(r.valueDate),
    amount: r.amount,
    counterpartyName: cell(r.counterpartyName),
    counterpartyIban: cell(r.counterpartyIban),
    remittance: cell(r.remittance),
    category: cell(r.category),
  };
}

const unparse = (records: CsvRecord[]): string =>
  Papa.unparse({ fields: [...CSV_COLUMNS], data: records }, { header: false, newline: CRLF, escapeFormulae: false });

/**
 * Writes the rows as CSV (RFC 4180: comma, double quotes, CRLF), UTF-8, with a header row of
 * CSV_COLUMNS. Amounts are exact with '.' as the decimal mark. Streamed in batches.
 */
export function exportCsv(rows: Iterable<ExportRow>, sink: ExportSink, options: CsvOptions = {}): ExportSummary {
  const out = chunkWriter(sink);
  if (options.bom ?? true) out.write(Papa.BYTE_ORDER_MARK);
  out.write(CSV_COLUMNS.join(',') + CRLF);
  let written = 0;
  let batch: CsvRecord[] = [];
  const flushBatch = (): void => {
    if (batch.length === 0) return;
    out.write(unparse(batch) + CRLF);
    batch = [];
  };
  for (const row of rows) {
    batch.push(toCsvRecord(row));
    written += 1;
    if (batch.length === BATCH) flushBatch();
  }
  flushBatch();
  out.flush();
  return { written, leftOut: 0 };
}
