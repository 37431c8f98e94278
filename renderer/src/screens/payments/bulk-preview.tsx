import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkColumn, BulkPreview } from '../../../../common/contract-bulk-preview.js';
import { formatMoney } from '../../../../common/format-money.js';
import { useLocale } from '../../i18n/use-text.js';
import { bulkProblemLine } from './bulk-problem-texts.js';

const COLUMNS: BulkColumn[] = ['creditorName', 'creditorIban', 'amount', 'currency', 'details', 'endToEndId'];

/**
 * A bulk CSV as core read it: the count and total, every problem with its row and column in the
 * person's language, then each row with its cells, the faulty ones marked. `notice` sits between
 * the problems and the table (the screen's account check).
 */
export function BulkPreviewView({ preview, notice }: { preview: BulkPreview; notice?: ReactNode }) {
  const { t } = useTranslation(['payments', 'common']);
  const locale = useLocale();
  const line = (p: BulkPreview['problems'][number]) => bulkProblemLine(t, p, locale);
  return (
    <>
      <p>{t('bulk.rows', { count: preview.rows.length })}{preview.total !== undefined ? ` · ${t('bulk.total', { total: formatMoney(preview.total, { locale }) })}` : ''}</p>
      {preview.problems.length > 0 ? (
        <div role="alert" className="bulk-problems">
          <p className="error">{t('bulk.invalid', { count: preview.problems.length })}</p>
          <ul>{preview.problems.map((p, i) => <li key={i}>{line(p)}</li>)}</ul>
        </div>
      ) : null}
      {notice}
      <table className="payments-table bulk-preview">
        <thead><tr><th>{t('bulk.row')}</th>{COLUMNS.map((c) => <th key={c}>{t(`bulk.column.${c}`)}</th>)}<th>{t('bulk.problems')}</th></tr></thead>
        <tbody>
          {preview.rows.map((r) => (
            <tr key={r.row} className={r.problems.length > 0 ? 'failed' : undefined}>
              <td>{r.row}</td>
              {COLUMNS.map((c) => <td key={c} className={r.problems.some((p) => p.column === c) ? 'cell-problem' : undefined}>{r.cells[c] ?? ''}</td>)}
              <td>{r.problems.map(line).join(' ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
