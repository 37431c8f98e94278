import { z } from 'zod';
import type { BuiltinCategoryId, RuleField } from './categories.js';
import { returns } from './contract-schemas.js';

/** One of the rules the app ships (core/categories/default-rules.ts), as the Categories screen lists it. */
export interface DefaultRuleView {
  pattern: string;
  categoryId: BuiltinCategoryId;
  field: RuleField;
}

export const categoryDefaultsMethods = {
  /**
   * The shipped rules, in the order they are tried, so the Categories screen can show them apart
   * from the person's own (which come first and win); they cannot be changed, only outranked.
   */
  'categories:default-rules': { input: z.object({}).strict(), output: returns<DefaultRuleView[]>() },
} as const;
