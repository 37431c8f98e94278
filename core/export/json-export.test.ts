import { describe, expect, it } from 'vitest';
import { booked, card, collectingSink, currentAccount, fingerprinted, rowsOf } from '../../test/helpers/export-rows.js';
import { exportJson } from './json-export.js';

describe('exportJson', () => {
  it('writes every transaction with the fields of issue 9, amounts exact as text', () => {
    const { sink, text } = collectingSink();
    const rows = rowsOf(currentAccount, [
      booked('T1', '10000000000000000.01'),
      booked('T2', '-1234567890123.45', { status: 'pending', bookingDate: undefined, counterpartyName: undefined }),
    ]);
    expect(exportJson(rows, sink)).toEqual({ written: 2, leftOut: 0 });
    const parsed = JSON.parse(text());
    expect(parsed).toEqual([
      {
        accountId: 'acc-ron', accountIban: 'RO49AAAA1B31007593840000', maskedPan: null, currency: 'RON',
        bankTransactionId: 'T1', status: 'booked', bookingDate: '2024-03-05', valueDate: '2024-03-04',
        amount: '10000000000000000.01', counterpartyName: 'Kaufland România', counterpartyIban: 'RO13RNCB0000000000000001',
        remittance: 'Cumpărături', category: null,
      },
      expect.objectContaining({ bankTransactionId: 'T2', status: 'pending', bookingDate: null, counterpartyName: null, amount: '-1234567890123.45' }),
    ]);
    // A float could not carry it: the text is what reaches the reader.
    expect(Number(parsed[0].amount).toString()).not.toBe('10000000000000000.01');
  });

  it('writes the currency’s decimals without rounding anything away', () => {
    const { sink, text } = collectingSink();
    exportJson(rowsOf(currentAccount, [booked('A', '-102.5'), booked('B', '7'), booked('C', '0.125'), booked('J', '100', {}, 'JPY')]), sink);
    expect(JSON.parse(text()).map((r: any) => r.amount)).toEqual(['-102.50', '7.00', '0.125', '100']);
  });

  it('leaves bankTransactionId null when the id is our fingerprint, not the bank’s', () => {
    const { sink, text } = collectingSink();
    const [t] = fingerprinted([{ accountId: 'acc-ron', status: 'booked', bookingDate: '2024-03-05', amount: { amount: '-5', currency: 'RON' } }]);
    exportJson(rowsOf(currentAccount, [t!]), sink);
    expect(t!.id.startsWith('fp:')).toBe(true);
    expect(JSON.parse(text())[0].bankTransactionId).toBeNull();
  });

  it('gives a card’s masked PAN and, when known, its IBAN', () => {
    const { sink, text } = collectingSink();
    exportJson(rowsOf(card, [booked('C1', '-20')]), sink);
    expect(JSON.parse(text())[0]).toMatchObject({ accountId: 'card-1', maskedPan: '525412******3241', accountIban: 'RO09BCYP0000001234567890' });
  });

  it('writes an empty array for no rows', () => {
    const { sink, text } = collectingSink();
    expect(exportJson([], sink)).toEqual({ written: 0, leftOut: 0 });
    expect(text()).toBe('[]\n');
  });
});
