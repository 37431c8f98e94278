import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A chart with its words: a heading, a one-sentence description read with it, and the same
 * figures as a table (exact amounts, each a link to its transactions) for keyboards and screen
 * readers; the bars only draw what the table says.
 */
export function ChartFigure({ title, description, chart, table, empty }: { title: string; description: string; chart: ReactNode; table: ReactNode; empty: boolean }) {
  const { t } = useTranslation('insights');
  const headingId = useId();
  const descriptionId = useId();
  return (
    <section className="panel chart-figure" aria-labelledby={headingId} aria-describedby={descriptionId}>
      <h2 id={headingId}>{title}</h2>
      <p id={descriptionId} className="hint">{description}</p>
      {empty ? <p className="empty">{t('empty')}</p> : (
        <>
          <div className="chart-area">{chart}</div>
          <details className="chart-table">
            <summary>{t('showTable')}</summary>
            {table}
          </details>
        </>
      )}
    </section>
  );
}
