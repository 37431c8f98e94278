import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dispatch, type CategoriesInsightView, type CategoryRuleView, type CategoryView, type Handlers, type StoredTransaction, type TransactionsView,
} from '../../common/index.js';
import { createHandlers } from '../../core/app-handlers.js';
import { toAppError } from '../../core/errors.js';
import { fromMicros, toMicros } from '../../core/store/amount-micros.js';
import { coreWorld, psuPort, type CoreWorldForTest } from '../helpers/core-world.js';
import { call } from '../helpers/http.js';

/**
 * Categories through the contract, over a real sync of the sandbox bank's demo PSU: the default
 * rules on the demo's statements, a rule of the person's applied to the stored history and to a
 * transaction the bank books after it, a choice by hand, the filter and the insight.
 */
describe('categories over a synced sandbox history, through the contract', () => {
  let w: CoreWorldForTest;
  let handlers: Handlers;
  const value = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const r = await dispatch(handlers, method, input, toAppError);
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  /** Every stored transaction, through transactions:query's pages. */
  const everything = async (filter: Record<string, unknown> = {}): Promise<StoredTransaction[]> => {
    const rows: StoredTransaction[] = [];
    let cursor: string | undefined;
    do {
      const page = await value<TransactionsView>('transactions:query', { ...filter, limit: 500, ...(cursor === undefined ? {} : { cursor }) });
      rows.push(...page.transactions);
      cursor = page.cursor;
    } while (cursor !== undefined);
    return rows;
  };
  const rompetrol = (t: StoredTransaction) => /rompetrol/i.test(`${t.counterpartyName ?? ''} ${t.remittance ?? ''}`);

  beforeAll(async () => {
    w = await coreWorld({ sandbox: { pageSize: 500 } });
    handlers = createHandlers(w.core, { authorizationPort: () => psuPort({ user: 'demo', decision: 'allow' }), psuIpAddress: '192.0.2.1', syncAfterConnect: false, emit: () => {} });
    await value('connections:connect', { profileId: 'sandbox', label: 'Personal' });
    expect(await value<{ outcome: string }>('sync:run')).toMatchObject({ outcome: 'ok' });
  });
  afterAll(async () => { await w?.close(); });

  it('the defaults give most of the demo’s transactions a meaningful category; the rest fall back by sign', async () => {
    const rows = await everything();
    expect(rows.length).toBeGreaterThan(300);
    const fallback = rows.filter((t) => t.category?.source === 'fallback');
    expect(fallback.length / rows.length).toBeLessThan(0.1);
    expect(fallback.every((t) => t.category?.id === (t.amount.amount.startsWith('-') ? 'other' : 'income'))).toBe(true);
    const ids = new Set(rows.map((t) => t.category?.id));
    for (const id of ['groceries', 'utilities', 'interest', 'cash', 'fuel', 'salary', 'transfers', 'eating-out', 'health', 'taxes', 'fees']) expect(ids, id).toContain(id);
    expect(rows.filter(rompetrol).every((t) => t.category?.id === 'fuel')).toBe(true);
  });

  it('a rule from a transaction moves the stored history at once, and a transaction the bank books later', async () => {
    const before = (await everything()).filter(rompetrol);
    expect(before.length).toBeGreaterThan(0);
    const created = await value<{ rule: CategoryRuleView; recategorised: number }>('categories:rules-create', { pattern: 'ROMPETROL', categoryId: 'transport' });
    expect(created.recategorised).toBe(before.length);
    expect(await value<CategoryRuleView[]>('categories:rules-list')).toEqual([created.rule]);

    const ron = (await value<{ accounts: { id: string; iban?: string; currency: string; kind: string }[] }>('accounts:list')).accounts.find((a) => a.kind === 'account' && a.currency === 'RON');
    const posted = await call(`${w.bankOrigin}/sandbox/psus/demo/accounts/${ron?.iban}/transactions`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'booked', amount: '-201.37', counterpartyName: 'Rompetrol Downstream', remittance: 'Plata card' }),
    });
    expect(posted.status).toBe(201);
    await value('sync:run');
    const transport = await everything({ categoryIds: ['transport'] });
    expect(transport.filter(rompetrol)).toHaveLength(before.length + 1);
    expect(transport.find((t) => t.amount.amount === '-201.37')?.category).toEqual({ id: 'transport', source: 'rule' });
  });

  it('a choice by hand beats the rule; a custom category deleted sends its transactions back to the rules', async () => {
    const [target] = await everything({ categoryIds: ['transport'], text: 'rompetrol' });
    const car = await value<CategoryView>('categories:create', { name: 'Mașina' });
    expect(await value('transactions:set-category', { rowId: target?.rowId, categoryId: car.id })).toEqual({ id: car.id, source: 'manual' });
    expect((await everything({ categoryIds: [car.id] })).map((t) => t.rowId)).toEqual([target?.rowId]);
    expect(await value('categories:rename', { categoryId: car.id, name: 'Mașina mea' })).toEqual({ id: car.id, builtin: false, name: 'Mașina mea' });
    expect((await value<CategoryView[]>('categories:list')).at(-1)).toEqual({ id: car.id, builtin: false, name: 'Mașina mea' });
    expect(await value('categories:delete', { categoryId: car.id })).toEqual({ recategorised: 1 });
    expect((await everything({ text: 'rompetrol' })).find((t) => t.rowId === target?.rowId)?.category).toEqual({ id: 'transport', source: 'rule' });
  });

  it('insights:categories adds up to the booked transactions of each category, exactly', async () => {
    const view = await value<CategoriesInsightView>('insights:categories', {});
    expect(view.syncedAt).toEqual(expect.any(String));
    const booked = (await everything({ status: 'booked' })).filter((t) => t.amount.currency === 'RON' && t.category?.id === 'groceries');
    const sum = booked.reduce((total, t) => total + (toMicros(t.amount.amount) as bigint), 0n);
    const groceries = view.categories.find((c) => c.currency === 'RON' && c.categoryId === 'groceries');
    expect(groceries?.transactions).toBe(booked.length);
    expect(groceries?.income).toBe('0');
    expect(groceries?.spending).toBe(fromMicros(-sum));
  });

  it('refuses what the contract does not allow', async () => {
    for (const [method, input] of [
      ['categories:rules-create', { pattern: 'x', categoryId: 'Not A Key' }],
      ['transactions:set-category', { rowId: 1, categoryId: 'custom-12345' }],
      ['categories:rename', { categoryId: 'groceries', name: 'x' }],
      ['categories:rules-delete', { ruleId: 4242 }],
    ] as const) {
      expect(await dispatch(handlers, method, input, toAppError), method).toMatchObject({ ok: false, error: { state: 'invalid-input' } });
    }
  });
});
