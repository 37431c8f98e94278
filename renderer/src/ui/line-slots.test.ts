import { describe, expect, it } from 'vitest';
import { LineSlots } from './line-slots.js';

const unique = (keys: number[]) => new Set(keys).size === keys.length;

describe('LineSlots', () => {
  it('a line still in the window keeps its key; the one that came in takes the key of the one that left', () => {
    const slots = new LineSlots();
    const first = slots.keys(0, 4);
    const next = slots.keys(1, 5);
    expect(next.slice(0, 4)).toEqual(first.slice(1));
    expect(next[4]).toBe(first[0]);
    expect(unique(next)).toBe(true);
  });

  it('a jump past the whole window reuses every key in the same order: no element moves', () => {
    const slots = new LineSlots();
    const first = slots.keys(100, 128);
    expect(slots.keys(243, 271)).toEqual(first);
    expect(slots.keys(10, 38)).toEqual(first);
  });

  it('a window that grows gets new keys for the lines it gained, never one already in use', () => {
    const slots = new LineSlots();
    slots.keys(0, 3);
    const grown = slots.keys(2, 12);
    expect(grown).toHaveLength(11);
    expect(unique(grown)).toBe(true);
    for (let start = 0; start < 200; start += 7) expect(unique(slots.keys(start, start + 5 + (start % 9)))).toBe(true);
  });
});
