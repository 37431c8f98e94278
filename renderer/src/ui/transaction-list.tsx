import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatIban } from '../../../common/iban.js';
import type { StoredTransaction, TransactionFilter } from '../../../common/queries.js';
import { errorText } from '../i18n/texts.js';
import { useText } from '../i18n/use-text.js';
import { useCategories } from './category-names.js';
import { useApp } from './store-context.js';
import { TransactionDetails } from './transaction-details.js';
import { claim, earlyPager, listKey, release } from './early-pager.js';
import { TransactionLines } from './transaction-lines.js';
import { TransactionPager, type Section } from './transaction-pager.js';
import type { RowWords } from './transaction-row.js';
import './transaction-list.css';

export interface TransactionListProps {
  filter: TransactionFilter;
  /** What to say when no row matches: what the person can do next. */
  empty: ReactNode;
  /** Show each row's account (the all-accounts screen). */
  showAccount?: boolean;
}

/**
 * The one transaction list of the app (the Transactions and Account screens): virtualised, so
 * only the lines in view (and a few around) are in the page however many match; pending items
 * first under their own heading, then booked ones; every row opens its details. Its pages are
 * its own (TransactionPager), read again when the filter or the local copy changes. A scroll
 * renders its lines (TransactionLines) only; this renders when the pager has news for the screen.
 */
export function TransactionList({ filter, empty, showAccount = false }: TransactionListProps) {
  const read = useApp((s) => s.ledgerRead);
  const version = useApp((s) => s.ledgerVersion);
  const accounts = useApp((s) => s.accounts);
  const text = useText();
  const { t } = useTranslation(['ledger', 'common']);
  const words = useMemo<RowWords>(() => ({ noCounterparty: t('noCounterparty'), pending: t('pending'), locale: text.locale }), [t, text.locale]);
  const heading = useCallback((section: Section, count: number) => t(section === 'pending' ? 'pendingHeading' : 'bookedHeading', { count }), [t]);
  const key = listKey(filter);
  // The filter's content (its key), not its identity, makes a new list; the event that set the filter may have started it.
  const pager = useMemo(() => earlyPager(read, key, version) ?? new TransactionPager(read, filter), [read, key, version]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // Before the first paint, not after it: the first rows' requests leave a frame earlier.
  useLayoutEffect(() => {
    claim({ read, key, version, pager });
    pager.begin();
    return () => {
      release(pager);
      pager.dispose();
    };
  }, [read, key, version, pager]);
  // A new filter starts at the top, not where the last list was scrolled to. After the paint: reading
  // the position would lay the page out before the requests above have left.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [pager]);
  const pagerVersion = useSyncExternalStore(pager.subscribe, pager.version);

  const [open, setOpen] = useState<StoredTransaction | null>(null);
  const { nameOf } = useCategories();
  const names = useMemo(() => new Map(accounts.map((a) => [a.id, a.product ?? (a.iban !== undefined ? formatIban(a.iban) : a.maskedPan)])), [accounts]);
  const accountName = useCallback((id: string) => (showAccount ? names.get(id) : undefined), [names, showAccount]);
  const onOpen = useCallback((transaction: StoredTransaction) => setOpen(transaction), []);

  if (pager.state.phase === 'failed') {
    return <p className="failure">{errorText(text, pager.state.error)} <button type="button" onClick={() => void pager.start()}>{t('common:retry')}</button></p>;
  }
  const counts = pager.counts();
  const found = counts.booked + counts.pending;
  return (
    <div className="tx-list-frame">
      <p className="meta tx-found" role="status">{pager.state.phase === 'loading' ? t('loading') : t('found', { count: found })}</p>
      {pager.state.phase === 'ready' && found === 0 ? (
        <div className="tx-empty">{empty}</div>
      ) : (
        <div ref={scrollRef} className="tx-scroll" data-testid="transaction-scroll">
          <TransactionLines
            pager={pager} version={pagerVersion} scrollRef={scrollRef} label={t('listLabel')} words={words}
            heading={heading} accountName={accountName} categoryName={nameOf} onOpen={onOpen}
          />
        </div>
      )}
      {open !== null && (
        <TransactionDetails
          transaction={open}
          account={accounts.find((a) => a.id === open.accountId)}
          onClose={() => {
            setOpen(null);
            // Focus goes back to the row that opened the details, if the list still shows it: looked up by
            // its id, as the element that opened them may show another row by now.
            scrollRef.current?.querySelector<HTMLElement>(`.tx-row[data-row-id="${open.rowId}"]`)?.focus();
          }}
        />
      )}
    </div>
  );
}
