import { describe, expect, it } from 'vitest';
import { flingAwareRange } from './fling-range.js';

const range = (startIndex: number, endIndex: number) => ({ startIndex, endIndex, overscan: 8, count: 100_000 });

describe('flingAwareRange', () => {
  it('keeps the overscan for a scroll that moves on by a few lines, drops it for a jump past the window, brings it back after', () => {
    const extract = flingAwareRange();
    expect(extract(range(0, 11))).toEqual(Array.from({ length: 20 }, (_, i) => i));
    const near = extract(range(3, 14));
    expect([near[0], near.at(-1)]).toEqual([0, 22]);
    const jump = extract(range(150, 161));
    expect([jump[0], jump.at(-1)]).toEqual([149, 162]);
    const settled = extract(range(152, 163));
    expect([settled[0], settled.at(-1)]).toEqual([144, 171]);
  });
});
