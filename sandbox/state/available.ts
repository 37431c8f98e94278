import type { BankAccount } from './types.js';

/**
 * What the account can still pay: the booked balance, less pending holds, plus any credit limit.
 * One figure for `interimAvailable`, funds confirmation and settlement, so they never disagree.
 */
export function availableMinor(account: BankAccount): number {
  const pending = account.transactions.reduce((sum, t) => (t.status === 'pending' ? sum + t.amountMinor : sum), 0);
  return account.balanceMinor + pending + (account.creditLimitMinor ?? 0);
}
