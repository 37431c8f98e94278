import { describe, expect, it } from 'vitest';
import { fingerprintTransactions, type TransactionDraft } from './transaction-fingerprint.js';

const coffee: TransactionDraft = {
  accountId: 'DE2310010010123456789:EUR', status: 'booked', bookingDate: '2017-10-25', valueDate: '2017-10-25',
  amount: { amount: '-3.5', currency: 'EUR' }, counterpartyName: 'Café Einstein', remittance: 'Kaffee',
};

describe('fingerprintTransactions', () => {
  it('keeps the bank id where there is one', () => {
    expect(fingerprintTransactions([{ ...coffee, id: 'bank-1' }])).toEqual([{ ...coffee, id: 'bank-1' }]);
  });

  it('gives identical twins the same hash and occurrences 0 and 1, so both stay', () => {
    const [a, b] = fingerprintTransactions([coffee, { ...coffee }]).map((t) => t.id) as [string, string];
    expect(a).toMatch(/^fp:[0-9a-f]{32}:0$/);
    expect(b).toBe(a.replace(/:0$/, ':1'));
  });

  it('is deterministic: the same content gives the same id on every run', () => {
    expect(fingerprintTransactions([coffee])[0]?.id).toBe(fingerprintTransactions([{ ...coffee }])[0]?.id);
  });

  it('does not count items with a bank id as occurrences', () => {
    const ids = fingerprintTransactions([{ ...coffee, id: 'x' }, coffee]).map((t) => t.id);
    expect(ids[1]).toMatch(/:0$/);
  });

  it.each([
    ['account', { accountId: 'other:EUR' }],
    ['status', { status: 'pending' as const }],
    ['booking date', { bookingDate: '2017-10-26' }],
    ['value date', { valueDate: '2017-10-26' }],
    ['amount', { amount: { amount: '-3.6', currency: 'EUR' } }],
    ['currency', { amount: { amount: '-3.5', currency: 'RON' } }],
    ['counterparty', { counterpartyName: 'Café Kranzler' }],
    ['counterparty IBAN', { counterpartyIban: 'DE89370400440532013000' }],
    ['remittance', { remittance: 'Tee' }],
    ['bank transaction code', { bankTransactionCode: 'PMNT-CCRD-POSD' }],
  ])('changes with the %s', (_name, change) => {
    const [base, changed] = fingerprintTransactions([coffee, { ...coffee, ...change }]).map((t) => t.id) as [string, string];
    expect(changed.slice(0, -2)).not.toBe(base.slice(0, -2));
    expect(changed).toMatch(/:0$/);
  });

  it('does not confuse a field ending where the next begins', () => {
    const [a, b] = fingerprintTransactions([
      { ...coffee, counterpartyName: 'Café Einstein Kaffee', remittance: undefined },
      { ...coffee, counterpartyName: 'Café Einstein', remittance: 'Kaffee' },
    ]).map((t) => t.id) as [string, string];
    expect(a.slice(0, -2)).not.toBe(b.slice(0, -2));
  });
});
