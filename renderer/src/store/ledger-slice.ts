import type { MethodInput, MethodName, MethodOutput } from '../../../common/contract.js';
import type { Result } from '../../../common/result.js';
import type { SliceCreator } from './types.js';

/** The reads whose answers a screen keeps itself: a virtualised list's pages, a chart's points, an export's file, a drawer's details. */
export type LedgerMethod = 'transactions:first-pages' | 'transactions:query' | 'transactions:count' | 'transactions:export' | 'transactions:details' | 'insights:balance-history';

export interface LedgerSlice {
  /**
   * Bumped when the local copy changed (a sync ended): lists and charts that keep their own
   * pages read them again. Their pages live with the list that shows them, not in the store:
   * a hundred thousand rows are held once, by the one list scrolling through them.
   */
  ledgerVersion: number;
  ledgerRead<M extends LedgerMethod>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  ledgerChanged(): void;
}

export const createLedgerSlice: SliceCreator<LedgerSlice> = ({ bridge }) => (set) => ({
  ledgerVersion: 0,
  ledgerRead: <M extends LedgerMethod>(method: M, input: MethodInput<M>) => bridge.invoke<M & MethodName>(method, input),
  ledgerChanged: () => set((s) => ({ ledgerVersion: s.ledgerVersion + 1 })),
});
