import type { AccountsView } from '../../../common/contract.js';
import type { StoredAccount } from '../../../common/queries.js';
import type { SliceCreator } from './types.js';
import { tracked } from './ui-slice.js';

export interface AccountsSlice {
  /** From the local copy: every account of the person's connections, with its stored balances and last sync. */
  accounts: StoredAccount[];
  /** Connections whose last sync failed, with the state to show; their stored accounts still show. */
  accountFailures: AccountsView['failures'];
  /** Accounts, cards or balances the bank listed that could not be read, by connection. */
  accountsSkipped: AccountsView['skipped'];
  accountsLoaded: boolean;
  loadAccounts(): Promise<void>;
}

export const createAccountsSlice: SliceCreator<AccountsSlice> = ({ bridge }) => (set) => {
  // A connect finishing while the first load runs starts a second one; only the newest counts.
  let latest = 0;
  return {
    accounts: [],
    accountFailures: [],
    accountsSkipped: [],
    accountsLoaded: false,
    async loadAccounts() {
      const ticket = ++latest;
      const result = await tracked(set, 'accounts', () => bridge.invoke('accounts:list', {}));
      if (ticket !== latest || !result.ok) return;
      set({ accounts: result.value.accounts, accountFailures: result.value.failures, accountsSkipped: result.value.skipped, accountsLoaded: true });
    },
  };
};
