import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CategoryView } from '../../../../common/categories.js';
import { useApp, useAppList } from '../../ui/store-context.js';
import { useCategoryName } from './category-name.js';
import { ConfirmButton } from '../../ui/confirm-button.js';

/** The person's own category, renamed in place. */
function CustomCategory({ category }: { category: Extract<CategoryView, { builtin: false }> }) {
  const { t } = useTranslation(['categories', 'common']);
  const busy = useApp((s) => s.busy.categories === true);
  const rename = useApp((s) => s.renameCategory);
  const remove = useApp((s) => s.deleteCategory);
  const [editing, setEditing] = useState<string | null>(null);
  const [moved, setMoved] = useState<number | null>(null);
  const inputId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (editing !== null && (await rename(category.id, editing))) setEditing(null);
  };

  if (editing !== null) {
    return (
      <li className="category-row">
        <form onSubmit={(e) => void submit(e)}>
          <label htmlFor={inputId} className="visually-hidden">{t('renameLabel', { name: category.name })}</label>
          <input type="text" id={inputId} value={editing} maxLength={60} required onChange={(e) => setEditing(e.target.value)} />
          <button type="submit" disabled={busy || editing.trim() === ''}>{t('save')}</button>
          <button type="button" onClick={() => setEditing(null)}>{t('common:cancel')}</button>
        </form>
      </li>
    );
  }
  return (
    <li className="category-row">
      <span className="category-name">{category.name}</span>
      <button type="button" disabled={busy} aria-label={t('renameLabel', { name: category.name })} onClick={() => setEditing(category.name)}>{t('rename')}</button>
      <ConfirmButton
        label={t('delete')}
        confirmLabel={t('confirmDelete', { name: category.name })}
        disabled={busy}
        onConfirm={() => void remove(category.id).then(setMoved)}
      />
      {moved !== null && <span role="status">{t('recategorised', { count: moved })}</span>}
    </li>
  );
}

/** Every category: the app's own, named in the language shown, then the person's, with their actions. */
export function CategoryList() {
  const { t } = useTranslation('categories');
  const name = useCategoryName();
  const categories = useAppList((s) => s.categories);
  const busy = useApp((s) => s.busy.categories === true);
  const create = useApp((s) => s.createCategory);
  const [draft, setDraft] = useState('');
  const inputId = useId();
  const headingId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if ((await create(draft)) !== null) setDraft('');
  };

  const builtin = categories.filter((c) => c.builtin);
  const custom = categories.filter((c): c is Extract<CategoryView, { builtin: false }> => !c.builtin);
  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('listHeading')}</h2>
      <form className="inline-form" onSubmit={(e) => void submit(e)}>
        <label htmlFor={inputId}>{t('newCategory')}</label>
        <input type="text" id={inputId} value={draft} maxLength={60} onChange={(e) => setDraft(e.target.value)} />
        <button type="submit" disabled={busy || draft.trim() === ''}>{t('create')}</button>
      </form>
      <h3>{t('yourCategories')}</h3>
      {custom.length === 0 ? <p className="empty">{t('noCustom')}</p> : (
        <ul className="category-list" role="list">{custom.map((c) => <CustomCategory key={c.id} category={c} />)}</ul>
      )}
      <h3>{t('builtinCategories')}</h3>
      <ul className="category-list builtin" role="list">
        {builtin.map((c) => <li key={c.id} className="category-row"><span className="category-name">{name(c.id)}</span></li>)}
      </ul>
    </section>
  );
}
