import {
  BUILTIN_CATEGORY_IDS, FALLBACK_INCOME, FALLBACK_SPENDING, isBuiltinCategoryId,
  type CategoryRuleView, type CategoryView, type RuleField, type TransactionCategory,
} from '../../common/index.js';
import { matchWords } from '../categories/match-words.js';
import { ValidationError } from '../errors.js';
import { recategorise, storedCategoriser } from './category-assign.js';
import type { Db } from './database.js';
import { hiddenAccountIds } from './visible-accounts.js';

const CUSTOM = /^custom-([1-9]\d{0,15})$/;

/** The id the contract uses for a custom category's row. */
const customId = (row: number): string => `custom-${row}`;

interface RuleRow {
  id: number;
  pattern: string;
  field: RuleField;
  category_id: string;
  created_at: string;
}

const ruleView = (r: RuleRow): CategoryRuleView => ({ id: r.id, pattern: r.pattern, field: r.field, categoryId: r.category_id, createdAt: r.created_at });

/** A name as the person would tell two apart: case, diacritics and punctuation do not count. */
const sameName = (a: string, b: string): boolean => matchWords(a).join(' ') === matchWords(b).join(' ');

/**
 * The person's categories, rules and per-transaction choices. Every change that can move a
 * transaction decides the affected rows again in the same database transaction, and says how
 * many changed (docs/categories.md).
 */
export class CategoryStore {
  constructor(private readonly db: Db, private readonly now: () => Date) {}

  list(): CategoryView[] {
    const custom = this.db.prepare('SELECT id, name FROM custom_categories ORDER BY name, id').all() as { id: number; name: string }[];
    return [
      ...BUILTIN_CATEGORY_IDS.map((id) => ({ id, builtin: true as const, fallback: id === FALLBACK_SPENDING || id === FALLBACK_INCOME })),
      ...custom.map((c) => ({ id: customId(c.id), builtin: false as const, name: c.name })),
    ];
  }

  /**
   * How files name a category: a built-in by its key, which reads the same in every language; a
   * custom one by the name the person gave it (its id means nothing outside the app).
   */
  exportLabels(): (category: TransactionCategory | undefined) => string | undefined {
    const names = new Map(this.list().flatMap((c) => (c.builtin ? [] : [[c.id, c.name] as const])));
    return (category) => (category === undefined ? undefined : (names.get(category.id) ?? category.id));
  }

  create(name: string): CategoryView {
    this.refuseTaken(name);
    const { lastInsertRowid } = this.db.prepare('INSERT INTO custom_categories (name, created_at) VALUES (?, ?)').run(name, this.now().toISOString());
    return { id: customId(Number(lastInsertRowid)), builtin: false, name };
  }

  rename(categoryId: string, name: string): CategoryView {
    const row = this.customRow(categoryId);
    this.refuseTaken(name, row.id);
    this.db.prepare('UPDATE custom_categories SET name = ? WHERE id = ?').run(name, row.id);
    return { id: categoryId, builtin: false, name };
  }

  /**
   * Removes a custom category with the rules that put transactions in it and the choices that
   * did; those transactions are decided again (another rule, a default, else the fallback).
   */
  delete(categoryId: string): { recategorised: number } {
    const row = this.customRow(categoryId);
    return this.db.transaction(() => {
      this.db.prepare('DELETE FROM category_rules WHERE category_id = ?').run(categoryId);
      // Choices by hand of this category become undecided, so they are decided again with the rest of it.
      this.db.prepare(`UPDATE transactions SET category_source = NULL WHERE category_source = 'manual' AND category_id = ?`).run(categoryId);
      this.db.prepare('DELETE FROM custom_categories WHERE id = ?').run(row.id);
      return { recategorised: recategorise(this.db, { kind: 'in', categoryId }) };
    })();
  }

