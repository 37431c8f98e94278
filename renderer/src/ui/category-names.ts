import type { CategoryView } from '../../../common/categories.js';
import { useCategoriesLoaded, useCategoryName } from '../screens/categories/category-name.js';
import { useAppList } from './store-context.js';

/**
 * The person's categories (built-in ones first) and a function naming any category id in the
 * language shown: the store's one list and the categories screen's names, so a category reads
 * the same in a row, the filter, the details and on its own screen.
 */
export function useCategories(): { categories: CategoryView[]; nameOf: (id: string) => string } {
  useCategoriesLoaded();
  const categories = useAppList((s) => s.categories);
  const nameOf = useCategoryName();
  return { categories, nameOf };
}
