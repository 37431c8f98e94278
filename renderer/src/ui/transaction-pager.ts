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
  #disposed = false;
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

  /**
   * The counts and the first page of each section, side by side: the first rows cost one round
   * trip, not two. A section the count finds empty drops its page.
   */
  async start(): Promise<void> {
    const sections: Section[] = this.filter.status === undefined ? ['pending', 'booked'] : [this.filter.status];
    const states = sections.map((section): SectionState => ({ section, total: 0, rows: [], done: false, wanted: FIRST_PAGE, loading: false }));
    const [counted] = await Promise.all([this.read('transactions:count', this.filter), ...states.map((s) => this.#fill(s, false))]);
    if (this.#disposed || this.#state.phase === 'failed') return;
    if (!counted.ok) return this.#fail(counted.error);
    for (const s of states) {
      // The count and the page were read a moment apart: a sync between them leaves the rows to tell.
      s.total = s.done ? s.rows.length : Math.max(counted.value[s.section], s.rows.length + 1);
    }
    this.#sections = states;
    this.#state = { phase: 'ready' };
    this.#changed();
  }

  /** The list shows lines up to `lastIndex`: the rows up to there (and half a page beyond) are loaded. */
  want(lastIndex: number): void {
    if (this.#state.phase !== 'ready') return;
    let at = lastIndex;
    for (const s of this.#sections) {
      if (s.total === 0) continue;
      const needed = Math.min(s.total, Math.max(0, at) + NEXT_PAGE / 2);
      if (needed > s.wanted) {
        s.wanted = needed;
        void this.#fill(s);
      }
      at -= s.total + 1;
      if (at < 0) break;
    }
  }

  dispose(): void {
    this.#disposed = true;
    this.#listeners.clear();
  }

  async #fill(s: SectionState, announce = true): Promise<void> {
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
        for (const row of page.value.transactions) s.rows.push(row);
        if (page.value.cursor === undefined) {
          s.done = true;
          // Rows stored or removed since the count: the list takes the rows that are there.
          if (announce) s.total = s.rows.length;
        } else {
          s.cursor = page.value.cursor;
          if (announce && s.rows.length >= s.total) s.total = s.rows.length + 1;
        }
        if (announce) this.#changed();
      }
    } finally {
      s.loading = false;
    }
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
