import { z } from 'zod';
import { returns } from './contract-schemas.js';
import type { StoredTransaction } from './queries.js';

/**
 * One field of the bank's item: its path in the item (`transactionAmount.amount`,
 * `creditorAccount.iban`, `remittanceInformationUnstructuredArray[1]`) and its value as the bank
 * wrote it (a number's digits as sent: "-54.50", "2.64E1"; true/false as "true"/"false").
 */
export interface BankField {
  path: string;
  value: string;
}

/** A stored transaction opened in the details drawer. */
export interface TransactionDetailsView {
  /** The fields the store keeps, as a list row has them. */
  transaction: StoredTransaction;
  /**
   * Every field of the bank's item for it, in the order the item has them; a `null` is left out
   * (absent). Absent when the row was stored before the app kept the bank's items.
   */
  bankFields?: BankField[];
}

/** The details drawer's method: what a list row does not carry. */
export const transactionDetailsMethods = {
  /**
   * One stored transaction by its row id (`StoredTransaction.rowId`: a bank id may repeat across
   * accounts), with every field the bank gave for it, read when the drawer opens: a list page
   * never carries the bank's items, so its pages stay as small as they are.
   */
  'transactions:details': { input: z.object({ rowId: z.number().int().min(1) }).strict(), output: returns<TransactionDetailsView>() },
} as const;
