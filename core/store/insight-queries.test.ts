import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Balance } from '../../common/index.js';
import { EUR, grant, queryPlan, RON, storedHistory, tx, type StoredHistory } from '../../test/helpers/stored-history.js';
import { balanceHistory, currencyTotals } from './balance-queries.js';
import { counterpartySpending, counterpartySql, monthlyFlows, monthlySql } from './flow-queries.js';

const RON2 = 'RO11CECE0000000000000002:RON';
const bal = (type: string, amount: string, currency = 'RON', over: Partial<Balance> = {}): Balance => ({ type, amount: { amount, currency }, ...over });

let h: StoredHistory;
beforeEach(() => {
  h = storedHistory();
  h.connect('c1', [grant(RON), grant(EUR), grant(RON2)]);
});
afterEach(() => h.close());

describe('currencyTotals', () => {
  it('sums one balance per account per currency, exactly: interimAvailable before expected before closingBooked', () => {
    h.sync(RON, [], { balances: [bal('closingBooked', '90071992547.409921'), bal('interimAvailable', '90071992547.409922')] });
    h.sync(RON2, [], { balances: [bal('closingBooked', '0.000001'), bal('expected', '0.000002')] });
    h.sync(EUR, [], { balances: [bal('closingBooked', '-3.5', 'EUR')] });
    expect(currencyTotals(h.db)).toEqual([
      { currency: 'EUR', amount: '-3.5', accounts: [{ accountId: EUR, type: 'closingBooked', amount: '-3.5', referenceDate: '2027-03-10' }] },
      {
        currency: 'RON', amount: '90071992547.409924',
        accounts: [
          { accountId: RON2, type: 'expected', amount: '0.000002', referenceDate: '2027-03-10' },
          { accountId: RON, type: 'interimAvailable', amount: '90071992547.409922', referenceDate: '2027-03-10' },
        ],
      },
    ]);
  });

  it('takes the balances of the last read, not an older preferred one, and a credit-limit balance only when there is no other', () => {
    h.sync(RON, [], { balances: [bal('interimAvailable', '999')], now: '2027-03-01T08:00:00.000Z', today: '2027-03-01' });
    h.sync(RON, [], { balances: [bal('closingBooked', '100'), bal('interimAvailable', '5100', 'RON', { creditLimitIncluded: true })] });
    expect(currencyTotals(h.db)[0]?.accounts).toEqual([{ accountId: RON, type: 'closingBooked', amount: '100', referenceDate: '2027-03-10' }]);
  });

  it('leaves out an account no live connection grants', () => {
    h.connect('gone', [grant('RO11CECE0000000000000009:RON')]);
    h.sync('RO11CECE0000000000000009:RON', [], { balances: [bal('closingBooked', '50')] });
    h.connections.delete('gone');
    expect(currencyTotals(h.db)).toEqual([]);
  });
});

describe('balanceHistory', () => {
  it('gives one point per reference day, oldest first, closingBooked by default, and names the other types', () => {
    h.sync(RON, [], { balances: [bal('closingBooked', '10.1', 'RON', { referenceDate: '2027-03-02' }), bal('interimAvailable', '9')], today: '2027-03-03' });
    h.sync(RON, [], { balances: [bal('closingBooked', '90071992547.409921', 'RON', { referenceDate: '2027-03-01' })] });
    h.sync(RON, [], { balances: [bal('closingBooked', '12', 'RON', { referenceDate: '2027-03-02' })] });
    expect(balanceHistory(h.db, { accountId: RON })).toEqual({
      accountId: RON, currency: 'RON', type: 'closingBooked', types: ['closingBooked', 'interimAvailable'],
      points: [{ date: '2027-03-01', amount: '90071992547.409921' }, { date: '2027-03-02', amount: '12' }],
    });
    expect(balanceHistory(h.db, { accountId: RON, type: 'interimAvailable', dateFrom: '2027-03-03' }).points).toEqual([{ date: '2027-03-03', amount: '9' }]);
  });

  it('answers an account with no balance with no points, and refuses an account it does not show', () => {
    expect(balanceHistory(h.db, { accountId: EUR })).toEqual({ accountId: EUR, currency: 'EUR', types: [], points: [] });
    expect(() => balanceHistory(h.db, { accountId: 'RO00:XXX' })).toThrow(/no account/);
  });
});

