import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleField } from '../../../../common/categories.js';
import { formatDate } from '../../format/date.js';
import { useLocale } from '../../i18n/use-text.js';
import { useApp, useAppList } from '../../ui/store-context.js';
import { useCategoryName } from './category-name.js';
import { ConfirmButton } from '../../ui/confirm-button.js';

const FIELDS: readonly RuleField[] = ['any', 'counterparty', 'remittance'];

/** A rule typed by hand: words, where to find them, and the category they put a transaction in. */
function RuleForm() {
  const { t } = useTranslation('categories');
  const name = useCategoryName();
  const categories = useAppList((s) => s.categories);
  const busy = useApp((s) => s.busy['category-rules'] === true);
  const createRule = useApp((s) => s.createRule);
  const [pattern, setPattern] = useState('');
  const [field, setField] = useState<RuleField>('any');
  const [categoryId, setCategoryId] = useState('');
  const [moved, setMoved] = useState<number | null>(null);
  const ids = { pattern: useId(), field: useId(), category: useId() };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await createRule({ pattern, field, categoryId });
    if (created === null) return;
    setMoved(created.recategorised);
    setPattern('');
  };

  return (
    <form className="rule-form" onSubmit={(e) => void submit(e)}>
      <div className="field">
        <label htmlFor={ids.pattern}>{t('rules.pattern')}</label>
        <input type="text" id={ids.pattern} value={pattern} maxLength={100} placeholder={t('rules.patternExample')} onChange={(e) => setPattern(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={ids.field}>{t('rules.field')}</label>
        <select id={ids.field} value={field} onChange={(e) => setField(e.target.value as RuleField)}>
          {FIELDS.map((f) => <option key={f} value={f}>{t(`field.${f}`)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.category}>{t('rules.category')}</label>
        <select id={ids.category} value={categoryId} onChange={(e) => setCategoryId(e.target.value)}>
          {categoryId === '' && <option value="" />}
          {categories.map((c) => <option key={c.id} value={c.id}>{name(c.id)}</option>)}
        </select>
      </div>
      <button type="submit" disabled={busy || pattern.trim() === '' || categoryId === ''}>{t('rules.create')}</button>
      {moved !== null && <p role="status" className="rule-outcome">{t('recategorised', { count: moved })}</p>}
    </form>
  );
}

/** The person's rules (newest first, each deletable), then the shipped ones, which theirs outrank. */
export function RuleList() {
  const { t } = useTranslation('categories');
  const locale = useLocale();
  const name = useCategoryName();
  const rules = useAppList((s) => s.categoryRules);
  const defaults = useAppList((s) => s.defaultRules);
  const busy = useApp((s) => s.busy['category-rules'] === true);
  const deleteRule = useApp((s) => s.deleteRule);
  const [moved, setMoved] = useState<number | null>(null);
  const headingId = useId();
  const defaultsId = useId();

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('rules.heading')}</h2>
      <p className="hint">{t('rules.explain')}</p>
      <RuleForm />
      <h3>{t('rules.yours')}</h3>
      {rules.length === 0 ? <p className="empty">{t('rules.none')}</p> : (
        <table className="rules">
          <thead><tr><th scope="col">{t('rules.pattern')}</th><th scope="col">{t('rules.field')}</th><th scope="col">{t('rules.category')}</th><th scope="col">{t('rules.created')}</th><th scope="col"><span className="visually-hidden">{t('rules.actions')}</span></th></tr></thead>
          <tbody>
            {rules.map((r) => (
              <tr key={r.id}>
                <td>{r.pattern}</td>
                <td>{t(`field.${r.field}`)}</td>
                <td>{name(r.categoryId)}</td>
                <td>{formatDate(r.createdAt.slice(0, 10), locale)}</td>
                <td>
                  <ConfirmButton
                    label={t('rules.delete')}
                    confirmLabel={t('rules.confirmDelete', { pattern: r.pattern })}
                    disabled={busy}
                    onConfirm={() => void deleteRule(r.id).then(setMoved)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {moved !== null && <p role="status" className="rule-outcome">{t('recategorised', { count: moved })}</p>}
      <h3 id={defaultsId}>{t('rules.defaults')}</h3>
      <p className="hint">{t('rules.defaultsExplain')}</p>
      <details>
        <summary>{t('rules.showDefaults', { count: defaults.length })}</summary>
        <table className="rules" aria-labelledby={defaultsId}>
          <thead><tr><th scope="col">{t('rules.pattern')}</th><th scope="col">{t('rules.field')}</th><th scope="col">{t('rules.category')}</th></tr></thead>
          <tbody>
            {defaults.map((r, i) => <tr key={i}><td>{r.pattern}</td><td>{t(`field.${r.field}`)}</td><td>{name(r.categoryId)}</td></tr>)}
          </tbody>
        </table>
      </details>
    </section>
  );
}
