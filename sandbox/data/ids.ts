import type { Rng } from './prng.js';

/**
 * Random-looking numeric identifiers (resource ids, transaction ids, account numbers) that are
 * unique across the whole bank, as CEC's are: one allocator serves every PSU and account.
 */
export class UniqueIds {
  // Numbers, not strings: the benchmark profile allocates 160,000 transaction ids.
  private readonly used = new Map<string, Set<number>>();
  private readonly rng: Rng;

  constructor(rng: Rng) {
    this.rng = rng;
  }

  /** A fresh `digits`-digit number of `kind`; `leadingZero` allows forms like "0007466". */
  next(kind: string, digits: number, leadingZero = false): string {
    let used = this.used.get(kind);
    if (used === undefined) {
      used = new Set();
      this.used.set(kind, used);
    }
    const min = leadingZero ? 0 : 10 ** (digits - 1);
    const span = 10 ** digits - min;
    for (;;) {
      // Two draws give ~53 random bits, enough to reach every 10-digit number.
      const id = min + Math.floor((this.rng.next() + this.rng.next() / 4294967296) * span);
      if (!used.has(id)) {
        used.add(id);
        return String(id).padStart(digits, '0');
      }
    }
  }
}
