import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { TransactionList } from '../../ui/transaction-list.js';
import { ExportButtons } from './export-buttons.js';
import { filterFromParams, hasFilter } from './filter-params.js';
import { TransactionFilters } from './transaction-filters.js';
import './transactions-screen.css';

/** Whether a key press belongs to a field the person is typing in (then `/` is just a slash). */
const typing = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** `/` focuses the search, the way many web apps do, unless the person is typing in a field. */
function useSlashFocuses(ref: React.RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      e.preventDefault();
      ref.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [ref]);
}

/** Every account's transactions, searched and filtered, the filter in the address; exported as shown. */
export function TransactionsScreen() {
  const [params, setParams] = useSearchParams();
  const { t } = useTranslation(['ledger']);
  const searchRef = useRef<HTMLInputElement>(null);
  useSlashFocuses(searchRef);
  const key = params.toString();
  // Recomputed when the address changes, not on every render: the list starts over only for a new filter.
  const filter = useMemo(() => filterFromParams(params), [key]);
  const filtered = hasFilter(params);
  return (
    <section className="panel transactions-screen" aria-labelledby="transactions-heading">
      <h1 id="transactions-heading">{t('heading')}</h1>
      <TransactionFilters params={params} setParams={setParams} searchRef={searchRef} />
      <ExportButtons filter={filter} />
      <TransactionList filter={filter} showAccount empty={<p>{t(filtered ? 'emptyFiltered' : 'emptyNone')}</p>} />
    </section>
  );
}
