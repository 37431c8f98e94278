import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatMoney } from '../../../../common/format-money.js';
import { useLocale } from '../../i18n/use-text.js';
import { ChartFigure } from './chart-figure.js';
import { ChartTooltip } from './chart-tooltip.js';
import { axisTick } from './chart-format.js';

/** One bar: what it names, the exact amount, how many transactions, and the list it opens. */
export interface RankedRow {
  key: string;
  label: string;
  amount: string;
  transactions: number;
  href: string;
}

const ROW_HEIGHT = 32;

/** Spending ranked, largest first, as horizontal bars (names stay readable); a bar opens its transactions. */
export function RankedChart({ title, description, nameHeading, rows, currency }: { title: string; description: string; nameHeading: string; rows: RankedRow[]; currency: string }) {
  const { t } = useTranslation('insights');
  const locale = useLocale();
  const navigate = useNavigate();
  const money = (amount: string) => formatMoney({ amount, currency }, { locale });
  // Numbers for the bars' lengths only; the figures shown are the exact decimal texts.
  const data = rows.map((r) => ({ label: r.label, amount: Number(r.amount), row: r }));
  const height = Math.max(120, rows.length * ROW_HEIGHT + 40);

  return (
    <ChartFigure
      title={title}
      description={description}
      empty={rows.length === 0}
      chart={(
        <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 640, height }}>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
            <CartesianGrid horizontal={false} className="chart-grid" />
            <XAxis type="number" tickFormatter={(v: number) => axisTick(v, locale)} />
            <YAxis type="category" dataKey="label" width={180} />
            <Tooltip
              cursor={{ className: 'chart-cursor' }}
              content={({ active, payload }) => {
                const row = (payload?.[0]?.payload as { row?: RankedRow } | undefined)?.row;
                return <ChartTooltip active={active} label={row?.label} lines={row === undefined ? undefined : [
                  { name: t('spending'), value: money(row.amount) },
                  { name: t('transactions'), value: String(row.transactions) },
                ]} />;
              }}
            />
            <Bar
              dataKey="amount"
              name={t('spending')}
              className="bar-spending"
              cursor="pointer"
              isAnimationActive={false}
              onClick={(bar: { payload?: { row?: RankedRow } }) => {
                const row = bar.payload?.row;
                if (row !== undefined) void navigate(row.href);
              }}
            />
          </BarChart>
        </ResponsiveContainer>
      )}
      table={(
        <table className="insights-table">
          <thead><tr><th scope="col">{nameHeading}</th><th scope="col">{t('spending')}</th><th scope="col">{t('transactions')}</th></tr></thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row">{r.label}</th>
                <td className="amount"><a href={`#${r.href}`}>{money(r.amount)}</a></td>
                <td className="amount">{r.transactions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    />
  );
}
