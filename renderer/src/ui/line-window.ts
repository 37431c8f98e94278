import { flushSync } from 'react-dom';
import { useLayoutEffect, useRef, useState, type RefObject } from 'react';

/**
 * Where the lines of a list of fixed heights are: runs of lines, each a heading then its rows
 * (the transaction list's sections). Positions are arithmetic, so a list of 100,000 lines costs
 * the same to lay out as one of ten: nothing is measured and nothing is kept per line.
 */
export class LineLayout {
  /** Lines in all runs. */
  readonly size: number;
  /** Pixels from the first line's top to the last line's bottom. */
  readonly height: number;

  constructor(
    /** Lines per run, its heading included; empty runs are left out by the caller. */
    private readonly runs: readonly number[],
    private readonly headingHeight: number,
    private readonly rowHeight: number,
  ) {
    this.size = runs.reduce((n, lines) => n + lines, 0);
    this.height = runs.reduce((h, lines) => h + this.runHeight(lines), 0);
  }

  /** The top of line `index`. */
  start(index: number): number {
    let top = 0;
    let at = index;
    for (const lines of this.runs) {
      if (at < lines) return top + (at === 0 ? 0 : this.headingHeight + (at - 1) * this.rowHeight);
      top += this.runHeight(lines);
      at -= lines;
    }
    return top;
  }

  /** The line at `y` pixels from the top (the last line past the bottom). */
  indexAt(y: number): number {
    let first = 0;
    let top = 0;
    for (const lines of this.runs) {
      const height = this.runHeight(lines);
      if (y < top + height) {
        const into = y - top;
        return first + (into < this.headingHeight ? 0 : Math.min(lines - 1, 1 + Math.floor((into - this.headingHeight) / this.rowHeight)));
      }
      top += height;
      first += lines;
    }
    return Math.max(0, this.size - 1);
  }

  private runHeight(lines: number): number {
    return lines === 0 ? 0 : this.headingHeight + (lines - 1) * this.rowHeight;
  }
}

export interface LineRange {
  first: number;
  last: number;
}

const rangeOf = (layout: LineLayout, top: number, height: number, overscan: number): LineRange | undefined =>
  layout.size === 0 ? undefined : { first: Math.max(0, layout.indexAt(top) - overscan), last: Math.min(layout.size - 1, layout.indexAt(top + height) + overscan) };

/**
 * The lines of `layout` in view in the scrolling element (and `overscan` more either side). The
 * range is rendered in the scroll event itself (flushSync), so a frame never paints a window the
 * list has scrolled past; a scroll that stays within the same lines renders nothing.
 */
export function useLineWindow(scrollRef: RefObject<HTMLElement | null>, layout: LineLayout, overscan: number): LineRange | undefined {
  const [view, setView] = useState({ top: 0, height: 0 });
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  const shown = useRef<LineRange | undefined>(undefined);
  const range = rangeOf(layout, view.top, view.height, overscan);
  shown.current = range;
  // The element is there to listen to once the list has lines (before, it shows the loading state).
  const active = layout.size > 0;

  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (element === null) return;
    // The height the last list had, when there was one: the same place in the same page, and reading
    // it again would lay the page out in the middle of a commit (the observer corrects it if it differs).
    let height = view.height > 0 ? view.height : element.clientHeight;
    const update = (sync: boolean) => {
      const top = element.scrollTop;
      const next = rangeOf(layoutRef.current, top, height, overscan);
      const now = shown.current;
      if (next?.first === now?.first && next?.last === now?.last) return;
      if (sync) flushSync(() => setView({ top, height }));
      else setView({ top, height });
    };
    const onScroll = () => update(true);
    const resized = new ResizeObserver(() => {
      height = element.clientHeight;
      update(false);
    });
    element.addEventListener('scroll', onScroll, { passive: true });
    // Its first report comes once the page is laid out: the position is read there, not here.
    resized.observe(element);
    setView({ top: 0, height });
    return () => {
      element.removeEventListener('scroll', onScroll);
      resized.disconnect();
    };
  }, [scrollRef, overscan, active]);

  return range;
}
