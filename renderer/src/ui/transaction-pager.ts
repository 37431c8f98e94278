import type { MethodInput } from '../../../common/contract.js';
import type { StoredTransaction, TransactionFilter } from '../../../common/queries.js';
import type { AppError } from '../../../common/result.js';
import type { LedgerSlice } from '../store/ledger-slice.js';

export type Section = 'pending' | 'booked';

/** One line of the list: a section's heading, a loaded row, or a row not loaded yet (drawn as a skeleton). */
export type ListItem =
  | { kind: 'heading'; section: Section; count: number }
  | { kind: 'row'; section: Section; transaction: StoredTransaction }
  | { kind: 'placeholder'; section: Section; index: number };

/** The first page is small so the first rows paint at once; the next ones are large so a long scroll asks seldom. */
export const FIRST_PAGE = 100;
export const NEXT_PAGE = 500;
/**
 * How long a new list waits before it reads ahead of the rows in view. While a person types,
 * each keystroke makes a new list: a page of 500 rows nobody has scrolled to would be read,
 * sent and parsed before the next keystroke's first page. Rows in view never wait.
 */
export const SETTLE_MS = 250;

interface SectionState {
  section: Section;
  /** From `transactions:count`; corrected to the rows actually there once the last page came. */
  total: number;
  rows: StoredTransaction[];
  cursor?: string;
  done: boolean;
  /** How many rows the list wants loaded; pages follow one another until they are there. */
  wanted: number;
  loading: boolean;
}

export type PagerState = { phase: 'loading' } | { phase: 'ready' } | { phase: 'failed'; error: AppError };

/**
 * The pages of one filtered list, pending items first in their own section, then booked ones.
 * The counts come first, so the list is as tall as all its rows from the start and its
 * scrollbar says how long it is; rows arrive by keyset pages as the person scrolls towards
 * them. A keyset page cannot be jumped to, so a far scroll loads the pages before it in turn,
 * while the rows not there yet show as skeletons of the same height.
 */
export class TransactionPager {
  #sections: SectionState[] = [];
  #state: PagerState = { phase: 'loading' };
  #version = 0;
  #started = false;
  #disposed = false;
  /** The lines the list shows (first and last index): a page that brings none of them is not announced. */
  #view: [number, number] = [0, -1];
  /** When the list was shown (`Date.now()`); its read-ahead waits until SETTLE_MS after. */
  #shownAt = 0;
  #readAhead: ReturnType<typeof setTimeout> | undefined;
  readonly #listeners = new Set<() => void>();

  constructor(
    private readonly read: LedgerSlice['ledgerRead'],
    private readonly filter: TransactionFilter,
  ) {}

  get state(): PagerState {
    return this.#state;
  }

  /** Changes with every change the list must show (for useSyncExternalStore). */
  readonly version = (): number => this.#version;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  /** Lines in the list: each non-empty section's heading and rows. */
  get size(): number {
    return this.#sections.reduce((n, s) => n + (s.total > 0 ? s.total + 1 : 0), 0);
  }

  counts(): Record<Section, number> {
    const count = (section: Section) => this.#sections.find((s) => s.section === section)?.total ?? 0;
    return { pending: count('pending'), booked: count('booked') };
  }

  /** Lines per non-empty section, its heading included: where the headings are, so a line is sized without reading it. */
  runs(): number[] {
    return this.#sections.filter((s) => s.total > 0).map((s) => s.total + 1);
  }

  item(index: number): ListItem {
    let at = index;
    for (const s of this.#sections) {
      if (s.total === 0) continue;
      if (at === 0) return { kind: 'heading', section: s.section, count: s.total };
      if (at <= s.total) {
        const row = s.rows[at - 1];
        return row === undefined ? { kind: 'placeholder', section: s.section, index: at - 1 } : { kind: 'row', section: s.section, transaction: row };
      }
      at -= s.total + 1;
    }
    throw new RangeError(`no line ${index} in a list of ${this.size}`);
  }

  get disposed(): boolean {
    return this.#disposed;
  }

