import { defaultRangeExtractor, type Range } from '@tanstack/react-virtual';

/** Lines rendered beyond each edge of the view while a scroll jumps past the whole window each frame. */
const FLING_OVERSCAN = 1;

/**
 * The virtualiser's range extractor for a scroll in progress: the lines in view and the usual
 * overscan around them, except while the scroll jumps past the whole window from one range to the
 * next (a fling, a dragged scrollbar). The overscan is there for the next frame of a scroll that
 * moves on by a few lines; a scroll that jumps further never shows those lines, and building them
 * cost most of such a frame. The next range that touches the last one brings the overscan back.
 */
export function flingAwareRange(): (range: Range) => number[] {
  let before: Range | undefined;
  return (range) => {
    const jumped = before !== undefined && (range.startIndex > before.endIndex || range.endIndex < before.startIndex);
    before = range;
    return defaultRangeExtractor(jumped ? { ...range, overscan: Math.min(range.overscan, FLING_OVERSCAN) } : range);
  };
}
