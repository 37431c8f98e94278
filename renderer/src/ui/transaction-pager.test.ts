import { describe, expect, it } from 'vitest';
import type { StoredTransaction } from '../../../common/queries.js';
import { createFakeBridge } from '../bridge/fake-bridge.js';
import { FIRST_PAGE, NEXT_PAGE, TransactionPager } from './transaction-pager.js';

const TOTAL = 3_000;
const row = (i: number): StoredTransaction => ({
  rowId: i + 1, id: `t${i}`, accountId: 'a1', status: 'booked', day: '2026-01-01', bookingDate: '2026-01-01', amount: { amount: '-1.00', currency: 'RON' },
});

/** A booked-only list of TOTAL rows, paged by offset in the cursor, each page held until `release` is called. */
function world() {
  const fake = createFakeBridge();
  const held: (() => void)[] = [];
  const rows = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => row(from + i));
  fake.handle('transactions:first-pages', () => ({
    ok: true, value: { counts: { booked: TOTAL, pending: 0 }, booked: { transactions: rows(0, FIRST_PAGE), cursor: String(FIRST_PAGE) }, pending: { transactions: [] } },
  }));
  fake.handle('transactions:query', (input) => new Promise((resolve) => {
    const from = Number(input.cursor);
    const to = Math.min(TOTAL, from + (input.limit ?? NEXT_PAGE));
    held.push(() => resolve({ ok: true, value: { transactions: rows(from, to), ...(to < TOTAL ? { cursor: String(to) } : {}) } }));
  }));
  const pager = new TransactionPager((method, input) => fake.bridge.invoke(method, input), { status: 'booked' });
  let announced = 0;
  pager.subscribe(() => announced++);
  const release = async () => {
    held.shift()?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { pager, release, announced: () => announced };
}

describe('TransactionPager', () => {
  it('a page whose rows are not among the lines in view is kept without a word; one that brings lines in view is announced', async () => {
    const { pager, release, announced } = world();
    await pager.start();
    expect(announced()).toBe(1);
    // The list shows lines 2,000 to 2,020 (a far scroll): the pages before them change nothing on screen.
    pager.view(2_000, 2_020);
    pager.want(2_020);
    for (let page = 0; page < 3; page++) await release();
    expect(pager.item(FIRST_PAGE + 2 * NEXT_PAGE).kind).toBe('row');
    expect(announced()).toBe(1);
    // The page holding rows 1,600 to 2,099 brings lines 2,000 to 2,020.
    await release();
    expect(pager.item(2_000).kind).toBe('row');
    expect(announced()).toBe(2);
  });
});
