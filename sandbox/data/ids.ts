import type { Rng } from './prng.js';

/**
 * A keyed permutation of [0, 10^digits): an alternating Feistel network over the high and low
 * halves of the digits. Numbering 0, 1, 2, ... through it gives ids that look random yet can
 * never repeat, with no set of used ids to keep (the benchmark profile makes 160,000 of them).
 */
class DigitPermutation {
  private readonly high: number;
  private readonly low: number;
  private readonly keys: number[];

  constructor(digits: number, rng: Rng) {
    this.high = 10 ** Math.floor(digits / 2);
    this.low = 10 ** Math.ceil(digits / 2);
    this.keys = [0, 1, 2, 3].map(() => rng.int(0, 0xffffffff) | 0);
  }

  apply(x: number): number {
    // State (left, right) with left < leftSize, right < rightSize; each round swaps the roles, and
    // the even number of rounds brings the layout back to (high, low).
    let left = Math.floor(x / this.low);
    let right = x % this.low;
    let leftSize = this.high;
    let rightSize = this.low;
    for (let i = 0; i < this.keys.length; i++) {
      const mixed = (left + (round(right, this.keys[i] as number) % leftSize)) % leftSize;
      left = right;
      right = mixed;
      const size = leftSize;
      leftSize = rightSize;
      rightSize = size;
    }
    return left * rightSize + right;
  }
}

/** A 31-bit hash of one half and a round key (kept below 2^31 so V8 stays in small integers). */
function round(value: number, key: number): number {
  let h = Math.imul(value ^ key, 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h & 0x7fffffff;
}

/**
 * Random-looking numeric identifiers (resource ids, transaction ids, account numbers) that are
 * unique across the whole bank, as CEC's are: one allocator serves every PSU and account.
 */
export class UniqueIds {
  private readonly kinds = new Map<string, { permutation: DigitPermutation; issued: number }>();
  private readonly rng: Rng;

  constructor(rng: Rng) {
    this.rng = rng;
  }

  /** The next `digits`-digit number of `kind`; `leadingZero` allows forms like "0007466". */
  next(kind: string, digits: number, leadingZero = false): string {
    let state = this.kinds.get(kind);
    if (state === undefined) {
      state = { permutation: new DigitPermutation(digits, this.rng), issued: 0 };
      this.kinds.set(kind, state);
    }
    const min = leadingZero ? 0 : 10 ** (digits - 1);
    if (state.issued >= 10 ** digits - min) throw new RangeError(`no ${digits}-digit ${kind} ids left`);
    // Cycle-walking: permute inside [0, 10^digits) until the value lands in [min, 10^digits);
    // starting from distinct in-range values keeps the results distinct.
    let id = state.permutation.apply(min + state.issued++);
    while (id < min) id = state.permutation.apply(id);
    return String(id).padStart(digits, '0');
  }
}
