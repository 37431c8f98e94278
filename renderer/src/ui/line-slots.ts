/**
 * Keys for the lines of a virtualised list, so that a line's element is reused rather than
 * dropped and built anew when its line leaves the window and another one comes in.
 *
 * A line still in the window keeps its key (its element stays as it is). The keys of the lines
 * that left go to the lines that came in, in the order both stand in the document: a fast scroll
 * that brings a whole new window reuses every element where it is, with no element moved, and a
 * short scroll moves only the few elements that went round from one end to the other. (Keying by
 * `index % slots` also reuses every element, but the document order, which is the reading and Tab
 * order, then has to turn round with each scroll: React moves most of the window's elements each
 * frame of a fling, and a moved element is styled and laid out as a new one.)
 */
export class LineSlots {
  /** Line index → key, for the window last given. */
  #keys = new Map<number, number>();
  #next = 0;

  /** The keys of lines `first` to `last` (inclusive), in order: unique among them. */
  keys(first: number, last: number): number[] {
    const before = this.#keys;
    const freed: number[] = [];
    for (const [index, key] of before) if (index < first || index > last) freed.push(key);
    const keys: number[] = [];
    const now = new Map<number, number>();
    let reuse = 0;
    for (let index = first; index <= last; index++) {
      const key = before.get(index) ?? freed[reuse++] ?? this.#next++;
      keys.push(key);
      now.set(index, key);
    }
    this.#keys = now;
    return keys;
  }
}
