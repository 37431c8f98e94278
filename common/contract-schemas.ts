import { z } from 'zod';

/**
 * The schemas and helpers that `contract.ts` and the area contracts it spreads in
 * (`contract-<area>.ts`) share. Apart from contract.ts so an area's file can import them without
 * an import cycle: contract.ts imports every area's methods.
 */

/** Carries an output type without a runtime schema: outputs come from our own side. */
export const returns = <T>() => undefined as unknown as T;

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const accountId = z.string().min(1).max(200);
export const accountIds = z.array(accountId).max(200);
/** A built-in category's key (`eating-out`) or a custom category's id (`custom-3`). */
export const categoryId = z.string().regex(/^[a-z0-9-]{1,40}$/);
/** A signed decimal the store compares exactly (millionths; see core's amount-micros). */
export const decimal = z.string().regex(/^-?\d{1,13}(\.\d{1,6})?$/);

/**
 * The filters of a transaction list, shared by every method that takes one (`transactions:query`,
 * `transactions:count`, `transactions:export`), so a list, its count and its export mean the same
 * rows; see TransactionFilter for each.
 */
export const transactionFilter = {
  accountIds: accountIds.optional(),
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
  amountMin: decimal.optional(),
  amountMax: decimal.optional(),
  direction: z.enum(['in', 'out']).optional(),
  status: z.enum(['booked', 'pending']).optional(),
  text: z.string().max(200).optional(),
  categoryIds: z.array(categoryId).max(100).optional(),
};
