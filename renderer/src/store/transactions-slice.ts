import type { Transaction } from '../../../common/domain.js';
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

export interface TransactionList {
  /** The pages loaded so far, newest first as the bank sends them. */
  transactions: Transaction[];
  /** Core's cursor to the next page; absent on the last. */
  cursor?: string;
  /** How many items of the pages loaded so far could not be read. */
  skipped: number;
  loading: boolean;
  error: AppError | null;
}

export interface TransactionsSlice {
  selectedAccount: AccountRef | null;
  transactionLists: Record<string, TransactionList>;
  /** Shows an account; its first page loads unless already there. */
  selectAccount(ref: AccountRef): Promise<void>;
  loadTransactions(ref: AccountRef, more?: boolean): Promise<void>;
}

type ListsState = Pick<AppState, 'transactionLists' | 'selectedAccount'>;

/** The state without the lists (and selection) of the connections `gone` names. */
export function dropTransactionsOf(state: ListsState, gone: (connectionId: string) => boolean): ListsState {
  const kept = Object.entries(state.transactionLists).filter(([key]) => !gone(key.slice(0, key.indexOf('/'))));
  const selected = state.selectedAccount;
  return { transactionLists: Object.fromEntries(kept), selectedAccount: selected !== null && gone(selected.connectionId) ? null : selected };
}

const empty: TransactionList = { transactions: [], skipped: 0, loading: false, error: null };

export const createTransactionsSlice: SliceCreator<TransactionsSlice> = ({ bridge }) => (set, get) => {
  const patch = (key: string, change: Partial<TransactionList>) =>
    set((s) => ({ transactionLists: { ...s.transactionLists, [key]: { ...(s.transactionLists[key] ?? empty), ...change } } }));

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
      patch(key, { loading: true, error: null });
      const result = await tracked(
        set,
        `transactions:${key}`,
        () => bridge.invoke('transactions:list', { ...ref, bookingStatus: 'both', ...(cursor === undefined ? {} : { cursor }) }),
        { quiet: true }, // shown beside the list, where it happened
      );
      if (get().transactionLists[key] === undefined) return; // the connection went away meanwhile
      if (!result.ok) return patch(key, { loading: false, error: result.error });
      const list: TransactionList = {
        transactions: more ? [...current.transactions, ...result.value.transactions] : result.value.transactions,
        skipped: (more ? current.skipped : 0) + result.value.skipped.length,
        loading: false,
        error: null,
      };
      if (result.value.cursor !== undefined) list.cursor = result.value.cursor;
      set((s) => ({ transactionLists: { ...s.transactionLists, [key]: list } }));
    },
  };
};
