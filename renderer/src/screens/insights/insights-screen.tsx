import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useApp, useAppList } from '../../ui/store-context.js';
import { useCategoriesLoaded, useCategoryName } from '../categories/category-name.js';
import { insightsKey } from '../../store/insights-slice.js';
import { MonthlyChart } from './monthly-chart.js';
import { PeriodControls } from './period-controls.js';
import { readPeriod, transactionsHref, writePeriod, type InsightsPeriod } from './period.js';
import { RankedChart, type RankedRow } from './ranked-chart.js';
import './insights.css';

/** Every currency the answers hold, the person's own first (RON), then by name. */
function currenciesOf(lists: { currency: string }[][]): string[] {
  const all = [...new Set(lists.flat().map((x) => x.currency))];
  return all.sort((a, b) => (a === 'RON' ? -1 : b === 'RON' ? 1 : a.localeCompare(b)));
}

/** Monthly income and spending, spending by category and by counterparty, for a period in the address (issue 10 §6). */
export function InsightsScreen() {
  const { t } = useTranslation(['insights', 'common']);
  useCategoriesLoaded();
  const categoryName = useCategoryName();
  const [params, setParams] = useSearchParams();
  const period = useMemo(() => readPeriod(params, new Date()), [params]);
  const load = useApp((s) => s.loadInsights);
  const insights = useApp((s) => s.insights);
  const loading = useApp((s) => s.busy.insights === true);
  const accounts = useAppList((s) => s.accounts);
  const syncFinished = useApp((s) => s.lastSyncSummary?.runId);

  const query = useMemo(() => ({ dateFrom: period.from, dateTo: period.to, ...(period.account === undefined ? {} : { accountIds: [period.account] }) }), [period.from, period.to, period.account]);
  // Read again after a sync: the local copy changed under the charts.
  useEffect(() => void load(query), [load, query, syncFinished]);

  const change = (next: InsightsPeriod) => setParams(writePeriod(next));
  const current = insights !== null && insights.key === insightsKey(query) ? insights : null;
  const currencies = currenciesOf([current?.monthly?.months ?? [], current?.categories?.categories ?? [], current?.counterparties?.counterparties ?? []]);
  const currency = period.currency !== undefined && currencies.includes(period.currency) ? period.currency : currencies[0];
  const account = period.account === undefined ? {} : { account: period.account };

  const categoryRows: RankedRow[] = (current?.categories?.categories ?? [])
    .filter((c) => c.currency === currency && !/^0+(\.0+)?$/.test(c.spending))
    .map((c) => ({
      key: c.categoryId, label: categoryName(c.categoryId), amount: c.spending, transactions: c.transactions,
      href: transactionsHref({ dateFrom: period.from, dateTo: period.to, direction: 'out', categoryId: c.categoryId, ...account }),
    }));
  const counterpartyRows: RankedRow[] = (current?.counterparties?.counterparties ?? [])
    .filter((c) => c.currency === currency)
    .map((c) => ({
      key: c.counterparty, label: c.counterparty, amount: c.spending, transactions: c.transactions,
      href: transactionsHref({ dateFrom: period.from, dateTo: period.to, direction: 'out', text: c.counterparty, ...account }),
    }));

  return (
    <div className="insights-screen" aria-busy={loading}>
      <h1>{t('heading')}</h1>
      <PeriodControls period={period} accounts={accounts} currencies={currencies} currency={currency} onChange={change} />
      {current === null ? <p className="hint">{t('common:loading')}</p> : currency === undefined ? <p className="empty panel">{t('nothingYet')}</p> : (
        <div className="insights-charts">
          <MonthlyChart months={current.monthly?.months ?? []} currency={currency} period={period} />
          <RankedChart title={t('byCategory.title')} description={t('byCategory.description', { currency })} nameHeading={t('byCategory.name')} rows={categoryRows} currency={currency} />
          <RankedChart title={t('byCounterparty.title')} description={t('byCounterparty.description', { currency })} nameHeading={t('byCounterparty.name')} rows={counterpartyRows} currency={currency} />
        </div>
      )}
    </div>
  );
}
