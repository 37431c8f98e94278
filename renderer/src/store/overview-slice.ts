import type { StoredTransaction, TotalsView } from '../../../common/queries.js';
import type { AppError } from '../../../common/result.js';
import type { SliceCreator } from './types.js';
import { tracked } from './ui-slice.js';

/** How many of the newest transactions, across every account, the overview lists. */
export const RECENT_COUNT = 8;

export interface OverviewSlice {
  /** Per currency, what the person holds (`insights:totals`); null until read. */
  totals: TotalsView | null;
  totalsError: AppError | null;
  /** The newest stored transactions of every account; null until read. */
  recent: StoredTransaction[] | null;
  recentError: AppError | null;
  /** Reads the totals and the newest transactions from the local copy again. */
  loadOverview(): Promise<void>;
}

export const createOverviewSlice: SliceCreator<OverviewSlice> = ({ bridge }) => (set) => {
  // A sync finishing while an earlier read is out starts a second one: only the newest counts.
  let latest = 0;
  return {
    totals: null,
    totalsError: null,
    recent: null,
    recentError: null,
    async loadOverview() {
      const ticket = ++latest;
      // Quiet: each failure is shown where its figures would be, not as the app's last error.
      const [totals, recent] = await Promise.all([
        tracked(set, 'totals', () => bridge.invoke('insights:totals', {}), { quiet: true }),
        tracked(set, 'recent', () => bridge.invoke('transactions:query', { limit: RECENT_COUNT }), { quiet: true }),
      ]);
      if (ticket !== latest) return;
      set({
        ...(totals.ok ? { totals: totals.value, totalsError: null } : { totalsError: totals.error }),
        ...(recent.ok ? { recent: recent.value.transactions, recentError: null } : { recentError: recent.error }),
      });
    },
  };
};