describe('monthlyFlows', () => {
  it('sums booked income and spending per month and currency exactly; pending does not count', () => {
    h.sync(RON, [
      tx({ id: 'salary', bookingDate: '2027-01-25', amount: { amount: '90071992547.409921', currency: 'RON' } }),
      tx({ id: 'coffee1', bookingDate: '2027-01-03', amount: { amount: '-0.1', currency: 'RON' } }),
      tx({ id: 'coffee2', bookingDate: '2027-01-31', amount: { amount: '-0.2', currency: 'RON' } }),
      tx({ id: 'feb', bookingDate: '2027-02-01', amount: { amount: '-5', currency: 'RON' } }),
    ], { pending: [tx({ id: 'pending', bookingDate: undefined, valueDate: '2027-01-20', amount: { amount: '-1000', currency: 'RON' } })] });
    h.sync(EUR, [tx({ id: 'eur', bookingDate: '2027-01-10', amount: { amount: '-2.5', currency: 'EUR' } })]);
    expect(monthlyFlows(h.db, {})).toEqual([
      { month: '2027-01', currency: 'EUR', income: '0', spending: '2.5', net: '-2.5' },
      { month: '2027-01', currency: 'RON', income: '90071992547.409921', spending: '0.3', net: '90071992547.109921' },
      { month: '2027-02', currency: 'RON', income: '0', spending: '5', net: '-5' },
    ]);
    expect(monthlyFlows(h.db, { monthFrom: '2027-02', accountIds: [RON] }).map((m) => m.month)).toEqual(['2027-02']);
    expect(monthlyFlows(h.db, { monthTo: '2027-01', accountIds: [EUR] })).toHaveLength(1);
  });
});

describe('counterpartySpending', () => {
  beforeEach(() => {
    h.sync(RON, [
      ...Array.from({ length: 3 }, (_, i) => tx({ id: `k${i}`, counterpartyName: 'KAUFLAND', amount: { amount: '-30000000000.000001', currency: 'RON' } })),
      tx({ id: 'm', counterpartyName: 'Mega Image', amount: { amount: '-90000000000', currency: 'RON' } }),
      tx({ id: 'iban-only', counterpartyName: undefined, counterpartyIban: 'RO66BACX0000001234567890', amount: { amount: '-1', currency: 'RON' } }),
      tx({ id: 'refund', counterpartyName: 'KAUFLAND', amount: { amount: '500', currency: 'RON' } }),
      tx({ id: 'march', bookingDate: '2027-02-01', counterpartyName: 'Old Shop', amount: { amount: '-7', currency: 'RON' } }),
    ]);
    h.sync(EUR, [tx({ id: 'e', counterpartyName: 'Booking', amount: { amount: '-40', currency: 'EUR' } })]);
  });

  it('ranks where the money went per currency, exactly, beyond a float’s digits; money in does not count', () => {
    expect(counterpartySpending(h.db, { limit: 2, dateFrom: '2027-03-01' })).toEqual([
      { counterparty: 'Booking', currency: 'EUR', spending: '40', transactions: 1 },
      { counterparty: 'KAUFLAND', currency: 'RON', spending: '90000000000.000003', transactions: 3 },
      { counterparty: 'Mega Image', currency: 'RON', spending: '90000000000', transactions: 1 },
    ]);
  });

  it('names a counterparty by its IBAN when the bank gave no name, and keeps to the period', () => {
    const ron = counterpartySpending(h.db, { limit: 10, accountIds: [RON] }).map((c) => c.counterparty);
    expect(ron).toEqual(['KAUFLAND', 'Mega Image', 'Old Shop', 'RO66BACX0000001234567890']);
    expect(counterpartySpending(h.db, { limit: 10, dateTo: '2027-02-28' }).map((c) => c.counterparty)).toEqual(['Old Shop']);
  });
});

describe('insight query plans', () => {
  const plan = ({ sql, params }: { sql: string; params: unknown[] }) => queryPlan(h.db, sql, params);

  it('a period of monthly flows or counterparties reads a range of the day index, not the whole table', () => {
    for (const lines of [plan(monthlySql(h.db, { monthFrom: '2027-01', monthTo: '2027-03' })), plan(counterpartySql(h.db, { dateFrom: '2027-01-01', limit: 10 }))]) {
      expect(lines.some((l) => l.includes('SEARCH transactions USING INDEX transactions_by_day (day>? AND day<?)') || l.includes('SEARCH transactions USING INDEX transactions_by_day (day>?)'))).toBe(true);
      expect(lines.filter((l) => /^SCAN transactions\b/.test(l))).toEqual([]);
    }
  });

  it('one account’s monthly flows read that account’s index', () => {
    expect(plan(monthlySql(h.db, { accountIds: [RON] }))[0]).toMatch(/^SEARCH transactions USING INDEX \S+ \(account_id=\?/);
  });
});
