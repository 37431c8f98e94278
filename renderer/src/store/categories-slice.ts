import type { CategoryRuleView, CategoryView, RuleField } from '../../../common/categories.js';
import type { DefaultRuleView } from '../../../common/contract.js';
import type { StoredTransaction, TransactionCategory } from '../../../common/queries.js';
import type { SliceCreator } from './types.js';
import { tracked } from './ui-slice.js';

export interface CategoriesSlice {
  categories: CategoryView[];
  /** The person's rules, newest (strongest) first. */
  categoryRules: CategoryRuleView[];
  /** The rules the app ships, in the order they are tried, after the person's. */
  defaultRules: DefaultRuleView[];
  categoriesLoaded: boolean;
  /** Each transaction's category as the person last set it here, by row, until the lists are read again. */
  categoryOverrides: Record<number, TransactionCategory>;
  loadCategories(): Promise<void>;
  /** Loads them unless loaded or on their way: every row of a list may ask at once. */
  ensureCategories(): Promise<void>;
  createCategory(name: string): Promise<CategoryView | null>;
  renameCategory(categoryId: string, name: string): Promise<boolean>;
  /** The number of transactions decided again; null when it failed. */
  deleteCategory(categoryId: string): Promise<number | null>;
  createRule(rule: { pattern: string; field: RuleField; categoryId: string }): Promise<{ rule: CategoryRuleView; recategorised: number } | null>;
  deleteRule(ruleId: number): Promise<number | null>;
  /** One transaction's category by hand; null hands it back to the rules. */
  setTransactionCategory(transaction: Pick<StoredTransaction, 'rowId'>, categoryId: string | null): Promise<TransactionCategory | null>;
}

export const createCategoriesSlice: SliceCreator<CategoriesSlice> = ({ bridge }) => (set, get) => {
  /** A change that moved stored transactions: every list showing them is read again. */
  const afterRecategorised = async (moved: number) => {
    set({ categoryOverrides: {} });
    if (moved > 0) await get().reloadTransactions();
  };

  let loading: Promise<void> | undefined;

  return {
    categories: [],
    categoryRules: [],
    defaultRules: [],
    categoriesLoaded: false,
    categoryOverrides: {},

    async loadCategories() {
      const [list, rules, defaults] = await Promise.all([
        tracked(set, 'categories', () => bridge.invoke('categories:list', {})),
        tracked(set, 'category-rules', () => bridge.invoke('categories:rules-list', {})),
        tracked(set, 'category-defaults', () => bridge.invoke('categories:default-rules', {})),
      ]);
      set({
        ...(list.ok ? { categories: list.value } : {}),
        ...(rules.ok ? { categoryRules: rules.value } : {}),
        ...(defaults.ok ? { defaultRules: defaults.value } : {}),
        categoriesLoaded: list.ok,
      });
    },
    ensureCategories() {
      if (get().categoriesLoaded) return Promise.resolve();
      loading ??= get().loadCategories().finally(() => { loading = undefined; });
      return loading;
    },
    async createCategory(name) {
      const result = await tracked(set, 'categories', () => bridge.invoke('categories:create', { name }));
      if (!result.ok) return null;
      await get().loadCategories();
      return result.value;
    },
    async renameCategory(categoryId, name) {
      const result = await tracked(set, 'categories', () => bridge.invoke('categories:rename', { categoryId, name }));
      if (result.ok) await get().loadCategories();
      return result.ok;
    },
    async deleteCategory(categoryId) {
      const result = await tracked(set, 'categories', () => bridge.invoke('categories:delete', { categoryId }));
      if (!result.ok) return null;
      await Promise.all([get().loadCategories(), afterRecategorised(result.value.recategorised)]);
      return result.value.recategorised;
    },
    async createRule(rule) {
      const result = await tracked(set, 'category-rules', () => bridge.invoke('categories:rules-create', rule));
      if (!result.ok) return null;
      await Promise.all([get().loadCategories(), afterRecategorised(result.value.recategorised)]);
      return result.value;
    },
    async deleteRule(ruleId) {
      const result = await tracked(set, 'category-rules', () => bridge.invoke('categories:rules-delete', { ruleId }));
      if (!result.ok) return null;
      await Promise.all([get().loadCategories(), afterRecategorised(result.value.recategorised)]);
      return result.value.recategorised;
    },
    async setTransactionCategory({ rowId }, categoryId) {
      const result = await tracked(set, `transaction:${rowId}`, () => bridge.invoke('transactions:set-category', { rowId, categoryId }));
      if (!result.ok) return null;
      set((s) => ({ categoryOverrides: { ...s.categoryOverrides, [rowId]: result.value } }));
      return result.value;
    },
  };
};
