import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { BalanceHistoryView } from '../../../../common/queries.js';
import type { AppError } from '../../../../common/result.js';
import { formatAmount } from '../../../../common/format-money.js';
import { formatDate } from '../../format/date.js';
import { balanceLabel, errorText } from '../../i18n/texts.js';
import { useText } from '../../i18n/use-text.js';
import { useApp } from '../../ui/store-context.js';

interface Point {
  date: string;
  /** The chart's vertical position only: the exact amount (text) is what the tooltip and axis show. */
  y: number;
  amount: string;
}

/** One account's balance by day, of the type chosen (closingBooked first, as core chooses). */
export function BalanceChart({ accountId }: { accountId: string }) {
  const read = useApp((s) => s.ledgerRead);
  const version = useApp((s) => s.ledgerVersion);
  const text = useText();
  const { t } = useTranslation(['account']);
  const typeId = useId();
  const [type, setType] = useState<string | undefined>(undefined);
  const [view, setView] = useState<BalanceHistoryView | { error: AppError } | null>(null);
  useEffect(() => {
    let current = true;
    void read('insights:balance-history', { accountId, ...(type === undefined ? {} : { type }) }).then((r) => {
      if (current) setView(r.ok ? r.value : { error: r.error });
    });
    return () => {
      current = false;
    };
  }, [read, accountId, type, version]);

  if (view === null) return <p className="hint chart-box">{t('chartLoading')}</p>;
  if ('error' in view) return <p className="failure">{errorText(text, view.error)}</p>;
  const points: Point[] = view.points.map((p) => ({ date: p.date, y: Number(p.amount), amount: p.amount }));
  const money = (amount: string) => formatAmount(amount, view.currency, { locale: text.locale });
  return (
    <div className="balance-chart">
      {view.types.length > 1 && (
        <div className="field">
          <label htmlFor={typeId}>{t('chartType')}</label>
          <select id={typeId} value={view.type ?? ''} onChange={(e) => setType(e.target.value)}>
            {view.types.map((ty) => <option key={ty} value={ty}>{balanceLabel(text, ty)}</option>)}
          </select>
        </div>
      )}
      {points.length < 2 ? (
        <p className="hint chart-box">{t('chartEmpty')}</p>
      ) : (
        <div className="chart-box" role="img" aria-label={`${t('chart')}: ${formatDate(points[0]?.date, text.locale)} ${money(points[0]?.amount ?? '0')} – ${formatDate(points.at(-1)?.date, text.locale)} ${money(points.at(-1)?.amount ?? '0')}`}>
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
              <CartesianGrid stroke="var(--line)" strokeDasharray="3 3" />
              <XAxis dataKey="date" tickFormatter={(d: string) => formatDate(d, text.locale)} stroke="var(--muted)" minTickGap={24} />
              <YAxis dataKey="y" stroke="var(--muted)" width={90} tickFormatter={(y: number) => new Intl.NumberFormat(text.locale, { maximumFractionDigits: 0 }).format(y)} />
              <Tooltip
                labelFormatter={(d) => formatDate(String(d), text.locale)}
                formatter={(_y, _name, item) => [money((item.payload as Point).amount), balanceLabel(text, view.type ?? '')]}
                contentStyle={{ background: 'var(--surface)', border: '1px solid var(--line)', color: 'var(--text)' }}
              />
              <Line type="stepAfter" dataKey="y" stroke="var(--accent)" strokeWidth={2} dot={false} isAnimationActive={false} />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </div>
  );
}
