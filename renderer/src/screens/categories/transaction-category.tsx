import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoredTransaction } from '../../../../common/queries.js';
import { useApp, useAppList } from '../../ui/store-context.js';
import { useCategoriesLoaded, useCategoryName } from './category-name.js';
import './categories.css';

/** What a transaction row or details drawer hands the control. */
export interface TransactionCategoryProps {
  transaction: StoredTransaction;
}

/** A rule's pattern as the contract takes it: the counterparty's words, at most 100 characters. */
const PATTERN_MAX = 100;

/**
 * One transaction's category: what it is and how it was decided, a choice by hand that beats
 * every rule, and "always put <counterparty> in <category>", a rule applied at once to the
 * stored transactions (the answer says how many moved) and to every later one.
 */
export function TransactionCategory({ transaction }: TransactionCategoryProps) {
  useCategoriesLoaded();
  const { t } = useTranslation('categories');
  const name = useCategoryName();
  const categories = useAppList((s) => s.categories);
  const chosen = useApp((s) => s.categoryOverrides[transaction.rowId]);
  const busy = useApp((s) => s.busy[`transaction:${transaction.rowId}`] === true || s.busy['category-rules'] === true);
  const setCategory = useApp((s) => s.setTransactionCategory);
  const createRule = useApp((s) => s.createRule);
  const current = chosen ?? transaction.category;
  const [ruleCategory, setRuleCategory] = useState(current?.id ?? '');
  const [moved, setMoved] = useState<number | null>(null);
  const selectId = useId();
  const sourceId = useId();
  const ruleSelectId = useId();
  const counterparty = transaction.counterpartyName?.trim().slice(0, PATTERN_MAX) ?? '';

  const submitRule = async (event: FormEvent) => {
    event.preventDefault();
    if (ruleCategory === '' || counterparty === '') return;
    const created = await createRule({ pattern: counterparty, field: 'counterparty', categoryId: ruleCategory });
    if (created !== null) setMoved(created.recategorised);
  };

  return (
    <div className="transaction-category" role="group" aria-label={t('control.label')}>
      <div className="field">
        <label htmlFor={selectId}>{t('control.category')}</label>
        <select
          id={selectId}
          value={current?.id ?? ''}
          disabled={busy || categories.length === 0}
          aria-describedby={current === undefined ? undefined : sourceId}
          onChange={(e) => void setCategory(transaction, e.target.value)}
        >
          {current === undefined && <option value="" />}
          {categories.map((c) => <option key={c.id} value={c.id}>{name(c.id)}</option>)}
        </select>
      </div>
      {current !== undefined && <p id={sourceId} className="category-source">{t(`source.${current.source}`)}</p>}
      {current?.source === 'manual' && (
        <button type="button" disabled={busy} onClick={() => void setCategory(transaction, null)}>{t('control.letRulesDecide')}</button>
      )}
      {counterparty !== '' && (
        <form className="always-rule" onSubmit={(e) => void submitRule(e)}>
          <label htmlFor={ruleSelectId}>{t('control.alwaysPut', { counterparty })}</label>
          <select id={ruleSelectId} value={ruleCategory} disabled={busy} onChange={(e) => setRuleCategory(e.target.value)}>
            {ruleCategory === '' && <option value="" />}
            {categories.map((c) => <option key={c.id} value={c.id}>{name(c.id)}</option>)}
          </select>
          <button type="submit" disabled={busy || ruleCategory === ''}>{t('control.createRule')}</button>
        </form>
      )}
      {moved !== null && <p role="status" className="rule-outcome">{t('recategorised', { count: moved })}</p>}
    </div>
  );
}
