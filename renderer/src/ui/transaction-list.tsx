import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatIban } from '../../../common/iban.js';
import { formatMoney, isNegative } from '../../../common/format-money.js';
import type { StoredTransaction, TransactionFilter } from '../../../common/queries.js';
import { formatDate } from '../format/date.js';
import { errorText } from '../i18n/texts.js';
import { useText } from '../i18n/use-text.js';
import { useCategories } from './category-names.js';
import { useApp } from './store-context.js';
import { TransactionDetails } from './transaction-details.js';
import { claim, earlyPager, listKey, release } from './early-pager.js';
import { TransactionPager } from './transaction-pager.js';
import './transaction-list.css';

/** Fixed line heights (the CSS holds them too): skeletons, rows and headings never move what is around them. */
export const ROW_HEIGHT = 56;
const HEADING_HEIGHT = 40;
const SKELETONS = 8;
/** Lines rendered beyond each edge of the view, so a slow scroll shows rows already there. */
const OVERSCAN = 8;

/** The words every row may need, looked up once per list and language rather than once per row. */
interface RowWords {
  noCounterparty: string;
  pending: string;
  locale: string;
}

/**
 * Memoised: a scroll re-renders the list, and only the rows that came into view need rendering.
 * No i18n hook in here: a row mounts each time it scrolls into view, and a hook per row cost more
 * than the row itself (its words come from the list, once).
 */
const Row = memo(function Row({ t, accountName, category, words, onOpen }: { t: StoredTransaction; accountName: string | undefined; category: string | undefined; words: RowWords; onOpen: (t: StoredTransaction, from: HTMLElement) => void }) {
  const who = t.counterpartyName ?? (t.counterpartyIban !== undefined ? formatIban(t.counterpartyIban) : words.noCounterparty);
  return (
    <button type="button" className={t.status === 'pending' ? 'tx-row pending' : 'tx-row'} data-row-id={t.rowId} onClick={(e) => onOpen(t, e.currentTarget)}>
      <span className="tx-date">{formatDate(t.bookingDate ?? t.valueDate ?? t.day, words.locale)}</span>
      <span className="tx-who">
        <span className="tx-counterparty">{who}</span>
        <span className="tx-remittance">{[category, accountName, t.remittance].filter((x) => x !== undefined).join(' · ')}</span>
      </span>
      <span className="tx-amount">
        <span className={isNegative(t.amount) ? 'amount debit' : 'amount credit'}>{formatMoney(t.amount, { sign: 'always', locale: words.locale })}</span>
        {t.status === 'pending' && <span className="badge info">{words.pending}</span>}
      </span>
    </button>
  );
});

function Skeleton() {
  return (
    <span className="tx-row tx-skeleton" aria-hidden="true">
      <span className="bone short" />
      <span className="bone long" />
      <span className="bone short" />
    </span>
  );
}

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
 * its own (TransactionPager), read again when the filter or the local copy changes.
 */
export function TransactionList({ filter, empty, showAccount = false }: TransactionListProps) {
  const read = useApp((s) => s.ledgerRead);
  const version = useApp((s) => s.ledgerVersion);
  const accounts = useApp((s) => s.accounts);
  const text = useText();
  const { t } = useTranslation(['ledger', 'common']);
  const words = useMemo<RowWords>(() => ({ noCounterparty: t('noCounterparty'), pending: t('pending'), locale: text.locale }), [t, text.locale]);
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
  useSyncExternalStore(pager.subscribe, pager.version);

  const runs = pager.state.phase === 'ready' ? pager.runs() : [];
  const size = runs.reduce((n, lines) => n + lines, 0);
  // Each run starts with its heading; the virtualiser sizes all lines whenever the count changes,
  // so the size of a line is arithmetic here, not a look-up of the line itself.
  const secondHeading = runs.length > 1 ? runs[0] : -1;
  const estimateSize = useCallback((index: number) => (index === 0 || index === secondHeading ? HEADING_HEIGHT : ROW_HEIGHT), [secondHeading]);
  const virtualizer = useVirtualizer({ count: size, getScrollElement: () => scrollRef.current, estimateSize, overscan: OVERSCAN });
  const lines = virtualizer.getVirtualItems();
  const last = lines.at(-1)?.index;
  useEffect(() => {
    if (last !== undefined) pager.want(last);
  }, [pager, last]);

  const [open, setOpen] = useState<{ transaction: StoredTransaction; from: HTMLElement } | null>(null);
  const { nameOf } = useCategories();
  const names = useMemo(() => new Map(accounts.map((a) => [a.id, a.product ?? (a.iban !== undefined ? formatIban(a.iban) : a.maskedPan)])), [accounts]);
  const accountName = useCallback((id: string) => (showAccount ? names.get(id) : undefined), [names, showAccount]);
  const onOpen = useCallback((transaction: StoredTransaction, from: HTMLElement) => setOpen({ transaction, from }), []);

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
          {pager.state.phase === 'loading' ? (
            <ul role="list" aria-label={t('listLabel')} aria-busy="true" className="tx-lines">
              {Array.from({ length: SKELETONS }, (_, i) => <li key={i} className="tx-line"><Skeleton /></li>)}
            </ul>
          ) : (
            <ul role="list" aria-label={t('listLabel')} className="tx-lines virtual" style={{ height: virtualizer.getTotalSize() }}>
              {lines.map((line) => {
                const item = pager.item(line.index);
                return (
                  <li key={line.key} className={item.kind === 'heading' ? 'tx-line heading' : 'tx-line'} aria-setsize={size} aria-posinset={line.index + 1} style={{ transform: `translateY(${line.start}px)` }}>
                    {item.kind === 'heading' ? (
                      <h3 className="tx-heading">{t(item.section === 'pending' ? 'pendingHeading' : 'bookedHeading', { count: item.count })}</h3>
                    ) : item.kind === 'row' ? (
                      <Row t={item.transaction} accountName={accountName(item.transaction.accountId)} category={item.transaction.category === undefined ? undefined : nameOf(item.transaction.category.id)} words={words} onOpen={onOpen} />
                    ) : (
                      <Skeleton />
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}
      {open !== null && (
        <TransactionDetails
          transaction={open.transaction}
          account={accounts.find((a) => a.id === open.transaction.accountId)}
          onClose={() => {
            const from = open.from;
            setOpen(null);
            // Focus goes back to the row that opened the details, if the list still shows it.
            if (from.isConnected) from.focus();
          }}
        />
      )}
    </div>
  );
}
