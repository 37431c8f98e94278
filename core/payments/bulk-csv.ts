/**
 * A bulk payment from a CSV file (issue 11 §3.5): read with papaparse, every row checked as the
 * bank would check it, before anything is sent. The columns are described in the README
 * ("Bulk payments from a CSV file") and in docs/bulk-payments-template.csv.
 */
import Papa from 'papaparse';
import { checkIban, describeIbanProblem } from '../../common/iban-check.js';
import { isPayableCurrency, PAYABLE_CURRENCIES } from '../../common/payable-currencies.js';
import type { Money } from '../../common/index.js';
import { describeAmountProblem, parseAmount } from '../../common/parse-amount.js';
import { addMoney } from '../money/money.js';
import { BULK_FIELDS, fieldOfHeader, REQUIRED_FIELDS, type BulkField } from './bulk-csv-columns.js';

export { BULK_FIELDS, type BulkField } from './bulk-csv-columns.js';

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

export interface BulkProblem {
  /** The row as a spreadsheet numbers it: the header is row 1, the first payment row 2. Null for the file as a whole. */
  row: number | null;
  /** The column at fault; null when the problem is not one column's. */
  field: BulkField | null;
  message: string;
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

const problem = (row: number | null, field: BulkField | null, message: string): BulkProblem => ({ row, field, message });

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
    .map((e) => problem(e.row === undefined ? null : e.row + 1, null, `a quoted cell is not closed: ${e.message}`));

  const columns = new Map<BulkField, number>();
  const ignoredColumns: string[] = [];
  header.forEach((name, index) => {
    const field = fieldOfHeader(name);
    if (field === undefined) {
      if (name.trim() !== '') ignoredColumns.push(name.trim());
      return;
    }
    if (columns.has(field)) fileProblems.push(problem(1, field, `two columns are ${field}: "${header[columns.get(field) as number]}" and "${name.trim()}"`));
    else columns.set(field, index);
  });
  for (const field of REQUIRED_FIELDS) {
    if (!columns.has(field)) fileProblems.push(problem(1, field, `the header has no ${field} column (see the README's bulk payment columns)`));
  }
  if (!columns.has('currency') && options.currency === undefined) {
    fileProblems.push(problem(1, 'currency', 'the header has no currency column, and no currency was chosen'));
  }
  if (records.length === 0) fileProblems.push(problem(null, null, 'the file has no payment rows under its header'));
  if (records.length > MAX_BULK_ROWS) fileProblems.push(problem(null, null, `the file has ${records.length} payment rows; a bulk holds at most ${MAX_BULK_ROWS}`));

  const canRead = REQUIRED_FIELDS.every((f) => columns.has(f));
  const rows = canRead ? records.map((cells, i) => readRow(i + 2, cells, columns, options)) : [];
  rows.forEach((r, i) => {
    const count = records[i]?.length ?? 0;
    if (count > header.length) {
      const hint = separator === ',' ? ': a comma inside an amount or the details must be in quotes, or the file separated by ;' : '';
      reject(r, problem(r.row, null, `the row has ${count} cells and the header ${header.length}${hint}`));
    }
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
  const fail = (field: BulkField, message: string) => problems.push(problem(row, field, message));

  const name = (raw.creditorName ?? '').trim();
  if (name === '') fail('creditorName', 'the beneficiary’s name is empty');
  else if (name.length > MAX_NAME) fail('creditorName', `the beneficiary’s name has ${name.length} characters; the bank takes at most ${MAX_NAME}`);

  const ibanText = raw.creditorIban ?? '';
  const checkedIban = checkIban(ibanText);
  const iban = checkedIban.ok ? checkedIban.iban : '';
  if (!checkedIban.ok) fail('creditorIban', describeIbanProblem(ibanText, checkedIban.problem));

  const currencyCell = (raw.currency ?? '').trim().toUpperCase();
  const currency = currencyCell === '' ? options.currency : currencyCell;
  if (currency === undefined) fail('currency', 'the currency is empty');
  else if (!isPayableCurrency(currency)) fail('currency', `${currency} cannot be paid from a CEC account: use ${PAYABLE_CURRENCIES.join(' or ')}`);

  const amountText = raw.amount ?? '';
  const amount = parseAmount(amountText, currency ?? 'RON');
  if (!amount.ok) fail('amount', describeAmountProblem(amountText, currency ?? 'RON', amount.problem));

  const details = (raw.details ?? '').trim();
  if (details.length > MAX_DETAILS) fail('details', `the details have ${details.length} characters; the bank takes at most ${MAX_DETAILS}`);

  const endToEndId = (raw.endToEndId ?? '').trim();
  if (endToEndId.length > MAX_END_TO_END) fail('endToEndId', `the reference has ${endToEndId.length} characters; the bank takes at most ${MAX_END_TO_END}`);
  else if (endToEndId !== '' && !SEPA_REFERENCE.test(endToEndId)) fail('endToEndId', 'the reference may hold only Latin letters, digits, spaces and / - ? : ( ) . , \' +');

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
    reject(r, problem(r.row, 'currency', `this bulk is in ${bulkCurrency} (row ${first.row}); a bulk is paid from one account, in one currency`));
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
    else reject(r, problem(r.row, 'endToEndId', `row ${earlier} has the same reference; each payment needs its own`));
  }
}

function reject(r: BulkPreviewRow, p: BulkProblem): void {
  r.problems.push(p);
  delete r.transfer;
}
