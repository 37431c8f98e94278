/**
 * A bulk payment from a CSV file (issue 11 §3.5): read with papaparse, every row checked as the
 * bank would check it, before anything is sent. The columns are described in the README
 * ("Bulk payments from a CSV file") and in docs/bulk-payments-template.csv.
 */
import Papa from 'papaparse';
import type { BulkProblem } from '../../common/bulk-problems.js';
import { checkIban } from '../../common/iban-check.js';
import { isPayableCurrency, PAYABLE_CURRENCIES } from '../../common/payable-currencies.js';
import type { Money } from '../../common/index.js';
import { parseAmount } from '../../common/parse-amount.js';
import { addMoney } from '../money/money.js';
import { BULK_FIELDS, fieldOfHeader, REQUIRED_FIELDS, type BulkField } from './bulk-csv-columns.js';

export { BULK_FIELDS, type BulkField } from './bulk-csv-columns.js';
export type { BulkProblem } from '../../common/bulk-problems.js';

/** The bank's limits: a bulk of at most 500 transfers (Berlin Group), name ≤ 70, details ≤ 140, endToEndId ≤ 35. */
export const MAX_BULK_ROWS = 500;
const MAX_NAME = 70;
const MAX_DETAILS = 140;
const MAX_END_TO_END = 35;
/** SEPA's Latin character set for references, which the endToEndId must keep to (EPC217-08). */
const SEPA_REFERENCE = /^[A-Za-z0-9/\-?:().,'+ ]+$/;

/** One transfer ready for `payments:create-bulk`: the IBAN in electronic form, the amount canonical ("1234.5"). */
export interface BulkTransfer {
  creditorName: string;
  creditorIban: string;
  amount: string;
  remittance: string;
  endToEndId?: string;
}

/** A row as the preview shows it: its cells as written, and what is wrong with it. */
export interface BulkPreviewRow {
  row: number;
  cells: Partial<Record<BulkField, string>>;
  /** The row's currency: its cell's, else the caller's; absent when neither names a payable one. */
  currency?: string;
  problems: BulkProblem[];
  /** Present when the row has no problem. */
  transfer?: BulkTransfer;
}

export interface BulkCsv {
  separator: ';' | ',' | '\t';
  rows: BulkPreviewRow[];
  /** Every problem, the file's first, then row by row. */
  problems: BulkProblem[];
  /** Headers the import does not read; their cells are left out of the payments. */
  ignoredColumns: string[];
  /** The bulk's one currency, once known. */
  currency?: string;
  /** The sum of the valid rows' amounts, in that currency. */
  total?: Money;
  /** The transfers to send; null while any problem remains, so an invalid file can never be sent. */
  transfers: BulkTransfer[] | null;
}

export interface BulkCsvOptions {
  /** The currency of rows whose file has no currency column or an empty cell (the form's choice). */
  currency?: string;
}

/** The separator is read off the header line, which holds no amounts: `;`, a tab, else `,`. */
function separatorOf(text: string): BulkCsv['separator'] {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => header.split(c).length - 1;
  if (count(';') > 0 && count(';') >= count(',')) return ';';
  if (count('\t') > 0 && count('\t') >= count(',')) return '\t';
  return ',';
}

/**
 * Reads a bulk payment CSV. A UTF-8 byte order mark is dropped, `;`, `,` and tab separators are
 * accepted, empty lines skipped. Each row gets its problems (field and row named), a valid one its
 * transfer; the file's problems (a missing column, no rows, too many, two currencies) come first.
 * `transfers` is set only when there is no problem at all.
 */
export function parseBulkCsv(text: string, options: BulkCsvOptions = {}): BulkCsv {
  const source = text.replace(/^\uFEFF/, '');
  const separator = separatorOf(source);
  const parsed = Papa.parse<string[]>(source, { delimiter: separator, skipEmptyLines: 'greedy' });
  const [header = [], ...records] = parsed.data;
  const fileProblems: BulkProblem[] = parsed.errors
    .filter((e) => e.type === 'Quotes')
    .map((e) => ({ row: e.row === undefined ? null : e.row + 1, column: null, code: 'unclosed-quote' }));

  const columns = new Map<BulkField, number>();
  const ignoredColumns: string[] = [];
  header.forEach((name, index) => {
    const field = fieldOfHeader(name);
    if (field === undefined) {
      if (name.trim() !== '') ignoredColumns.push(name.trim());
      return;
    }
    const first = columns.get(field);
    if (first !== undefined) fileProblems.push({ row: 1, column: field, code: 'duplicate-column', headers: [(header[first] ?? '').trim(), name.trim()] });
    else columns.set(field, index);
  });
  for (const field of REQUIRED_FIELDS) {
    if (!columns.has(field)) fileProblems.push({ row: 1, column: field, code: 'missing-column' });
  }
  if (!columns.has('currency') && options.currency === undefined) fileProblems.push({ row: 1, column: 'currency', code: 'no-currency-column' });
  if (records.length === 0) fileProblems.push({ row: null, column: null, code: 'no-rows' });
  if (records.length > MAX_BULK_ROWS) fileProblems.push({ row: null, column: null, code: 'too-many-rows', count: records.length, max: MAX_BULK_ROWS });

  const canRead = REQUIRED_FIELDS.every((f) => columns.has(f));
  const rows = canRead ? records.map((cells, i) => readRow(i + 2, cells, columns, options)) : [];
  rows.forEach((r, i) => {
    const count = records[i]?.length ?? 0;
    if (count > header.length) reject(r, { row: r.row, column: null, code: 'too-many-cells', cells: count, headers: header.length, separator });
  });
  checkOneCurrency(rows);
  checkUniqueEndToEnd(rows);

  const problems = [...fileProblems, ...rows.flatMap((r) => r.problems)];
  const valid = rows.filter((r) => r.transfer !== undefined);
  const currency = valid[0]?.currency;
  const total = currency === undefined || valid.length === 0
    ? undefined
    : valid.reduce<Money>((sum, r) => addMoney(sum, { amount: (r.transfer as BulkTransfer).amount, currency }), { amount: '0', currency });
  return {
    separator,
    rows,
    problems,
    ignoredColumns,
    ...(currency === undefined ? {} : { currency }),
    ...(total === undefined ? {} : { total }),
    transfers: problems.length === 0 && rows.length > 0 ? rows.map((r) => r.transfer as BulkTransfer) : null,
  };
}

function readRow(row: number, cells: string[], columns: ReadonlyMap<BulkField, number>, options: BulkCsvOptions): BulkPreviewRow {
  const raw: Partial<Record<BulkField, string>> = {};
  for (const field of BULK_FIELDS) {
    const index = columns.get(field);
    if (index !== undefined) raw[field] = cells[index] ?? '';
  }
  const problems: BulkProblem[] = [];

  const name = (raw.creditorName ?? '').trim();
  if (name === '') problems.push({ row, column: 'creditorName', code: 'name-empty' });
  else if (name.length > MAX_NAME) problems.push({ row, column: 'creditorName', code: 'name-too-long', length: name.length, max: MAX_NAME });

  const ibanText = (raw.creditorIban ?? '').trim();
  const checkedIban = checkIban(ibanText);
  const iban = checkedIban.ok ? checkedIban.iban : '';
  if (!checkedIban.ok) problems.push({ row, column: 'creditorIban', code: 'iban-invalid', problem: checkedIban.problem, iban: ibanText });

  const currencyCell = (raw.currency ?? '').trim().toUpperCase();
  const currency = currencyCell === '' ? options.currency : currencyCell;
  if (currency === undefined) problems.push({ row, column: 'currency', code: 'currency-empty' });
  else if (!isPayableCurrency(currency)) problems.push({ row, column: 'currency', code: 'currency-not-payable', currency, payable: PAYABLE_CURRENCIES });

  const amountText = (raw.amount ?? '').trim();
  const amountCurrency = currency ?? 'RON';
  const amount = parseAmount(amountText, amountCurrency);
  if (!amount.ok) problems.push({ row, column: 'amount', code: 'amount-invalid', problem: amount.problem, text: amountText, currency: amountCurrency });

  const details = (raw.details ?? '').trim();
  if (details.length > MAX_DETAILS) problems.push({ row, column: 'details', code: 'details-too-long', length: details.length, max: MAX_DETAILS });

  const endToEndId = (raw.endToEndId ?? '').trim();
  if (endToEndId.length > MAX_END_TO_END) problems.push({ row, column: 'endToEndId', code: 'reference-too-long', length: endToEndId.length, max: MAX_END_TO_END });
  else if (endToEndId !== '' && !SEPA_REFERENCE.test(endToEndId)) problems.push({ row, column: 'endToEndId', code: 'reference-characters' });

  const transfer: BulkTransfer | undefined = problems.length === 0 && amount.ok
    ? { creditorName: name, creditorIban: iban, amount: amount.amount, remittance: details, ...(endToEndId === '' ? {} : { endToEndId }) }
    : undefined;
  const payable = currency !== undefined && isPayableCurrency(currency) ? { currency } : {};
  return { row, cells: raw, ...payable, problems, ...(transfer === undefined ? {} : { transfer }) };
}

/** A bulk is paid from one account, in one currency: rows in another than the first row's are refused. */
function checkOneCurrency(rows: BulkPreviewRow[]): void {
  const first = rows.find((r) => r.currency !== undefined);
  const bulkCurrency = first?.currency;
  if (first === undefined || bulkCurrency === undefined) return;
  for (const r of rows) {
    if (r.currency === undefined || r.currency === bulkCurrency) continue;
    reject(r, { row: r.row, column: 'currency', code: 'currency-not-the-bulks', currency: r.currency, bulkCurrency, firstRow: first.row });
  }
}

/** Two rows under one reference could not be told apart at reconciliation: the later ones are refused. */
function checkUniqueEndToEnd(rows: BulkPreviewRow[]): void {
  const seen = new Map<string, number>();
  for (const r of rows) {
    const id = (r.cells.endToEndId ?? '').trim();
    if (id === '') continue;
    const earlier = seen.get(id);
    if (earlier === undefined) seen.set(id, r.row);
    else reject(r, { row: r.row, column: 'endToEndId', code: 'reference-repeated', earlierRow: earlier });
  }
}

function reject(r: BulkPreviewRow, p: BulkProblem): void {
  r.problems.push(p);
  delete r.transfer;
}
