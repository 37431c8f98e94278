import { z } from 'zod';
import type { CategoriesInsightView, CategoryRuleView, CategoryView } from './categories.js';
import type { TransactionCategory } from './queries.js';
import { accountIds, categoryId, isoDate, returns } from './contract-schemas.js';

const categoryName = z.string().trim().min(1).max(60);
const ruleField = z.enum(['counterparty', 'remittance', 'any']);

/**
 * Categories (issue 10 §5; docs/categories.md). Each change answers with how many stored
 * transactions it moved, and emits nothing: the screen that called reads its lists again.
 */
export const categoryMethods = {
  /** Built-in categories first (named by the renderer from their key), then the person's own by name. */
  'categories:list': { input: z.object({}).strict(), output: returns<CategoryView[]>() },
  /** A category of the person's; names are unique, ignoring case and diacritics. */
  'categories:create': { input: z.object({ name: categoryName }).strict(), output: returns<CategoryView>() },
  /** Only the person's own categories have a name to change. */
  'categories:rename': { input: z.object({ categoryId, name: categoryName }).strict(), output: returns<CategoryView>() },
  /** Removes a custom category, its rules and the choices that named it; those transactions are decided again. */
  'categories:delete': { input: z.object({ categoryId }).strict(), output: returns<{ recategorised: number }>() },
  /** The person's rules, newest (strongest) first. */
  'categories:rules-list': { input: z.object({}).strict(), output: returns<CategoryRuleView[]>() },
  /**
   * "Always put ROMPETROL in Transport": the pattern's words, in order, anywhere in the chosen
   * text, ignoring case and diacritics. Applied at once to every stored transaction not set by
   * hand, and to every one stored later.
   */
  'categories:rules-create': {
    input: z.object({ pattern: z.string().trim().min(1).max(100), field: ruleField.default('any'), categoryId }).strict(),
    output: returns<{ rule: CategoryRuleView; recategorised: number }>(),
  },
  /** What the rule had decided is decided again by the other rules. */
  'categories:rules-delete': { input: z.object({ ruleId: z.number().int().min(1) }).strict(), output: returns<{ recategorised: number }>() },
  /** One transaction's category by hand (it beats every rule); null clears the choice and lets the rules decide. */
  'transactions:set-category': {
    input: z.object({ rowId: z.number().int().min(1), categoryId: categoryId.nullable() }).strict(),
    output: returns<TransactionCategory>(),
  },
  /** Booked spending and income per category and currency, for all accounts or those named, over a period. */
  'insights:categories': {
    input: z.object({ accountIds: accountIds.optional(), dateFrom: isoDate.optional(), dateTo: isoDate.optional() }).strict(),
    output: returns<CategoriesInsightView>(),
  },
} as const;
