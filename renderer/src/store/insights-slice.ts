import type { CategoriesInsightView } from '../../../common/categories.js';
import type { CounterpartiesView, MonthlyView } from '../../../common/queries.js';
import type { SliceCreator } from './types.js';
import { tracked } from './ui-slice.js';

/** What the Insights screen asks: the accounts (none: all) and a period of whole days. */
export interface InsightsQuery {
  accountIds?: string[];
  dateFrom: string;
  dateTo: string;
}

export interface InsightsData {
  /** The query these answers are for, as a key: an answer to an older query is dropped. */
  key: string;
  monthly: MonthlyView | null;
  categories: CategoriesInsightView | null;
  counterparties: CounterpartiesView | null;
}

export interface InsightsSlice {
  insights: InsightsData | null;
  loadInsights(query: InsightsQuery): Promise<void>;
}

export const insightsKey = (q: InsightsQuery): string => JSON.stringify([q.accountIds ?? [], q.dateFrom, q.dateTo]);

/** How many counterparties the chart shows per currency. */
const TOP_COUNTERPARTIES = 10;

export const createInsightsSlice: SliceCreator<InsightsSlice> = ({ bridge }) => (set) => {
  // The query asked last: the person may choose another period while answers are on their way.
  let wanted = '';
  return {
  insights: null,
  async loadInsights(query) {
    const key = insightsKey(query);
    wanted = key;
    const accounts = query.accountIds === undefined || query.accountIds.length === 0 ? {} : { accountIds: query.accountIds };
    const [monthly, categories, counterparties] = await Promise.all([
      tracked(set, 'insights', () => bridge.invoke('insights:monthly', { ...accounts, monthFrom: query.dateFrom.slice(0, 7), monthTo: query.dateTo.slice(0, 7) })),
      tracked(set, 'insights', () => bridge.invoke('insights:categories', { ...accounts, dateFrom: query.dateFrom, dateTo: query.dateTo })),
      tracked(set, 'insights', () => bridge.invoke('insights:counterparties', { ...accounts, dateFrom: query.dateFrom, dateTo: query.dateTo, limit: TOP_COUNTERPARTIES })),
    ]);
    if (wanted !== key) return;
    set({
      insights: {
        key,
        monthly: monthly.ok ? monthly.value : null,
        categories: categories.ok ? categories.value : null,
        counterparties: counterparties.ok ? counterparties.value : null,
      },
    });
  },
  };
};
