import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransactionFilter } from '../../../../common/queries.js';
import type { AppError } from '../../../../common/result.js';
import { errorText } from '../../i18n/texts.js';
import { useText } from '../../i18n/use-text.js';
import { useApp } from '../../ui/store-context.js';
import { saveFile } from './save-file.js';

type Outcome = { phase: 'working' } | { phase: 'done'; file: string; written: number; leftOut: number } | { phase: 'failed'; error: AppError };

/** Export of exactly what the list shows (its filter) as CSV or OFX; the outcome is announced. */
export function ExportButtons({ filter }: { filter: TransactionFilter }) {
  const read = useApp((s) => s.ledgerRead);
  const text = useText();
  const { t } = useTranslation(['ledger']);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const run = async (format: 'csv' | 'ofx') => {
    setOutcome({ phase: 'working' });
    const result = await read('transactions:export', { ...filter, format });
    if (!result.ok) return setOutcome({ phase: 'failed', error: result.error });
    saveFile(result.value);
    setOutcome({ phase: 'done', file: result.value.fileName, written: result.value.written, leftOut: result.value.leftOut });
  };
  const busy = outcome?.phase === 'working';
  return (
    <div className="tx-export" role="group" aria-label={t('export.label')}>
      <button type="button" disabled={busy} onClick={() => void run('csv')}>{t('export.csv')}</button>
      <button type="button" disabled={busy} onClick={() => void run('ofx')}>{t('export.ofx')}</button>
      <p role="status" className={outcome?.phase === 'failed' ? 'failure' : 'meta'}>
        {outcome?.phase === 'working' && t('export.working')}
        {outcome?.phase === 'done' && [t('export.done', { file: outcome.file, count: outcome.written }), outcome.leftOut > 0 ? t('export.leftOut', { count: outcome.leftOut }) : ''].join(' ').trim()}
        {outcome?.phase === 'failed' && errorText(text, outcome.error)}
      </p>
    </div>
  );
}
