/**
 * `npm run bench`: figures for the sandbox bank at benchmark scale and for the client reading it.
 * Prints numbers and ratios against targets; never asserts (benchmarks are not tests).
 *
 *   generate        2 PSUs × 8 accounts × 10,000 transactions (target < 2,000 ms)
 *   report          one 10,000-transaction account read through core's AIS client, unpaged and
 *                   paged by 500 (target < 1,000 ms unpaged on loopback)
 *   exact JSON      core's exact-number parse vs JSON.parse on the same report, side by side, also
 *                   with the amounts written to two decimals as other banks do (bench/json-parse.ts)
 *   sync CPU        parse, validate and store that report vs JSON.parse + raw INSERTs (bench/sync-cpu.ts)
 *   categories      categorising that report, and categories stored vs resolved at read time over
 *                   100,000 stored (bench/categories.ts)
 *   full sync       10 accounts × 10,000 through core, 50 ms latency, pages of 500, against the lower
 *                   bound; a resync with nothing new; the database's bytes per transaction
 *                   (bench/sync-full.ts)
 *   queries         the first page and a search over 100,000 and 1,000,000 stored (bench/queries.ts)
 *   ui              the Transactions screen in Chromium over 100,000 stored: first rows, a search,
 *                   a scroll end to end (rows in the page, heap, frame times) (bench/ui.ts; needs
 *                   `npm run build:renderer` first)
 *   pay             paying in Chromium with the bank settling in 3 s: the clicks from the overview
 *                   to the bank's page for a saved beneficiary, and the bank's settlement to the
 *                   status shown (bench/pay.ts; the same built renderer)
 *
 * Every figure also goes to bench/results.json.
 */
import { performance } from 'node:perf_hooks';
import { getAccountListRequest, getTransactionListRequest, processAccountListResponse, processTransactionListResponse } from '../core/psd2/accounts.js';
import { generatePsus } from '../sandbox/data/generate.js';
import { startSandbox } from '../sandbox/index.js';
import { connectDirect } from './direct-client.js';
import { benchCategories } from './categories.js';
import { benchJsonParse } from './json-parse.js';
import { benchPay } from './pay.js';
import { benchQueries } from './queries.js';
import { report, writeResults } from './results.js';
import { benchSyncCpu } from './sync-cpu.js';
import { benchSyncFull } from './sync-full.js';
import { benchUi } from './ui.js';

const PER_ACCOUNT = 10_000;

async function time<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

async function main(): Promise<void> {
  const [, generateMs] = await time(() => generatePsus({ seed: 42, accountsPerPsu: 8, transactionsPerAccount: PER_ACCOUNT, today: new Date() }));
  report('sandbox.generate_ms', 'generate 2 × 8 × 10,000 transactions', generateMs, 'ms', 2000);

  let floorPer10k: number | undefined;
  for (const pageSize of [undefined, 500]) {
    const bank = await startSandbox({ port: 0, transactionsPerAccount: PER_ACCOUNT, pageSize, rateLimit: 100_000 });
    const { ctx, auth } = await connectDirect(bank.url);
    const mode = { psuIpAddress: '127.0.0.1' };
    const { accounts } = await processAccountListResponse(await getAccountListRequest(ctx, auth, mode), { connectionId: 'bench' });
    const ron = accounts.find((a) => a.currency === 'RON' && a.kind === 'account')!;
    const [count, ms] = await time(async () => {
      let n = 0;
      let next: string | undefined;
      do {
        const req = next === undefined ? { accountResourceId: ron.resourceId, bookingStatus: 'both' as const, dateFrom: '2020-01-01' } : { accountResourceId: ron.resourceId, nextHref: next };
        const page = await processTransactionListResponse(await getTransactionListRequest(ctx, auth, mode, req), { accountId: ron.id });
        n += page.transactions.length;
        next = page.next;
      } while (next !== undefined);
      return n;
    });
    const paging = pageSize === undefined ? 'unpaged' : `paged_${pageSize}`;
    report(`client.report_${paging}_ms`, `report of ${count} transactions, ${pageSize === undefined ? 'unpaged' : `pages of ${pageSize}`}`, ms, 'ms', pageSize === undefined ? 1000 : undefined);
    report(`client.report_${paging}_per_second`, '  transactions per second', (count / ms) * 1000, '/s');
    if (pageSize === undefined) {
      const res = await getTransactionListRequest(ctx, auth, mode, { accountResourceId: ron.resourceId, bookingStatus: 'both', dateFrom: '2020-01-01' });
      const bytes = Buffer.from(await res.arrayBuffer());
      const text = bytes.toString('utf8');
      benchJsonParse(text, `the report of ${count} transactions`, 'json.');
      // Amounts as a bank writing two decimals sends them (-54.00): numbers JSON.parse alone cannot keep.
      const twoDecimals = text.replace(/"amount":(-?\d+)(?:\.(\d+))?/g, (_all, int: string, fraction = '') => `"amount":${int}.${fraction.padEnd(2, '0')}`);
      benchJsonParse(twoDecimals, 'the same, amounts written with two decimals', 'json.two_decimals.');
      floorPer10k = await benchSyncCpu(bytes, count);
      await benchCategories(bytes);
    }
    report(`sandbox.rss_after_${paging}_mb`, 'sandbox process RSS', process.memoryUsage().rss / 1e6, 'MB');
    await bank.close();
  }
  await benchSyncFull(floorPer10k);
  benchQueries();
  await benchUi();
  await benchPay();
  writeResults();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
