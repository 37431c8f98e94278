import { describe, expect, it } from 'vitest';
import { skippedKind } from './selectors.js';

describe('skippedKind', () => {
  it('tells unreadable accounts, transactions of a stored report and balances apart by their list', () => {
    expect(['accounts', 'cardAccounts', 'booked', 'pending', 'balances', 'accounts[0].balances'].map(skippedKind))
      .toEqual(['account', 'account', 'transaction', 'transaction', 'balance', 'balance']);
  });
});
