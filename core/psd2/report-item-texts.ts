/**
 * The source text of each item of a report's lists, exactly as the bank wrote it: the store
 * keeps every transaction's item for the details drawer. Slices of the answer's text cost next
 * to nothing; writing each parsed item out again made a sync's parse about a third slower.
 */
import { CLOSE_ARRAY, CLOSE_OBJECT, COLON, OPEN_ARRAY, OPEN_OBJECT, QUOTE } from '../http/json-chars.js';
import { stringEnd } from '../http/json-number.js';

/** Per list of the report (`booked`, `pending`), each item's text in order. */
export type ItemTexts = Partial<Record<'booked' | 'pending', string[]>>;

const LISTS = new Set(['"booked"', '"pending"']);

/**
 * The item texts of the lists `booked` and `pending` of the root member `report` (e.g.
 * `"transactions"`, quoted as written), for text JSON.parse accepted. A list the bank repeats
 * keeps its last occurrence, as JSON.parse does. A member name written with escapes is not
 * recognised: the caller then has fewer texts than items and writes the items out itself.
 */
export function reportItemTexts(text: string, report: string): ItemTexts {
  const texts: ItemTexts = {};
  // The key last read at each depth, and whether the container at that depth is an array.
  const keys: (string | undefined)[] = [];
  const arrays: boolean[] = [];
  let depth = 0;
  let list: string[] | undefined;
  let itemStart = -1;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (end === -1) break;
      if (!arrays[depth] && isKey(text, end + 1)) keys[depth] = text.slice(i, end + 1);
      i = end;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      // Depth 3 is an item: root object (1) → report (2) → list array (3).
      if (depth === 3 && list !== undefined && itemStart === -1) itemStart = i;
      depth++;
      arrays[depth] = c === OPEN_ARRAY;
      keys[depth] = undefined;
      if (depth === 3 && arrays[3] && keys[1] === report && LISTS.has(keys[2] ?? '')) {
        list = [];
        texts[(keys[2] as string).slice(1, -1) as 'booked' | 'pending'] = list;
      }
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
      if (depth === 3 && itemStart !== -1) {
        list?.push(text.slice(itemStart, i + 1));
        itemStart = -1;
      } else if (depth === 2) {
        list = undefined;
      }
    }
  }
  return texts;
}

/** Whether the string ending before `from` is a member name: the next character that is not white space is a colon. */
function isKey(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === COLON) return true;
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return false;
}
