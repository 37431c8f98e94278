import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { CategoryView } from '../../../../common/categories.js';
import type { StoredTransaction } from '../../../../common/queries.js';
import { createFakeBridge } from '../../bridge/fake-bridge.js';
import { createAppStore } from '../../store/app-store.js';
import { renderScreen } from '../render-for-test.js';
import { TransactionCategory } from './transaction-category.js';

const categories: CategoryView[] = [
  { id: 'groceries', builtin: true, fallback: false },
  { id: 'transport', builtin: true, fallback: false },
  { id: 'other', builtin: true, fallback: true },
  { id: 'custom-1', builtin: false, name: 'Vacanță' },
];

const transaction = (over: Partial<StoredTransaction> = {}): StoredTransaction => ({
  rowId: 7, id: 't7', accountId: 'a1', status: 'booked', bookingDate: '2026-11-03', day: '2026-11-03',
  amount: { amount: '-120.50', currency: 'RON' }, counterpartyName: 'ROMPETROL 112', category: { id: 'other', source: 'fallback' }, ...over,
});

const selected = (html: string) => [...html.matchAll(/<option value="([^"]*)" selected="">([^<]*)<\/option>/g)].map((m) => [m[1], m[2]]);

describe('TransactionCategory', () => {
  it('shows the category, named in the language shown, and how it was decided', () => {
    const state = { categories, categoriesLoaded: true };
    const ro = renderScreen(createElement(TransactionCategory, { transaction: transaction({ category: { id: 'groceries', source: 'default' } }) }), { state });
    expect(selected(ro)[0]).toEqual(['groceries', 'Cumpărături']);
    expect(ro).toContain('Aleasă de o regulă a aplicației.');
    expect(ro).toContain('<option value="custom-1">Vacanță</option>');
    const en = renderScreen(createElement(TransactionCategory, { transaction: transaction({ category: { id: 'groceries', source: 'default' } }) }), { state, language: 'en' });
    expect(selected(en)[0]).toEqual(['groceries', 'Groceries']);
    expect(en).toContain('Chosen by one of the app’s rules.');
  });

  it('offers "always put <counterparty> in" with a rule on the counterparty, and "let the rules decide" only for a choice by hand', () => {
    const state = { categories, categoriesLoaded: true };
    const fallback = renderScreen(createElement(TransactionCategory, { transaction: transaction() }), { state });
    expect(fallback).toContain('Puneți întotdeauna „ROMPETROL 112” în');
    expect(fallback).toContain('Nicio regulă nu se potrivește: categoria de rezervă.');
    expect(fallback).not.toContain('Lăsați regulile să decidă');
    const manual = renderScreen(createElement(TransactionCategory, { transaction: transaction({ category: { id: 'custom-1', source: 'manual' } }) }), { state });
    expect(manual).toContain('Lăsați regulile să decidă');
    const anonymous = renderScreen(createElement(TransactionCategory, { transaction: transaction({ counterpartyName: undefined }) }), { state });
    expect(anonymous).not.toContain('Puneți întotdeauna');
  });

  it('a choice by hand goes to the bridge and shows at once; a rule says how many transactions moved', async () => {
    const fake = createFakeBridge({
      'transactions:set-category': () => ({ ok: true, value: { id: 'custom-1', source: 'manual' } }),
      'categories:rules-create': (input) => ({ ok: true, value: { rule: { id: 3, pattern: input.pattern, field: input.field ?? 'any', categoryId: input.categoryId, createdAt: '2026-12-01T10:00:00Z' }, recategorised: 14 } }),
      'categories:list': () => ({ ok: true, value: categories }),
      'categories:rules-list': () => ({ ok: true, value: [] }),
      'categories:default-rules': () => ({ ok: true, value: [] }),
    });
    const store = createAppStore(fake.bridge);
    await store.getState().loadCategories();
    await store.getState().setTransactionCategory(transaction(), 'custom-1');
    expect(fake.inputsOf('transactions:set-category')).toEqual([{ rowId: 7, categoryId: 'custom-1' }]);
    const html = renderScreen(createElement(TransactionCategory, { transaction: transaction() }), { store });
    expect(selected(html)[0]).toEqual(['custom-1', 'Vacanță']);
    expect(html).toContain('Aleasă de dvs. pentru această tranzacție.');

    const created = await store.getState().createRule({ pattern: 'ROMPETROL 112', field: 'counterparty', categoryId: 'transport' });
    expect(created?.recategorised).toBe(14);
    expect(fake.inputsOf('categories:rules-create')).toEqual([{ pattern: 'ROMPETROL 112', field: 'counterparty', categoryId: 'transport' }]);
    // A rule moves stored transactions: what the control had kept from a choice is read again from the lists.
    expect(store.getState().categoryOverrides).toEqual({});
  });
});
