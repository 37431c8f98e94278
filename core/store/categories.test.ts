import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoredTransaction } from '../../common/index.js';
import { EUR, grant, queryPlan, RON, storedHistory, tx, type StoredHistory } from '../../test/helpers/stored-history.js';
import { categoryFlows, categoryFlowSql } from './category-queries.js';
import { CategoryStore } from './category-store.js';
import { openDatabase } from './database.js';
import { queryTransactions, transactionListSql } from './transaction-queries.js';

let h: StoredHistory;
let store: CategoryStore;
beforeEach(() => {
  h = storedHistory();
  h.connect('c1', [grant(RON), grant(EUR)]);
  store = new CategoryStore(h.db, () => new Date('2027-03-10T09:00:00.000Z'));
});
afterEach(() => h.close());

const all = (filter = {}): StoredTransaction[] => queryTransactions(h.db, { filter, sort: 'date', order: 'desc', limit: 500 }).transactions;
const categoryOf = (bankKey: string) => all().find((t) => t.id === bankKey)?.category;

describe('categories › as a sync stores them', () => {
  it('the defaults categorise demo-like statements, with and without diacritics', () => {
    h.sync(RON, [
      tx({ id: 'mega', counterpartyName: 'Mega Image', remittance: 'Cumparare POS MEGA IMAGE BUCURESTI' }),
      tx({ id: 'enel', counterpartyName: 'ENEL ENERGIE MUNTENIA', remittance: 'Factura energie electrică martie 2027' }),
      tx({ id: 'interest', counterpartyName: undefined, remittance: 'Capitalizare dobanda-Achitare dobanda neta', amount: { amount: '1.23', currency: 'RON' } }),
      tx({ id: 'interest-ro', counterpartyName: undefined, remittance: 'Capitalizare dobândă', amount: { amount: '0.5', currency: 'RON' } }),
      tx({ id: 'atm', counterpartyName: undefined, remittance: 'Retragere numerar ATM CEC BUCURESTI card 425605******1234' }),
      tx({ id: 'friend', counterpartyName: 'Ioana Marin', remittance: 'Bilete concert' }),
      tx({ id: 'gift', counterpartyName: 'Andrei Popescu', remittance: 'Ajutor familie', amount: { amount: '300', currency: 'RON' } }),
    ]);
    expect(Object.fromEntries(all().map((t) => [t.id, t.category]))).toEqual({
      mega: { id: 'groceries', source: 'default' },
      enel: { id: 'utilities', source: 'default' },
      interest: { id: 'interest', source: 'default' },
      'interest-ro': { id: 'interest', source: 'default' },
      atm: { id: 'cash', source: 'default' },
      friend: { id: 'other', source: 'fallback' },
      gift: { id: 'income', source: 'fallback' },
    });
  });

  it('categorises, when the store opens, rows it holds without a category (a file of an older version)', () => {
    h.sync(RON, [tx({ id: 'k', counterpartyName: 'KAUFLAND' })]);
    h.db.prepare('UPDATE transactions SET category_id = NULL, category_source = NULL').run();
    h.db.close();
    const again = openDatabase(h.path, h.key);
    expect(again.prepare('SELECT category_id, category_source FROM transactions').get()).toEqual({ category_id: 'groceries', category_source: 'default' });
    again.close();
  });

  it('decides again, when the store opens, every row not set by hand once the shipped defaults changed', () => {
    h.sync(RON, [tx({ id: 'k', counterpartyName: 'KAUFLAND' }), tx({ id: 'm', counterpartyName: 'MOL' })]);
    store.setCategory(all().find((t) => t.id === 'm')!.rowId, 'travel');
    // As a version with other defaults would have left them.
    h.db.prepare(`UPDATE transactions SET category_id = 'shopping'`).run();
    h.db.prepare(`UPDATE category_defaults SET digest = 'an older list'`).run();
    h.db.close();
    const again = openDatabase(h.path, h.key);
    expect(again.prepare('SELECT bank_key, category_id, category_source FROM transactions ORDER BY bank_key').all()).toEqual([
      { bank_key: 'k', category_id: 'groceries', category_source: 'default' },
      { bank_key: 'm', category_id: 'shopping', category_source: 'manual' },
    ]);
    again.close();
  });
});

