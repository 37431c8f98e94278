import { defaultRangeExtractor, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useLayoutEffect, useRef, useState, type FocusEvent, type RefObject } from 'react';
import type { StoredTransaction } from '../../../common/queries.js';
import { flingAwareRange } from './fling-range.js';
import { LineSlots } from './line-slots.js';
import { Row, SKELETON, Skeleton, type RowWords } from './transaction-row.js';
import type { Section, TransactionPager } from './transaction-pager.js';

/** Fixed line heights (the CSS holds them too): skeletons, rows and headings never move what is around them. */
const ROW_HEIGHT = 56;
const HEADING_HEIGHT = 40;
const SKELETONS = 8;
/** Lines rendered beyond each edge of the view, so a slow scroll shows rows already there. */
const OVERSCAN = 8;

export interface TransactionLinesProps {
  pager: TransactionPager;
  /** The pager's version: a new one renders the lines again. */
  version: number;
  scrollRef: RefObject<HTMLDivElement | null>;
  label: string;
  words: RowWords;
  heading: (section: Section, count: number) => string;
  accountName: (accountId: string) => string | undefined;
  categoryName: (categoryId: string) => string;
  onOpen: (t: StoredTransaction) => void;
}

/**
 * The lines of the transaction list in its scroller: the only part a scroll renders again (the
 * virtualiser lives here), so a frame of scrolling costs the lines and nothing around them.
 * Kept mounted from one list to the next, so a new filter does not set up a new virtualiser.
 */
export const TransactionLines = memo(function TransactionLines({ pager, scrollRef, label, words, heading, accountName, categoryName, onOpen }: TransactionLinesProps) {
  const runs = pager.state.phase === 'ready' ? pager.runs() : [];
  const size = runs.reduce((n, lines) => n + lines, 0);
  // Each run starts with its heading; the virtualiser sizes all lines whenever the count changes,
  // so the size of a line is arithmetic here, not a look-up of the line itself.
  const secondHeading = runs.length > 1 ? runs[0] : -1;
  const estimateSize = useCallback((index: number) => (index === 0 || index === secondHeading ? HEADING_HEIGHT : ROW_HEIGHT), [secondHeading]);
  // While a scroll goes on, a jump past the window drops the overscan (flingAwareRange); once it
  // stops (the virtualiser's isScrolling turns false and renders), the lines around the view come back.
  const [flingRange] = useState(flingAwareRange);
  const scrolling = useRef<Virtualizer<HTMLDivElement, Element> | null>(null);
  const virtualizer = useVirtualizer({
    count: size, getScrollElement: () => scrollRef.current, estimateSize, overscan: OVERSCAN,
    rangeExtractor: scrolling.current?.isScrolling === true ? flingRange : defaultRangeExtractor,
  });
  scrolling.current = virtualizer;
  const lines = virtualizer.getVirtualItems();
  const first = lines[0]?.index;
  const last = lines.at(-1)?.index;
  // Synchronously after the commit, before a page can land: the pager tells the list about a page
  // only when it changes lines on screen, so it must know which lines are there as soon as they are.
  useLayoutEffect(() => {
    if (first === undefined || last === undefined) return;
    pager.view(first, last);
    pager.want(last);
  }, [pager, first, last]);
  // A line that leaves the window hands its element to one that comes in (LineSlots): a fast scroll
  // brings a window of new lines every frame, and updating their text costs a fraction of building them.
  const [slots] = useState(() => new LineSlots());
  const keys = first === undefined || last === undefined ? [] : slots.keys(first, last);
  const onFocus = useFocusKeptOnItsRow(scrollRef);

  if (pager.state.phase !== 'ready') {
    return (
      <ul role="list" aria-label={label} aria-busy="true" className="tx-lines">
        {Array.from({ length: SKELETONS }, (_, i) => <li key={i} className="tx-line"><Skeleton /></li>)}
      </ul>
    );
  }
  return (
    <ul role="list" aria-label={label} className="tx-lines virtual" onFocus={onFocus} style={{ height: virtualizer.getTotalSize() }}>
      {lines.map((line, at) => {
        const item = pager.item(line.index);
        return (
          <li key={keys[at]} className={item.kind === 'heading' ? 'tx-line heading' : 'tx-line'} aria-setsize={size} aria-posinset={line.index + 1} style={{ transform: `translateY(${line.start}px)` }}>
            {item.kind === 'heading' ? (
              <h3 className="tx-heading">{heading(item.section, item.count)}</h3>
            ) : item.kind === 'row' ? (
              <Row t={item.transaction} accountName={accountName(item.transaction.accountId)} category={item.transaction.category === undefined ? undefined : categoryName(item.transaction.category.id)} words={words} onOpen={onOpen} />
            ) : (
              SKELETON
            )}
          </li>
        );
      })}
    </ul>
  );
});

/**
 * A line's element is reused by the row that takes its slot, focus and all: a focused row that leaves
 * the window would hand its focus to a row the person never chose (Enter would open that one). It gives
 * the focus up instead, as an element that left the page would. Returns the list's focus handler.
 */
function useFocusKeptOnItsRow(scrollRef: RefObject<HTMLElement | null>): (e: FocusEvent<HTMLElement>) => void {
  const focusedRow = useRef<string | undefined>(undefined);
  useLayoutEffect(() => {
    const active = document.activeElement;
    if (!(active instanceof HTMLElement) || active.dataset['rowId'] === undefined || active.dataset['rowId'] === focusedRow.current) return;
    if (scrollRef.current?.contains(active) === true) active.blur();
  });
  return useCallback((e: FocusEvent<HTMLElement>) => {
    focusedRow.current = e.target.dataset['rowId'];
  }, []);
}
