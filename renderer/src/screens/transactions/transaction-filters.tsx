import { useEffect, useId, useMemo, useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetURLSearchParams } from 'react-router';
import { formatIban } from '../../../../common/iban.js';
import { useCategories } from '../../ui/category-names.js';
import { dropEarly, startEarly } from '../../ui/early-pager.js';
import { useApp } from '../../ui/store-context.js';
import { FILTER_PARAMS, filterFromParams, hasFilter, parseAmount, withFilter, withoutFilters, type FilterField } from './filter-params.js';

interface Props {
  params: URLSearchParams;
  setParams: SetURLSearchParams;
  searchRef: RefObject<HTMLInputElement | null>;
}

/**
 * A text field kept in the address as it is typed. The address replaces its entry while typing
 * (back goes to the list before the search, not one letter back). The field's own state follows
 * the address only when something else changed it (back, forward): the router applies each
 * keystroke's address a moment later, and an address the field wrote itself must not overwrite
 * the letters typed since.
 */
function useAddressText(params: URLSearchParams, field: FilterField): { value: string; setValue: (v: string) => void; wrote: (v: string) => void } {
  const inAddress = params.get(FILTER_PARAMS[field]) ?? '';
  const [value, setValue] = useState(inAddress);
  const written = useRef<string[]>([]);
  useEffect(() => {
    const ours = written.current.indexOf(inAddress);
    if (ours >= 0) {
      written.current.splice(0, ours + 1);
      return;
    }
    written.current = [];
    setValue(inAddress);
  }, [inAddress]);
  return { value, setValue, wrote: (v) => written.current.push(v) };
}

/** A change of the address's filters: how the next address follows from the one before, and whether it replaces it in the history. */
type ChangeFilters = (next: (p: URLSearchParams) => URLSearchParams, options?: { replace: boolean }) => void;

/**
 * Changes the address's filters, and starts the new address's list from the event itself (see
 * early-pager.ts): its first requests leave before the address changes and the screen renders,
 * not after. The list that renders the address takes it.
 */
function useChangeFilters(params: URLSearchParams, setParams: SetURLSearchParams): ChangeFilters {
  const read = useApp((s) => s.ledgerRead);
  const version = useApp((s) => s.ledgerVersion);
  useEffect(() => dropEarly, []);
  return (next, options) => {
    startEarly(read, version, filterFromParams(next(params)));
    setParams(next, options);
  };
}

function AmountField({ field, label, params, change }: { field: 'amountMin' | 'amountMax'; label: string; params: URLSearchParams; change: ChangeFilters }) {
  const id = useId();
  const { t } = useTranslation(['ledger']);
  const { value, setValue, wrote } = useAddressText(params, field);
  const invalid = value.trim() !== '' && parseAmount(value) === undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id} inputMode="decimal" size={9} value={value} aria-invalid={invalid} aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(e) => {
          setValue(e.target.value);
          const amount = e.target.value.trim() === '' ? '' : parseAmount(e.target.value);
          if (amount === undefined) return;
          wrote(amount);
          change((p) => withFilter(p, { [field]: amount }), { replace: true });
        }}
      />
      {invalid && <span id={`${id}-error`} className="field-error">{t('filters.amountInvalid')}</span>}
    </div>
  );
}

/** The Transactions screen's search and filters; every one lives in the address (filter-params.ts). */
export function TransactionFilters({ params, setParams, searchRef }: Props) {
  const { t } = useTranslation(['ledger']);
  const ids = { search: useId(), hint: useId(), from: useId(), to: useId(), direction: useId(), account: useId(), status: useId(), category: useId() };
  const { categories, nameOf } = useCategories();
  const accounts = useApp((s) => s.accounts);
  const options = useMemo(
    () => [...new Map(accounts.map((a) => [a.id, `${a.product ?? a.name ?? ''} ${a.iban !== undefined ? formatIban(a.iban) : (a.maskedPan ?? '')}`.trim()])).entries()],
    [accounts],
  );
  const search = useAddressText(params, 'text');
  const change = useChangeFilters(params, setParams);
  // Discrete choices add a history entry each, so back undoes them one by one.
  const choose = (field: FilterField) => (value: string) => change((p) => withFilter(p, { [field]: value }));
  const value = (field: FilterField) => params.get(FILTER_PARAMS[field]) ?? '';

  return (
    <form className="tx-filters" role="search" aria-label={t('filters.label')} onSubmit={(e) => e.preventDefault()}>
      <div className="field grow">
        <label htmlFor={ids.search}>{t('filters.search')}</label>
        <input
          id={ids.search} ref={searchRef} type="search" value={search.value} aria-describedby={ids.hint} autoComplete="off"
          onChange={(e) => {
            search.setValue(e.target.value);
            search.wrote(e.target.value);
            change((p) => withFilter(p, { text: e.target.value }), { replace: true });
          }}
        />
        <span id={ids.hint} className="meta">{t('filters.searchHint')}</span>
      </div>
      <div className="field">
        <label htmlFor={ids.from}>{t('filters.dateFrom')}</label>
        <input id={ids.from} type="date" value={value('dateFrom')} onChange={(e) => choose('dateFrom')(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={ids.to}>{t('filters.dateTo')}</label>
        <input id={ids.to} type="date" value={value('dateTo')} onChange={(e) => choose('dateTo')(e.target.value)} />
      </div>
      <AmountField field="amountMin" label={t('filters.amountMin')} params={params} change={change} />
      <AmountField field="amountMax" label={t('filters.amountMax')} params={params} change={change} />
      <div className="field">
        <label htmlFor={ids.direction}>{t('filters.direction')}</label>
        <select id={ids.direction} value={value('direction')} onChange={(e) => choose('direction')(e.target.value)}>
          <option value="">{t('filters.directionAll')}</option>
          <option value="in">{t('filters.directionIn')}</option>
          <option value="out">{t('filters.directionOut')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.account}>{t('filters.account')}</label>
        <select id={ids.account} value={value('account')} onChange={(e) => choose('account')(e.target.value)}>
          <option value="">{t('filters.accountAll')}</option>
          {options.map(([id, name]) => <option key={id} value={id}>{name}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.status}>{t('filters.status')}</label>
        <select id={ids.status} value={value('status')} onChange={(e) => choose('status')(e.target.value)}>
          <option value="">{t('filters.statusAll')}</option>
          <option value="booked">{t('filters.statusBooked')}</option>
          <option value="pending">{t('filters.statusPending')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.category}>{t('filters.category')}</label>
        <select id={ids.category} value={value('category')} onChange={(e) => choose('category')(e.target.value)}>
          <option value="">{t('filters.categoryAll')}</option>
          {categories.map((c) => <option key={c.id} value={c.id}>{nameOf(c.id)}</option>)}
        </select>
      </div>
      {hasFilter(params) && <button type="button" className="clear-filters" onClick={() => change(withoutFilters)}>{t('filters.clear')}</button>}
    </form>
  );
}