describe('categories › the person’s rules', () => {
  beforeEach(() => {
    h.sync(RON, [
      tx({ id: 'r1', counterpartyName: 'ROMPETROL', remittance: 'Cumparare POS ROMPETROL' }),
      tx({ id: 'r2', counterpartyName: undefined, remittance: 'Plata card rompetrol downstream' }),
      tx({ id: 'k', counterpartyName: 'KAUFLAND' }),
    ]);
  });

  it('apply to what is stored at once, say how many changed, and to what a sync stores later', () => {
    expect(categoryOf('r1')).toEqual({ id: 'fuel', source: 'default' });
    const { rule, recategorised } = store.createRule({ pattern: 'Rompetrol', field: 'any', categoryId: 'transport' });
    expect(recategorised).toBe(2);
    expect([categoryOf('r1'), categoryOf('r2'), categoryOf('k')]).toEqual([
      { id: 'transport', source: 'rule' }, { id: 'transport', source: 'rule' }, { id: 'groceries', source: 'default' },
    ]);
    h.sync(RON, [tx({ id: 'later', bookingDate: '2027-03-09', counterpartyName: 'ROMPETROL' })]);
    expect(categoryOf('later')).toEqual({ id: 'transport', source: 'rule' });
    expect(store.rules()).toEqual([{ id: rule.id, pattern: 'Rompetrol', field: 'any', categoryId: 'transport', createdAt: '2027-03-10T09:00:00.000Z' }]);
  });

  it('find the rows they move whatever the diacritics on either side, and only in the field they name', () => {
    h.sync(RON, [
      tx({ id: 'st1', counterpartyName: 'Cofetăria Ștefan', remittance: 'Plata card' }),
      tx({ id: 'st2', counterpartyName: 'Ioana', remittance: 'cadou de la COFETARIA STEFAN' }),
    ]);
    expect(store.createRule({ pattern: 'cofetaria ştefan', field: 'counterparty', categoryId: 'eating-out' }).recategorised).toBe(1);
    expect([categoryOf('st1'), categoryOf('st2')]).toEqual([{ id: 'eating-out', source: 'rule' }, { id: 'other', source: 'fallback' }]);
    expect(store.createRule({ pattern: 'Cofetăria Stefan', field: 'remittance', categoryId: 'shopping' }).recategorised).toBe(1);
    expect(categoryOf('st2')).toEqual({ id: 'shopping', source: 'rule' });
  });

  it('the newest rule wins; deleting it gives its transactions back to the older one, then to the defaults', () => {
    const custom = store.create('Mașina');
    const older = store.createRule({ pattern: 'rompetrol', field: 'any', categoryId: 'transport' }).rule;
    const newer = store.createRule({ pattern: 'rompetrol', field: 'counterparty', categoryId: custom.id }).rule;
    expect([categoryOf('r1')?.id, categoryOf('r2')?.id]).toEqual([custom.id, 'transport']);
    expect(store.deleteRule(newer.id)).toEqual({ recategorised: 1 });
    expect(categoryOf('r1')).toEqual({ id: 'transport', source: 'rule' });
    expect(store.deleteRule(older.id)).toEqual({ recategorised: 2 });
    expect([categoryOf('r1'), categoryOf('r2')]).toEqual([{ id: 'fuel', source: 'default' }, { id: 'fuel', source: 'default' }]);
  });

  it('a choice by hand beats every rule, survives a new rule, and cleared, the rules decide again', () => {
    const rowId = all().find((t) => t.id === 'k')!.rowId;
    expect(store.setCategory(rowId, 'eating-out')).toEqual({ id: 'eating-out', source: 'manual' });
    expect(store.createRule({ pattern: 'kaufland', field: 'any', categoryId: 'shopping' }).recategorised).toBe(0);
    expect(categoryOf('k')).toEqual({ id: 'eating-out', source: 'manual' });
    expect(store.setCategory(rowId, null)).toEqual({ id: 'shopping', source: 'rule' });
    expect(categoryOf('k')).toEqual({ id: 'shopping', source: 'rule' });
  });

  it('deleting a custom category takes its rules and choices with it: those transactions fall back', () => {
    const car = store.create('Mașina');
    store.createRule({ pattern: 'rompetrol', field: 'any', categoryId: car.id });
    store.setCategory(all().find((t) => t.id === 'k')!.rowId, car.id);
    expect(store.delete(car.id)).toEqual({ recategorised: 3 });
    expect([categoryOf('r1'), categoryOf('k')]).toEqual([{ id: 'fuel', source: 'default' }, { id: 'groceries', source: 'default' }]);
    expect(store.rules()).toEqual([]);
    expect(store.list().some((c) => c.id === car.id)).toBe(false);
  });

  it('refuses a rule without a word, an unknown category, a name already taken and changes to built-ins', () => {
    expect(() => store.createRule({ pattern: '*** ', field: 'any', categoryId: 'transport' })).toThrow(/at least one word/);
    expect(() => store.createRule({ pattern: 'x', field: 'any', categoryId: 'custom-99' })).toThrow(/no category custom-99/);
    store.create('Mașina');
    expect(() => store.create('MASINA')).toThrow(/already a category/);
    expect(() => store.rename('groceries', 'Mâncare')).toThrow(/built-in/);
    expect(() => store.delete('other')).toThrow(/built-in/);
    expect(() => store.setCategory(9999, 'transport')).toThrow(/no transaction 9999/);
  });
});

