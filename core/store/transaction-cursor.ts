import { createHash } from 'node:crypto';
import type { SortOrder, TransactionFilter, TransactionSortKey } from '../../common/index.js';
import { ValidationError } from '../errors.js';
import { toMicros } from './amount-micros.js';

/** Where a page ended: the last row's sort key (a day, or millionths as decimal text) and its id. */
export interface CursorPosition {
  key: string;
  id: number;
}

interface CursorScope {
  filter: TransactionFilter;
  sort: TransactionSortKey;
  order: SortOrder;
}

const VERSION = 1;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const MICROS = /^-?\d{1,19}$/;
const I64_MAX = 2n ** 63n - 1n;

/**
 * An opaque keyset cursor: the last row's position, and the list it belongs to (sort, order and
 * a digest of the filter). A cursor handed back with another filter or order would start the
 * next page at a position of a different list, so it is refused instead.
 */
export function encodeCursor(scope: CursorScope, at: CursorPosition): string {
  return Buffer.from(JSON.stringify([VERSION, scope.sort, scope.order, listDigest(scope.filter), at.key, at.id])).toString('base64url');
}

/** The position a cursor holds, checked against the list it is used with. */
export function decodeCursor(scope: CursorScope, cursor: string): CursorPosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 6) throw invalid();
  const [version, sort, order, digest, key, id] = parsed as unknown[];
  if (version !== VERSION || typeof key !== 'string' || typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) throw invalid();
  if (sort !== scope.sort || order !== scope.order || digest !== listDigest(scope.filter)) {
    throw new ValidationError('that page belongs to another list (its filter or order changed): load the list again', 'cursor');
  }
  const keyFits = sort === 'date' ? ISO_DAY.test(key) : MICROS.test(key) && BigInt(key) <= I64_MAX && BigInt(key) >= -I64_MAX - 1n;
  if (!keyFits) throw invalid();
  return { key, id };
}

const invalid = () => new ValidationError('the page cursor is not one this app made: load the list again', 'cursor');

/** A short digest of the filter as the store applies it: absent and empty fields alike, account order ignored. */
function listDigest(filter: TransactionFilter): string {
  const canonical = [
    [...new Set(filter.accountIds ?? [])].sort(),
    filter.dateFrom ?? null, filter.dateTo ?? null, micros(filter.amountMin), micros(filter.amountMax),
    filter.direction ?? null, filter.status ?? null, filter.text?.trim() ?? '',
    ...(filter.categoryIds === undefined ? [] : [[...new Set(filter.categoryIds)].sort()]),
  ];
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url').slice(0, 12);
}

const micros = (amount: string | undefined): string | null => (amount === undefined ? null : (toMicros(amount)?.toString() ?? amount));
