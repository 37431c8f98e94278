import { describe, expect, it } from 'vitest';
import { LineLayout } from './line-window.js';

// Two sections as the transaction list draws them: a heading of 40 px, then rows of 56 px.
const layout = new LineLayout([3, 100_001], 40, 56);

describe('LineLayout', () => {
  it('places each heading and row by arithmetic, the second section after the first one’s rows', () => {
    expect(layout.size).toBe(100_004);
    expect([layout.start(0), layout.start(1), layout.start(2), layout.start(3), layout.start(4)]).toEqual([0, 40, 96, 152, 192]);
    expect(layout.start(100_003)).toBe(152 + 40 + 99_999 * 56);
    expect(layout.height).toBe(152 + 40 + 100_000 * 56);
  });

  it('finds the line at a height: a heading over its 40 px, then a row every 56 px, the last line past the end', () => {
    expect([layout.indexAt(0), layout.indexAt(39), layout.indexAt(40), layout.indexAt(95), layout.indexAt(96)]).toEqual([0, 0, 1, 1, 2]);
    expect([layout.indexAt(151), layout.indexAt(152), layout.indexAt(191), layout.indexAt(192)]).toEqual([2, 3, 3, 4]);
    expect(layout.indexAt(layout.height + 1_000)).toBe(100_003);
    for (const index of [0, 1, 2, 3, 4, 5_000, 100_003]) expect(layout.indexAt(layout.start(index))).toBe(index);
  });

  it('has no lines when every section is empty', () => {
    const none = new LineLayout([], 40, 56);
    expect([none.size, none.height, none.indexAt(100)]).toEqual([0, 0, 0]);
  });
});
