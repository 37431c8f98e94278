import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../ui/store-context.js';
import { CategoryList } from './category-list.js';
import { RuleList } from './rule-list.js';
import './categories.css';

/** The categories and the rules that decide them (issue 10 §5); read again on every visit. */
export function CategoriesScreen() {
  const { t } = useTranslation('categories');
  const load = useApp((s) => s.loadCategories);
  useEffect(() => void load(), [load]);
  return (
    <div className="categories-screen">
      <h1>{t('heading')}</h1>
      <CategoryList />
      <RuleList />
    </div>
  );
}
