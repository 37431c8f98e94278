import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BankField } from '../../../common/contract-transaction-details.js';
import type { AppError } from '../../../common/result.js';
import { ErrorState } from './error-state.js';
import { Skeleton } from './skeleton.js';
import { useApp } from './store-context.js';
import './bank-fields.css';

/** What the drawer knows of the bank's fields: asked for, answered (absent: not kept for this row), or failed. */
export type BankFieldsState =
  | { status: 'loading' }
  | { status: 'ready'; fields: BankField[] | undefined }
  | { status: 'failed'; error: AppError };

/** `a[0].b[2]` → `a.b` and the positions 1, 3: arrays' items share their field's name. */
const INDEX = /\[(\d+)\]/g;
function nameOf(path: string): { key: string; positions: number[] } {
  const positions = [...path.matchAll(INDEX)].map((m) => Number(m[1]) + 1);
  return { key: path.replace(INDEX, ''), positions };
}

/** The bank's fields of one stored transaction, read when the drawer opens (never with the list's pages). */
export function TransactionBankFields({ rowId }: { rowId: number }) {
  const read = useApp((s) => s.ledgerRead);
  const [state, setState] = useState<BankFieldsState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    void read('transactions:details', { rowId }).then((r) => {
      if (current) setState(r.ok ? { status: 'ready', fields: r.value.bankFields } : { status: 'failed', error: r.error });
    });
    return () => {
      current = false;
    };
  }, [read, rowId, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return <BankFields state={state} onRetry={retry} />;
}

/**
 * Every field the bank gave, in the item's order, so nothing it sent is hidden: a Berlin Group
 * field the app knows under its translated name with its path beside it, any other by its path.
 * Values are the bank's own text (an amount as it wrote it), never reformatted.
 */
export function BankFields({ state, onRetry }: { state: BankFieldsState; onRetry?: () => void }) {
  const { t, i18n } = useTranslation('bankFields');
  const headingId = useId();
  const labelOf = (path: string): string | undefined => {
    const { key, positions } = nameOf(path);
    const label: unknown = i18n.getResource(i18n.resolvedLanguage ?? i18n.language, 'bankFields', `fields.${key}`);
    if (typeof label !== 'string') return undefined;
    return positions.length === 0 ? label : t('indexed', { label, position: positions.join('.') });
  };

  return (
    <section className="bank-fields" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('heading')}</h3>
      {state.status === 'loading' && (
        <>
          <p className="meta" role="status">{t('loading')}</p>
          <Skeleton kind="bank-field" count={6} />
        </>
      )}
      {state.status === 'failed' && <ErrorState error={state.error} {...(onRetry === undefined ? {} : { onRetry })} />}
      {state.status === 'ready' && state.fields === undefined && <p className="bank-fields-not-kept">{t('notKept')}</p>}
      {state.status === 'ready' && state.fields?.length === 0 && <p className="meta">{t('none')}</p>}
      {state.status === 'ready' && state.fields !== undefined && state.fields.length > 0 && (
        <>
          <p className="meta">{t('intro')}</p>
          <dl className="details bank-field-list">
            {state.fields.map((field) => {
              const label = labelOf(field.path);
              return (
                <div className="detail" key={field.path}>
                  <dt>
                    {label !== undefined && <span className="bank-field-name">{label}</span>}
                    <code className="bank-field-path">{field.path}</code>
                  </dt>
                  <dd className="bank-field-value">{field.value === '' ? <span className="meta">{t('emptyValue')}</span> : field.value}</dd>
                </div>
              );
            })}
          </dl>
        </>
      )}
    </section>
  );
}
