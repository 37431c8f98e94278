import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../../../../common/format-money.js';
import type { MonthlyFlow } from '../../../../common/queries.js';
import { useLocale } from '../../i18n/use-text.js';
import { ChartFigure } from './chart-figure.js';
import { ChartTooltip } from './chart-tooltip.js';
import { axisTick, monthLabel } from './chart-format.js';
import { monthEnd, transactionsHref, type InsightsPeriod } from './period.js';

/** Income beside spending, month by month, in one currency; a bar opens that month's transactions of its direction. */
export function MonthlyChart({ months, currency, period }: { months: MonthlyFlow[]; currency: string; period: InsightsPeriod }) {
  const { t } = useTranslation('insights');
  const locale = useLocale();
  const navigate = useNavigate();
  // Oldest month on the left, as a timeline reads, whatever order the answer lists them in.
  const rows = months.filter((m) => m.currency === currency).sort((a, b) => a.month.localeCompare(b.month));
  const money = (amount: string) => formatMoney({ amount, currency }, { locale });
  const href = (m: MonthlyFlow, direction: 'in' | 'out') =>
    transactionsHref({ dateFrom: `${m.month}-01`, dateTo: monthEnd(m.month), direction, ...(period.account === undefined ? {} : { account: period.account }) });
  // Numbers for the bars' lengths only; every figure shown is the exact decimal text.
  const data = rows.map((m) => ({ label: monthLabel(m.month, locale), income: Number(m.income), spending: Number(m.spending), flow: m }));
  // The bar's own row: recharts hands back the datum it drew.
  const open = (direction: 'in' | 'out') => (bar: { payload?: { flow?: MonthlyFlow } }) => {
    const row = bar.payload?.flow;
    if (row !== undefined) void navigate(href(row, direction));
  };

  return (
    <ChartFigure
      title={t('monthly.title')}
      description={t('monthly.description', { currency })}
      empty={rows.length === 0}
      chart={(
        <ResponsiveContainer width="100%" height={280} initialDimension={{ width: 640, height: 280 }}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }}>
            <CartesianGrid vertical={false} className="chart-grid" />
            <XAxis dataKey="label" />
            <YAxis tickFormatter={(v: number) => axisTick(v, locale)} width={72} />
            <Tooltip
              cursor={{ className: 'chart-cursor' }}
              content={({ active, payload, label }) => {
                const flow = (payload?.[0]?.payload as { flow?: MonthlyFlow } | undefined)?.flow;
                return <ChartTooltip active={active} label={String(label ?? '')} lines={flow === undefined ? undefined : [
                  { name: t('monthly.income'), value: money(flow.income) },
                  { name: t('monthly.spending'), value: money(flow.spending) },
                  { name: t('monthly.net'), value: money(flow.net) },
                ]} />;
              }}
            />
            <Bar dataKey="income" name={t('monthly.income')} className="bar-income" cursor="pointer" onClick={open('in')} isAnimationActive={false} />
            <Bar dataKey="spending" name={t('monthly.spending')} className="bar-spending" cursor="pointer" onClick={open('out')} isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      )}
      table={(
        <table className="insights-table">
          <thead><tr><th scope="col">{t('monthly.month')}</th><th scope="col">{t('monthly.income')}</th><th scope="col">{t('monthly.spending')}</th><th scope="col">{t('monthly.net')}</th></tr></thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.month}>
                <th scope="row">{monthLabel(m.month, locale)}</th>
                <td className="amount"><a href={`#${href(m, 'in')}`}>{money(m.income)}</a></td>
                <td className="amount"><a href={`#${href(m, 'out')}`}>{money(m.spending)}</a></td>
                <td className="amount">{money(m.net)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  );
}