describe('categories › pending items', () => {
  it('a refreshed pending item keeps the category set by hand, and its booking inherits it', () => {
    h.sync(RON, [], { pending: [tx({ id: 'p', bookingDate: undefined, counterpartyName: 'LIDL', amount: { amount: '-20', currency: 'RON' } })] });
    const rowId = all()[0]!.rowId;
    store.setCategory(rowId, 'health');
    h.sync(RON, [], { pending: [tx({ id: 'p', bookingDate: undefined, counterpartyName: 'LIDL', remittance: 'changed', amount: { amount: '-20', currency: 'RON' } })] });
    expect(all()[0]!.category).toEqual({ id: 'health', source: 'manual' });
    h.sync(RON, [tx({ id: 'p-booked', bookingDate: '2027-03-02', counterpartyName: 'LIDL', remittance: 'changed', amount: { amount: '-20', currency: 'RON' } })], { pending: [] });
    expect(all().map((t) => [t.id, t.status, t.category])).toEqual([['p-booked', 'booked', { id: 'health', source: 'manual' }]]);
  });
});

describe('transactions filtered by category', () => {
  beforeEach(() => {
    h.sync(RON, Array.from({ length: 25 }, (_, i) => tx({
      id: `t${i}`, bookingDate: `2027-02-${String(1 + (i % 28)).padStart(2, '0')}`, counterpartyName: i % 3 === 0 ? 'LIDL' : i % 3 === 1 ? 'OMV PETROM' : 'Ioana',
    })));
  });

  it('pages one category, or several, across pages exactly once each', () => {
    const pages = (categoryIds: string[]) => {
      const seen: StoredTransaction[] = [];
      let cursor: string | undefined;
      let count = 0;
      do {
        const page = queryTransactions(h.db, { filter: { categoryIds }, sort: 'date', order: 'desc', limit: 3, ...(cursor === undefined ? {} : { cursor }) });
        seen.push(...page.transactions);
        cursor = page.cursor;
        count += 1;
      } while (cursor !== undefined);
      return { seen, count };
    };
    const groceries = pages(['groceries']);
    expect(groceries.count).toBe(3);
    expect(groceries.seen.map((t) => t.id).sort()).toEqual(['t0', 't12', 't15', 't18', 't21', 't24', 't3', 't6', 't9']);
    expect(groceries.seen.every((t) => t.category?.id === 'groceries')).toBe(true);
    const both = pages(['groceries', 'fuel']);
    expect(new Set(both.seen.map((t) => t.rowId)).size).toBe(17);
    expect(both.seen.every((t) => t.counterpartyName !== 'Ioana')).toBe(true);
    expect(pages([]).seen).toEqual([]);
  });

  it('refuses the cursor of a list of another category', () => {
    const { cursor } = queryTransactions(h.db, { filter: { categoryIds: ['fuel'] }, sort: 'date', order: 'desc', limit: 2 });
    expect(() => queryTransactions(h.db, { filter: { categoryIds: ['groceries'] }, sort: 'date', order: 'desc', limit: 2, cursor: cursor as string })).toThrow(/another list/);
  });

  it('one category walks its own index in date order; several walk the day index; neither sorts', () => {
    const plan = (categoryIds: string[]) => {
      const { sql, params } = transactionListSql(h.db, { filter: { categoryIds }, sort: 'date', order: 'desc' }, { key: '2027-02-10', id: 5 });
      return queryPlan(h.db, `${sql} LIMIT 101`, params);
    };
    expect(plan(['fuel'])[0]).toContain('SEARCH transactions USING INDEX transactions_by_category (category_id=?');
    expect(plan(['fuel', 'groceries'])[0]).toContain('SEARCH transactions USING INDEX transactions_by_day');
    for (const lines of [plan(['fuel']), plan(['fuel', 'groceries'])]) expect(lines.filter((l) => l.includes('TEMP B-TREE') || /^SCAN transactions\b/.test(l))).toEqual([]);
  });
});

