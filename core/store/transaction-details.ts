import type { BankField, TransactionDetailsView } from '../../common/index.js';
import { ValidationError } from '../errors.js';
import { JsonNumber, parseJsonLossless } from '../http/json-number.js';
import type { Db } from './database.js';
import { COLUMNS, toStoredTransaction, type StoredRow } from './transaction-queries.js';
import { hiddenAccountIds } from './visible-accounts.js';

/**
 * One stored transaction with every field of the bank's item (kept beside it in
 * transaction_bank_items, read here only). A row of an account no live connection grants is not
 * there, as in every read. Rows stored before the items were kept answer without bank fields.
 */
export function transactionDetails(db: Db, rowId: number): TransactionDetailsView {
  const row = db.prepare(
    `SELECT ${COLUMNS}, (SELECT item FROM transaction_bank_items WHERE transaction_id = transactions.id) AS bank_item FROM transactions WHERE id = ?`,
  ).safeIntegers(true).get(rowId) as
    | (StoredRow & { bank_item: string | null })
    | undefined;
  if (row === undefined || hiddenAccountIds(db).includes(row.account_id)) throw new ValidationError(`there is no transaction ${rowId}`, 'rowId');
  const transaction = toStoredTransaction(row);
  return row.bank_item === null ? { transaction } : { transaction, bankFields: bankItemFields(row.bank_item) };
}

/**
 * The bank's item as flat fields, in the item's order: nested members by dotted paths
 * (`creditorAccount.iban`), array items by index (`remittanceInformationUnstructuredArray[0]`),
 * each value as its exact text. `null` is absent, and an empty object or array gives nothing:
 * neither says anything. An empty string stays: it is what the bank wrote.
 */
export function bankItemFields(text: string): BankField[] {
  const fields: BankField[] = [];
  const walk = (value: unknown, path: string): void => {
    if (value === null || value === undefined) return;
    if (typeof value === 'string') fields.push({ path, value });
    else if (value instanceof JsonNumber) fields.push({ path, value: value.text });
    else if (typeof value === 'boolean') fields.push({ path, value: String(value) });
    else if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}[${i}]`));
    else if (typeof value === 'object') for (const [key, member] of Object.entries(value)) walk(member, path === '' ? key : `${path}.${key}`);
  };
  walk(parseJsonLossless(text), '');
  return fields;
}
