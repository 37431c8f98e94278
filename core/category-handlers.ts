import type { Handlers } from '../common/index.js';
import type { AppCore } from './app-core.js';
import { syncedAtOf } from './query-handlers.js';
import { categoryFlows } from './store/category-queries.js';
import { CategoryStore } from './store/category-store.js';

type CategoryMethod =
  | 'categories:list' | 'categories:create' | 'categories:rename' | 'categories:delete'
  | 'categories:rules-list' | 'categories:rules-create' | 'categories:rules-delete'
  | 'transactions:set-category' | 'insights:categories';

/** The categories' methods: all on the local copy, so they answer offline (docs/categories.md). */
export function categoryHandlers(core: AppCore): Pick<Handlers, CategoryMethod> {
  const store = new CategoryStore(core.db, core.now);
  const syncedAt = syncedAtOf(core);
  return {
    'categories:list': async () => store.list(),
    'categories:create': async ({ name }) => store.create(name),
    'categories:rename': async ({ categoryId, name }) => store.rename(categoryId, name),
    'categories:delete': async ({ categoryId }) => store.delete(categoryId),
    'categories:rules-list': async () => store.rules(),
    'categories:rules-create': async (rule) => store.createRule(rule),
    'categories:rules-delete': async ({ ruleId }) => store.deleteRule(ruleId),
    'transactions:set-category': async ({ rowId, categoryId }) => store.setCategory(rowId, categoryId),
    'insights:categories': async (query) => ({ categories: categoryFlows(core.db, query), ...syncedAt(query.accountIds) }),
  };
}
