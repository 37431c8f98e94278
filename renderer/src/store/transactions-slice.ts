import type { StoredTransaction } from '../../../common/queries.js';
import type { AppError } from '../../../common/result.js';
import type { AppState, SliceCreator } from './types.js';
import { tracked } from './ui-slice.js';

/** An account is named by its connection too: the same IBAN may sit under two consents. */
export interface AccountRef {
  connectionId: string;
  accountId: string;
}

/** Connection ids cannot hold '/', so the key splits back unambiguously. */
export const accountKey = ({ connectionId, accountId }: AccountRef): string => `${connectionId}/${accountId}`;

/** Rows per page of an account's list: a screenful and some, small enough to come at once. */
export const TRANSACTIONS_PAGE = 50;

export interface TransactionList {
  /** The pages loaded so far from the local copy, newest day first (pending where their day puts them). */
  transactions: StoredTransaction[];
  /** The store's keyset cursor to the next page; absent on the last. */
  cursor?: string;
  /** When the account was last synced; absent before its first sync. */
  syncedAt?: string;
  loading: boolean;
  error: AppError | null;
}

export interface TransactionsSlice {
  selectedAccount: AccountRef | null;
  transactionLists: Record<string, TransactionList>;
  /** Shows an account; its first page loads unless already there. */
  selectAccount(ref: AccountRef): Promise<void>;
  loadTransactions(ref: AccountRef, more?: boolean): Promise<void>;
  /** After a sync: the loaded lists are stale; the selected one loads its first page again, the others when next shown. */
  reloadTransactions(): Promise<void>;
}

type ListsState = Pick<AppState, 'transactionLists' | 'selectedAccount'>;

/** The state without the lists (and selection) of the connections `gone` names. */
export function dropTransactionsOf(state: ListsState, gone: (connectionId: string) => boolean): ListsState {
  const kept = Object.entries(state.transactionLists).filter(([key]) => !gone(key.slice(0, key.indexOf('/'))));
  const selected = state.selectedAccount;
  return { transactionLists: Object.fromEntries(kept), selectedAccount: selected !== null && gone(selected.connectionId) ? null : selected };
}

const empty: TransactionList = { transactions: [], loading: false, error: null };

export const createTransactionsSlice: SliceCreator<TransactionsSlice> = ({ bridge }) => (set, get) => {
  const patch = (key: string, change: Partial<TransactionList>) =>
    set((s) => ({ transactionLists: { ...s.transactionLists, [key]: { ...(s.transactionLists[key] ?? empty), ...change } } }));

  // Bumped when the lists are dropped after a sync: an answer to a request made before is stale.
  let generation = 0;

  return {
    selectedAccount: null,
    transactionLists: {},

    async selectAccount(ref) {
      set({ selectedAccount: ref });
      const list = get().transactionLists[accountKey(ref)];
      if (list === undefined || (list.error !== null && !list.loading)) await get().loadTransactions(ref);
    },

    async loadTransactions(ref, more = false) {
      const key = accountKey(ref);
      const current = get().transactionLists[key] ?? empty;
      if (current.loading || (more && current.cursor === undefined)) return;
      const cursor = more ? current.cursor : undefined;
      const asked = generation;
      patch(key, { loading: true, error: null });
      const result = await tracked(
        set,
        `transactions:${key}`,
        () => bridge.invoke('transactions:query', { accountIds: [ref.accountId], limit: TRANSACTIONS_PAGE, ...(cursor === undefined ? {} : { cursor }) }),
        { quiet: true }, // shown beside the list, where it happened
      );
      if (asked !== generation || get().transactionLists[key] === undefined) return; // a sync or a removal came meanwhile
      if (!result.ok) return patch(key, { loading: false, error: result.error });
      const list: TransactionList = {
        transactions: more ? [...current.transactions, ...result.value.transactions] : result.value.transactions,
        loading: false,
        error: null,
      };
      if (result.value.cursor !== undefined) list.cursor = result.value.cursor;
      if (result.value.syncedAt !== undefined) list.syncedAt = result.value.syncedAt;
      set((s) => ({ transactionLists: { ...s.transactionLists, [key]: list } }));
    },

    async reloadTransactions() {
      const selected = get().selectedAccount;
      generation += 1;
      set({ transactionLists: {} });
      if (selected !== null) await get().loadTransactions(selected);
    },
  };
};
