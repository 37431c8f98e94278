import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
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
import { TransactionPager, type ListItem } from './transaction-pager.js';
import './transaction-list.css';

/** Fixed line heights (the CSS holds them too): skeletons, rows and headings never move what is around them. */
export const ROW_HEIGHT = 56;
const HEADING_HEIGHT = 40;
const SKELETONS = 8;

/** Memoised: a scroll re-renders the list, and only the rows that came into view need rendering. */
const Row = memo(function Row({ t, accountName, category, onOpen }: { t: StoredTransaction; accountName: string | undefined; category: string | undefined; onOpen: (t: StoredTransaction, from: HTMLElement) => void }) {
  const { t: tr, locale } = useText();
  const who = t.counterpartyName ?? (t.counterpartyIban !== undefined ? formatIban(t.counterpartyIban) : tr('ledger:noCounterparty'));
  return (
    <button type="button" className={t.status === 'pending' ? 'tx-row pending' : 'tx-row'} data-row-id={t.rowId} onClick={(e) => onOpen(t, e.currentTarget)}>
      <span className="tx-date">{formatDate(t.bookingDate ?? t.valueDate ?? t.day, locale)}</span>
      <span className="tx-who">
        <span className="tx-counterparty">{who}</span>
        <span className="tx-remittance">{[category, accountName, t.remittance].filter((x) => x !== undefined).join(' · ')}</span>
      </span>
      <span className="tx-amount">
        <span className={isNegative(t.amount) ? 'amount debit' : 'amount credit'}>{formatMoney(t.amount, { sign: 'always', locale })}</span>
        {t.status === 'pending' && <span className="badge info">{tr('ledger:pending')}</span>}
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

function Line({ item, accountName, nameOf, onOpen }: { item: ListItem; accountName: (id: string) => string | undefined; nameOf: (id: string) => string; onOpen: (t: StoredTransaction, from: HTMLElement) => void }) {
  const { t } = useTranslation(['ledger']);
  switch (item.kind) {
    case 'heading':
      return <h3 className="tx-heading">{t(item.section === 'pending' ? 'pendingHeading' : 'bookedHeading', { count: item.count })}</h3>;
    case 'row':
      return <Row t={item.transaction} accountName={accountName(item.transaction.accountId)} category={item.transaction.category === undefined ? undefined : nameOf(item.transaction.category.id)} onOpen={onOpen} />;
    case 'placeholder':
      return <Skeleton />;
  }
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
  const key = JSON.stringify(filter);
  // The filter's content (its key), not its identity, makes a new list.
  const pager = useMemo(() => new TransactionPager(read, filter), [read, key, version]);
  useEffect(() => {
    void pager.start();
    return () => pager.dispose();
  }, [pager]);
  useSyncExternalStore(pager.subscribe, pager.version);

  const scrollRef = useRef<HTMLDivElement>(null);
  const size = pager.state.phase === 'ready' ? pager.size : 0;
  const virtualizer = useVirtualizer({
    count: size,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (pager.item(i).kind === 'heading' ? HEADING_HEIGHT : ROW_HEIGHT),
    overscan: 8,
  });
  const lines = virtualizer.getVirtualItems();
  const last = lines.at(-1)?.index;
  useEffect(() => {
    if (last !== undefined) pager.want(last);
  }, [pager, last]);
  // A new filter starts at the top, not where the last list was scrolled to.
  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [pager]);

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
              {lines.map((line) => (
                <li key={line.key} className="tx-line" aria-setsize={size} aria-posinset={line.index + 1} style={{ transform: `translateY(${line.start}px)` }}>
                  <Line item={pager.item(line.index)} accountName={accountName} nameOf={nameOf} onOpen={onOpen} />
                </li>
              ))}
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
