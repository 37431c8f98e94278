import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TransactionFilter } from '../../common/index.js';
import { EUR, grant, RON, storedHistory, tx, type StoredHistory } from '../../test/helpers/stored-history.js';
import { countTransactions } from './transaction-count.js';
import { queryTransactions } from './transaction-queries.js';

let h: StoredHistory;
beforeEach(() => {
  h = storedHistory();
  h.connect('c1', [grant(RON), grant(EUR)]);
});
afterEach(() => h.close());

/** What the list shows for a filter: every row of each section, following its cursors. */
function listed(filter: TransactionFilter): { booked: number; pending: number } {
  const rows = (status: 'booked' | 'pending') => {
    let n = 0;
    let cursor: string | undefined;
    do {
      const page = queryTransactions(h.db, { filter: { ...filter, status }, sort: 'date', order: 'desc', limit: 3, ...(cursor === undefined ? {} : { cursor }) });
      n += page.transactions.length;
      cursor = page.cursor;
    } while (cursor !== undefined);
    return n;
  };
  return { booked: filter.status === 'pending' ? 0 : rows('booked'), pending: filter.status === 'booked' ? 0 : rows('pending') };
}

const FILTERS: TransactionFilter[] = [
  { text: 'kaufland' },
  { text: 'kauf' },
  { text: 'kaufland', status: 'booked' },
  { text: 'kaufland', status: 'pending' },
  { text: 'kaufland', amountMin: '-20' },
  { text: 'kaufland', amountMax: '-20' },
  { text: 'kaufland', direction: 'in' },
  { text: 'kaufland', accountIds: [EUR] },
  { text: 'kaufland', dateFrom: '2027-03-02' },
  { text: 'kaufland', dateTo: '2027-03-01' },
  { text: 'kaufland card' },
  { text: 'lidl' },
  { text: 'nimic' },
  { text: '  ' },
  {},
];

describe('countTransactions', () => {
  beforeEach(() => {
    h.sync(RON, [
      tx({ id: 'k1', counterpartyName: 'Kaufland București', bookingDate: '2027-03-01', amount: { amount: '-54.50', currency: 'RON' } }),
      tx({ id: 'k2', counterpartyName: 'Kaufland Cluj', remittance: 'Plata card', bookingDate: '2027-03-03', amount: { amount: '-12.00', currency: 'RON' } }),
      tx({ id: 'k3', counterpartyName: 'KAUFLAND', remittance: 'Retur', bookingDate: '2027-03-04', amount: { amount: '20.00', currency: 'RON' } }),
      tx({ id: 'l1', counterpartyName: 'Lidl', bookingDate: '2027-03-02' }),
    ], {
      pending: [
        tx({ id: 'kp1', counterpartyName: 'Kaufland Iași', bookingDate: undefined, valueDate: '2027-03-09', amount: { amount: '-30.00', currency: 'RON' } }),
        tx({ id: 'kp2', counterpartyName: 'Kaufland Iași', bookingDate: undefined, valueDate: '2027-03-09', amount: { amount: '-7.00', currency: 'RON' } }),
      ],
    });
    h.sync(EUR, [tx({ id: 'kw', counterpartyName: 'Kaufland Wien', amount: { amount: '-10.00', currency: 'EUR' } })]);
  });

  it('counts what the list shows, booked and pending apart, for a search alone and with each other filter', () => {
    expect(countTransactions(h.db, { text: 'kaufland' })).toEqual({ booked: 4, pending: 2 });
    for (const filter of FILTERS) expect(countTransactions(h.db, filter), JSON.stringify(filter)).toEqual(listed(filter));
  });

  it('stays exact when a later sync books one pending item and drops the other', () => {
    h.sync(RON, [tx({ id: 'kp1-booked', counterpartyName: 'Kaufland Iași', bookingDate: '2027-03-10', amount: { amount: '-30.00', currency: 'RON' } })], { pending: [], today: '2027-03-11' });
    expect(countTransactions(h.db, { text: 'kaufland' })).toEqual({ booked: 5, pending: 0 });
    for (const filter of FILTERS) expect(countTransactions(h.db, filter), JSON.stringify(filter)).toEqual(listed(filter));
  });

  it('leaves out the matches of an account no live connection grants, as the list does', () => {
    h.connect('c2', [grant('RO11CECE0000000000000003:RON')]);
    h.sync('RO11CECE0000000000000003:RON', [tx({ id: 'gone', counterpartyName: 'Kaufland Brașov' })], { pending: [tx({ id: 'gone-p', counterpartyName: 'Kaufland Brașov' })] });
    expect(countTransactions(h.db, { text: 'kaufland' })).toEqual({ booked: 5, pending: 3 });
    h.connections.delete('c2');
    expect(countTransactions(h.db, { text: 'kaufland' })).toEqual({ booked: 4, pending: 2 });
    for (const filter of FILTERS) expect(countTransactions(h.db, filter), JSON.stringify(filter)).toEqual(listed(filter));
  });
});
