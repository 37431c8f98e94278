/**
 * Categories as the UI sees them (issue 10 §5). A built-in category is named by its stable key
 * (`groceries`), which the renderer translates; a category the person made carries its own name
 * and an id of the form `custom-<n>`. Every stored transaction has exactly one category.
 */

/** The built-in keys, in the order a list shows them; the last two are the fallbacks. */
export const BUILTIN_CATEGORY_IDS = [
  'groceries', 'eating-out', 'shopping', 'utilities', 'housing', 'fuel', 'transport', 'travel', 'health',
  'subscriptions', 'taxes', 'fees', 'cash', 'transfers', 'salary', 'interest', 'other', 'income',
] as const;

export type BuiltinCategoryId = (typeof BUILTIN_CATEGORY_IDS)[number];

/** Where money that no rule names goes: spending to `other`, money in to `income`. */
export const FALLBACK_SPENDING: BuiltinCategoryId = 'other';
export const FALLBACK_INCOME: BuiltinCategoryId = 'income';

/**
 * How a transaction got its category, strongest first: the person set it on the transaction,
 * one of their rules matched, one of the app's default rules matched, or nothing matched.
 */
export type CategorySource = 'manual' | 'rule' | 'default' | 'fallback';

export type CategoryView =
  | { id: BuiltinCategoryId; builtin: true; /** `other` and `income`: what nothing else claims. */ fallback: boolean }
  | { id: string; builtin: false; name: string };

/** Which text of a transaction a rule reads. */
export type RuleField = 'counterparty' | 'remittance' | 'any';

export interface CategoryRuleView {
  id: number;
  /** As the person typed it; it matches whole words in order, ignoring case and diacritics. */
  pattern: string;
  field: RuleField;
  categoryId: string;
  createdAt: string;
}

/** Booked money of one category in one currency over a period. */
export interface CategoryFlow {
  categoryId: string;
  currency: string;
  /** Booked amounts below zero, as a positive amount. */
  spending: string;
  /** Booked amounts above zero. */
  income: string;
  transactions: number;
}

export interface CategoriesInsightView {
  /** Per currency, the largest spending first, then the largest income. */
  categories: CategoryFlow[];
  syncedAt?: string;
}

export const isBuiltinCategoryId = (id: string): id is BuiltinCategoryId => (BUILTIN_CATEGORY_IDS as readonly string[]).includes(id);