  /** Starts the list unless it was started already (an early start, see early-pager.ts). */
  begin(): void {
    if (this.#started) return;
    void this.start();
  }

  /** The counts and the first page of each section, in one round trip (`transactions:first-pages`). */
  async start(): Promise<void> {
    this.#started = true;
    if (this.#state.phase === 'failed') {
      // Tried again: skeletons while it loads.
      this.#state = { phase: 'loading' };
      this.#changed();
    }
    const sections: Section[] = this.filter.status === undefined ? ['pending', 'booked'] : [this.filter.status];
    const first = await this.read('transactions:first-pages', { ...this.filter, limit: FIRST_PAGE });
    if (this.#disposed) return;
    if (!first.ok) return this.#fail(first.error);
    this.#sections = sections.map((section): SectionState => {
      const { transactions, cursor } = first.value[section];
      const done = cursor === undefined;
      return {
        section, rows: [...transactions], done, wanted: FIRST_PAGE, loading: false, ...(done ? {} : { cursor }),
        // A section with a next page has more rows than its first: the count says how many.
        total: done ? transactions.length : Math.max(first.value.counts[section], transactions.length + 1),
      };
    });
    this.#state = { phase: 'ready' };
    this.#shownAt = Date.now();
    this.#changed();
  }

  /**
   * The list shows lines up to `lastIndex`: the rows up to there (and half a page beyond) are
   * loaded, those in view at once, the rest once the list has stood for SETTLE_MS.
   */
  want(lastIndex: number): void {
    if (this.#state.phase !== 'ready') return;
    let at = lastIndex;
    for (const s of this.#sections) {
      if (s.total === 0) continue;
      const needed = Math.min(s.total, Math.max(0, at) + NEXT_PAGE / 2);
      if (needed > s.wanted) {
        s.wanted = needed;
        const inView = Math.min(at, s.total) > s.rows.length;
        if (inView) void this.#fill(s);
        else this.#fillSoon();
      }
      at -= s.total + 1;
      if (at < 0) break;
    }
  }

  /** The list is about to give way to another (a keystroke started it): no read-ahead for SETTLE_MS. */
  holdReadAhead(): void {
    this.#shownAt = Date.now();
    if (this.#readAhead === undefined) return;
    clearTimeout(this.#readAhead);
    this.#readAhead = undefined;
    this.#fillSoon();
  }

  /**
   * The list shows lines `first` to `last`. A page whose rows fall outside them changes nothing on
   * screen, so it is kept without a word: a fast scroll has pages landing far behind the lines in
   * view, and a render of the whole list for each cost a frame its time.
   */
  view(first: number, last: number): void {
    this.#view = [first, last];
  }

  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#readAhead);
    this.#listeners.clear();
  }

  #fillSoon(): void {
    if (this.#readAhead !== undefined) return;
    this.#readAhead = setTimeout(() => {
      this.#readAhead = undefined;
      for (const s of this.#sections) if (!s.done && s.rows.length < s.wanted) void this.#fill(s);
    }, Math.max(0, this.#shownAt + SETTLE_MS - Date.now()));
  }

  async #fill(s: SectionState): Promise<void> {
    if (s.loading) return;
    s.loading = true;
    try {
      while (!this.#disposed && !s.done && s.rows.length < s.wanted) {
        const input: MethodInput<'transactions:query'> = {
          ...this.filter, status: s.section, limit: s.rows.length === 0 ? FIRST_PAGE : NEXT_PAGE, ...(s.cursor === undefined ? {} : { cursor: s.cursor }),
        };
        const page = await this.read('transactions:query', input);
        if (this.#disposed) return;
        if (!page.ok) return this.#fail(page.error);
        const from = s.rows.length;
        const total = s.total;
        for (const row of page.value.transactions) s.rows.push(row);
        if (page.value.cursor === undefined) {
          s.done = true;
          // Rows stored or removed since the count: the list takes the rows that are there.
          s.total = s.rows.length;
        } else {
          s.cursor = page.value.cursor;
          if (s.rows.length >= s.total) s.total = s.rows.length + 1;
        }
        if (s.total !== total || this.#inView(s, from, s.rows.length)) this.#changed();
      }
    } finally {
      s.loading = false;
    }
  }

  /** Whether rows `from` to `to` (exclusive) of section `s` are among the lines in view. */
  #inView(s: SectionState, from: number, to: number): boolean {
    let start = 0;
    for (const other of this.#sections) {
      if (other === s) break;
      if (other.total > 0) start += other.total + 1;
    }
    // Line `start` is the section's heading; its row i is line start + 1 + i.
    const [first, last] = this.#view;
    return start + 1 + from <= last && start + 1 + to - 1 >= first;
  }

  #fail(error: AppError): void {
    this.#state = { phase: 'failed', error };
    this.#changed();
  }

  #changed(): void {
    this.#version += 1;
    for (const listener of this.#listeners) listener();
  }
}