describe('categoryFlows', () => {
  it('sums spending and income per category and currency exactly, booked only, within the period and accounts', () => {
    h.sync(RON, [
      tx({ id: 'c1', counterpartyName: 'LIDL', amount: { amount: '-0.1', currency: 'RON' } }),
      tx({ id: 'c2', counterpartyName: 'LIDL', amount: { amount: '-0.2', currency: 'RON' } }),
      tx({ id: 'refund', counterpartyName: 'LIDL', amount: { amount: '0.7', currency: 'RON' } }),
      tx({ id: 'big', counterpartyName: 'Mega Image', amount: { amount: '-90071992547.409921', currency: 'RON' } }),
      tx({ id: 'fuel', counterpartyName: 'MOL', amount: { amount: '-100.01', currency: 'RON' } }),
      tx({ id: 'old', bookingDate: '2027-01-15', counterpartyName: 'LIDL', amount: { amount: '-5', currency: 'RON' } }),
    ], { pending: [tx({ id: 'pend', bookingDate: undefined, valueDate: '2027-03-02', counterpartyName: 'LIDL', amount: { amount: '-1000', currency: 'RON' } })] });
    h.sync(EUR, [tx({ id: 'e', counterpartyName: 'RYANAIR', amount: { amount: '-0.3', currency: 'EUR' } })]);
    expect(categoryFlows(h.db, { dateFrom: '2027-03-01' })).toEqual([
      { categoryId: 'travel', currency: 'EUR', spending: '0.3', income: '0', transactions: 1 },
      { categoryId: 'groceries', currency: 'RON', spending: '90071992547.709921', income: '0.7', transactions: 4 },
      { categoryId: 'fuel', currency: 'RON', spending: '100.01', income: '0', transactions: 1 },
    ]);
    expect(categoryFlows(h.db, { accountIds: [RON], dateTo: '2027-02-28' })).toEqual([{ categoryId: 'groceries', currency: 'RON', spending: '5', income: '0', transactions: 1 }]);
  });

  it('a period reads a range of the day index, not the whole table', () => {
    const { sql, params } = categoryFlowSql(h.db, { dateFrom: '2027-01-01', dateTo: '2027-01-31' });
    const lines = queryPlan(h.db, sql, params);
    expect(lines.some((l) => l.includes('SEARCH transactions USING INDEX transactions_by_day (day>? AND day<?)'))).toBe(true);
    expect(lines.filter((l) => /^SCAN transactions\b/.test(l))).toEqual([]);
  });
});

