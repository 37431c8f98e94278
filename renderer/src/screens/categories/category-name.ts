import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isBuiltinCategoryId, type BuiltinCategoryId, type CategoryView } from '../../../../common/categories.js';
import { useApp, useAppList } from '../../ui/store-context.js';

/** A category's name: a built-in one by its key's translation, the person's own by the name they gave it. */
export function categoryName(categoryId: string, categories: readonly CategoryView[], builtin: (key: BuiltinCategoryId) => string): string {
  if (isBuiltinCategoryId(categoryId)) return builtin(categoryId);
  const custom = categories.find((c) => c.id === categoryId);
  // An id the list does not know yet (still loading, or just deleted) shows as itself.
  return custom !== undefined && !custom.builtin ? custom.name : categoryId;
}

/** `categoryName` in the language shown, with the categories from the store. */
export function useCategoryName(): (categoryId: string) => string {
  const { t } = useTranslation('categories');
  const categories = useAppList((s) => s.categories);
  return (categoryId) => categoryName(categoryId, categories, (key) => t(`builtin.${key}`));
}

/** Reads the categories once per window, for whichever screen or row needs them first. */
export function useCategoriesLoaded(): boolean {
  const loaded = useApp((s) => s.categoriesLoaded);
  const ensure = useApp((s) => s.ensureCategories);
  useEffect(() => void ensure(), [ensure]);
  return loaded;
}