  rules(): CategoryRuleView[] {
    return (this.db.prepare('SELECT id, pattern, field, category_id, created_at FROM category_rules ORDER BY id DESC').all() as RuleRow[]).map(ruleView);
  }

  /** A rule of the person's, newest of all, applied at once to every transaction not set by hand. */
  createRule(input: { pattern: string; field: RuleField; categoryId: string }): { rule: CategoryRuleView; recategorised: number } {
    const words = matchWords(input.pattern);
    if (words.length === 0) throw new ValidationError('a rule needs at least one word (letters or digits) to look for', 'pattern');
    this.requireCategory(input.categoryId);
    return this.db.transaction(() => {
      const createdAt = this.now().toISOString();
      const { lastInsertRowid } = this.db.prepare('INSERT INTO category_rules (pattern, field, category_id, created_at) VALUES (?, ?, ?, ?)')
        .run(input.pattern, input.field, input.categoryId, createdAt);
      return { rule: { id: Number(lastInsertRowid), ...input, createdAt }, recategorised: recategorise(this.db, { kind: 'matching', words, field: input.field }) };
    })();
  }

  /** Removes a rule; what it had decided is decided again by the others. */
  deleteRule(ruleId: number): { recategorised: number } {
    return this.db.transaction(() => {
      const { changes } = this.db.prepare('DELETE FROM category_rules WHERE id = ?').run(ruleId);
      if (changes === 0) throw new ValidationError(`there is no rule ${ruleId}`, 'ruleId');
      return { recategorised: recategorise(this.db, { kind: 'decided-by', ruleId }) };
    })();
  }

  /**
   * Sets one transaction's category by hand (it then beats every rule), or with null clears
   * that choice, so the rules decide it again.
   */
  setCategory(rowId: number, categoryId: string | null): TransactionCategory {
    const row = this.db.prepare('SELECT account_id, counterparty_name, remittance, amount_micros > 0 AS incoming FROM transactions WHERE id = ?').get(rowId) as
      | { account_id: string; counterparty_name: string | null; remittance: string | null; incoming: number }
      | undefined;
    if (row === undefined || hiddenAccountIds(this.db).includes(row.account_id)) throw new ValidationError(`there is no transaction ${rowId}`, 'rowId');
    const update = this.db.prepare('UPDATE transactions SET category_id = ?, category_source = ?, category_rule = ? WHERE id = ?');
    if (categoryId !== null) {
      this.requireCategory(categoryId);
      update.run(categoryId, 'manual', null, rowId);
      return { id: categoryId, source: 'manual' };
    }
    const d = storedCategoriser(this.db)({ counterparty: row.counterparty_name, remittance: row.remittance, incoming: row.incoming === 1 });
    update.run(d.categoryId, d.source, d.ruleId, rowId);
    return { id: d.categoryId, source: d.source };
  }

  /** Throws unless the id names a built-in or an existing custom category. */
  requireCategory(categoryId: string): void {
    if (!isBuiltinCategoryId(categoryId)) this.customRow(categoryId);
  }

  private customRow(categoryId: string): { id: number; name: string } {
    const m = CUSTOM.exec(categoryId);
    const row = m === null ? undefined : (this.db.prepare('SELECT id, name FROM custom_categories WHERE id = ?').get(Number(m[1])) as { id: number; name: string } | undefined);
    if (row === undefined) {
      throw new ValidationError(isBuiltinCategoryId(categoryId) ? `${categoryId} is a built-in category: it cannot be changed` : `there is no category ${categoryId}`, 'categoryId');
    }
    return row;
  }

  private refuseTaken(name: string, except?: number): void {
    if (matchWords(name).length === 0) throw new ValidationError('a category name needs at least one letter or digit', 'name');
    const others = this.db.prepare('SELECT id, name FROM custom_categories').all() as { id: number; name: string }[];
    if (others.some((o) => o.id !== except && sameName(o.name, name))) throw new ValidationError(`there is already a category named ${name}`, 'name');
  }
}
