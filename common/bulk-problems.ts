import type { IbanProblem } from './iban-check.js';
import type { AmountProblem } from './parse-amount.js';

/** The columns of a bulk CSV (core/payments/bulk-csv-columns.ts). */
export type BulkColumn = 'creditorName' | 'creditorIban' | 'amount' | 'currency' | 'details' | 'endToEndId';

/**
 * What is wrong with a bulk CSV or one of its rows (issue 11 §3.5): one code per check the reader
 * makes, with the values its words need, never a sentence. Each front end says it in its own
 * language (the app in the person's, the CLI in English). `row` numbers rows as a spreadsheet does
 * (the header is 1) and is null for the file as a whole; `column` is null when no one column is at fault.
 */
export type BulkProblem =
  /** A cell opened with a double quote that never closes; the row where the reader noticed, if it could tell. */
  | { row: number | null; column: null; code: 'unclosed-quote' }
  /** A required column has no header. */
  | { row: 1; column: BulkColumn; code: 'missing-column' }
  /** Two headers name one column, e.g. "creditorName" and "nume". */
  | { row: 1; column: BulkColumn; code: 'duplicate-column'; headers: [first: string, second: string] }
  /** No currency column, and the caller chose none. */
  | { row: 1; column: 'currency'; code: 'no-currency-column' }
  | { row: null; column: null; code: 'no-rows' }
  | { row: null; column: null; code: 'too-many-rows'; count: number; max: number }
  /** More cells than headers; with `,` as the separator the likely cause is an unquoted comma. */
  | { row: number; column: null; code: 'too-many-cells'; cells: number; headers: number; separator: ';' | ',' | '\t' }
  | { row: number; column: 'creditorName'; code: 'name-empty' }
  | { row: number; column: 'creditorName'; code: 'name-too-long'; length: number; max: number }
  /** `iban` is the cell as written, trimmed. */
  | { row: number; column: 'creditorIban'; code: 'iban-invalid'; problem: IbanProblem; iban: string }
  /** No currency in the cell and none chosen by the caller. */
  | { row: number; column: 'currency'; code: 'currency-empty' }
  | { row: number; column: 'currency'; code: 'currency-not-payable'; currency: string; payable: readonly string[] }
  /** Another currency than the bulk's, which the first row with one set (`firstRow`). */
  | { row: number; column: 'currency'; code: 'currency-not-the-bulks'; currency: string; bulkCurrency: string; firstRow: number }
  /** `text` is the cell as written; `currency` the one its decimals were checked against. */
  | { row: number; column: 'amount'; code: 'amount-invalid'; problem: AmountProblem; text: string; currency: string }
  | { row: number; column: 'details'; code: 'details-too-long'; length: number; max: number }
  | { row: number; column: 'endToEndId'; code: 'reference-too-long'; length: number; max: number }
  /** Outside SEPA's Latin set (EPC217-08). */
  | { row: number; column: 'endToEndId'; code: 'reference-characters' }
  /** The same reference as an earlier row's. */
  | { row: number; column: 'endToEndId'; code: 'reference-repeated'; earlierRow: number };

export type BulkProblemCode = BulkProblem['code'];
