import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isBuiltinCategoryId, type CategoryView } from '../../../common/categories.js';
import { useApp } from './store-context.js';

/** The person's categories (built-in ones first) and a function naming any category id in the language shown. */
export function useCategories(): { categories: CategoryView[]; nameOf: (id: string) => string } {
  const read = useApp((s) => s.ledgerRead);
  const version = useApp((s) => s.ledgerVersion);
  const { t } = useTranslation(['ledger']);
  const [categories, setCategories] = useState<CategoryView[]>([]);
  useEffect(() => {
    let current = true;
    void read('categories:list', {}).then((r) => {
      if (current && r.ok) setCategories(r.value);
    });
    return () => {
      current = false;
    };
  }, [read, version]);
  const custom = new Map(categories.flatMap((c) => (c.builtin ? [] : [[c.id, c.name] as const])));
  const nameOf = (id: string) => (isBuiltinCategoryId(id) ? t(`category.${id}`) : (custom.get(id) ?? id));
  return { categories, nameOf };
}
