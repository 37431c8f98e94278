import type { AppState } from './types.js';
import { accountKey, type AccountRef, type TransactionList } from './transactions-slice.js';
import type { BusyKey } from './ui-slice.js';

/** Selectors the components read through; list-returning ones go with `useShallow`. */
export const selectConnectionIds = (s: AppState) => s.connections.map((c) => c.id);
export const selectConnection = (id: string) => (s: AppState) => s.connections.find((c) => c.id === id);
export const selectAccountsOf = (connectionId: string) => (s: AppState) => s.accounts.filter((a) => a.connectionId === connectionId);
export const selectFailureOf = (connectionId: string) => (s: AppState) => s.accountFailures.find((f) => f.connectionId === connectionId);
/** How many accounts (cards included) or balances of a connection could not be read. */
/** What an unreadable item was, from the list it sat in: an account list, a report, or balances. */
export const skippedKind = (list: string): 'account' | 'transaction' | 'balance' =>
  list === 'accounts' || list === 'cardAccounts' ? 'account' : list === 'booked' || list === 'pending' ? 'transaction' : 'balance';

export const selectSkippedOf = (connectionId: string, what: 'account' | 'balance' | 'transaction') => (s: AppState) =>
  s.accountsSkipped.filter((k) => k.connectionId === connectionId && skippedKind(k.list) === what).length;
export const selectBusy = (key: BusyKey) => (s: AppState) => s.busy[key] === true;

export const selectSelectedAccount = (s: AppState) => {
  const ref = s.selectedAccount;
  return ref === null ? undefined : s.accounts.find((a) => a.connectionId === ref.connectionId && a.id === ref.accountId);
};

export const selectTransactionList = (ref: AccountRef | null) => (s: AppState): TransactionList | undefined =>
  ref === null ? undefined : s.transactionLists[accountKey(ref)];

export const isSelected = (ref: AccountRef) => (s: AppState) =>
  s.selectedAccount?.connectionId === ref.connectionId && s.selectedAccount.accountId === ref.accountId;
