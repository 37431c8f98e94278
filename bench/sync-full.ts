/**
 * The sync engine at scale, through core as the app builds it (bench/sync-world.ts) against the
 * sandbox bank in its own process: 10 accounts × 10,000 transactions, 50 ms added to every
 * answer, pages of 500, the demo PSU's one connection.
 *
 *   sync.full.ratio_to_lower_bound      the first sync's wall time ÷ its lower bound, where
 *       lower bound = max(longest chain, ⌈report requests ÷ cap⌉) × latency
 *     longest chain: the most pages one account's report took (its pages come one after another);
 *     report requests: every account's pages together, of which at most `cap` (the engine's
 *     request cap) are in flight at once. The requests before the reports (consent status,
 *     account lists, a token) are printed apart and not in the bound. The bank runs on this
 *     machine, so its answers take longer than the latency it adds; the same bound at its median
 *     answer time is printed too, to tell the bank's share of a miss from the client's.
 *   sync.full.floor_ratio_to_lower_bound   the floor's CPU for the same transactions (bench/sync-cpu.ts:
 *       JSON.parse + raw prepared INSERTs into the store's schema, measured in this run, per 10,000,
 *       scaled to the transactions stored) ÷ the same lower bound. SQLite has one writer, so the
 *       INSERTs cannot be spread over cores: above 1.15 here, no client of this store can meet the
 *       target on this machine, whatever it does with its other threads.
 *   sync.incremental.requests_per_account   a second person-started run, nothing new: requests ÷ accounts
 *   store.bytes_per_transaction         page_count × page_size after a WAL checkpoint ÷ stored transactions
 *
 * Generating the bank's data happens before the bank listens, so before any clock starts.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { SyncSummary } from '../common/index.js';
import { DEFAULT_PACING } from '../core/sync/bank-run.js';
import { startBankProcess } from './bank-process.js';
import { median } from './measure.js';
import { report } from './results.js';
import { connectedCore, PSU_IP } from './sync-world.js';

const ACCOUNTS = 10;
const PER_ACCOUNT = 10_000;
const LATENCY_MS = 50;
const PAGE_SIZE = 500;

/** The time from each request to its answer's headers, to tell a slow bank from a slow client. */
function answerTimes(): { fetch: typeof fetch; taken(): number[] } {
  const times: number[] = [];
  return {
    fetch: async (input, init) => {
      const start = performance.now();
      const res = await fetch(input, init);
      times.push(performance.now() - start);
      return res;
    },
    taken: () => times.splice(0),
  };
}

const reportPages = (s: SyncSummary): number[] => s.accounts.map((a) => a.pages);

export async function benchSyncFull(floorPer10k?: number): Promise<void> {
  const bank = await startBankProcess({
    accounts: ACCOUNTS, 'transactions-per-account': PER_ACCOUNT, 'latency-ms': LATENCY_MS, 'page-size': PAGE_SIZE, 'rate-limit': 100_000,
  });
  const answers = answerTimes();
  const world = await connectedCore(bank, {}, answers.fetch);
  try {
    const cap = DEFAULT_PACING.concurrency;
    answers.taken();
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    const cpu = process.cpuUsage();
    const bankCpu = bank.cpuMs();
    const busy = performance.eventLoopUtilization();
    const start = performance.now();
    const full = await world.core.sync.run({ trigger: 'person', psuIpAddress: PSU_IP });
    const wall = performance.now() - start;
    const spent = process.cpuUsage(cpu);
    const utilisation = performance.eventLoopUtilization(busy).utilization;
    const bankSpent = bankCpu === undefined ? undefined : (bank.cpuMs() ?? bankCpu) - bankCpu;
    loop.disable();
    if (full.outcome !== 'ok') throw new Error(`the full sync ended ${full.outcome}: ${JSON.stringify(full.accounts.filter((a) => a.outcome !== 'synced'))}`);

    const pages = reportPages(full);
    const reportRequests = pages.reduce((a, b) => a + b, 0);
    const chain = Math.max(...pages);
    const spread = Math.ceil(reportRequests / cap);
    const bound = Math.max(chain, spread) * LATENCY_MS;
    console.log(`full sync, ${full.accounts.length} accounts, ${full.stored} transactions stored, ${full.requests} requests (${full.requests - reportRequests} before the reports), cap ${cap}:`);
    report('sync.full.longest_chain_requests', '  longest chain (one account’s pages)', chain, 'requests');
    report('sync.full.spread_requests', `  ⌈${reportRequests} report requests ÷ cap ${cap}⌉`, spread, 'requests');
    report('sync.full.lower_bound_ms', `  lower bound = max of the two × ${LATENCY_MS} ms`, bound, 'ms');
    report('sync.full.ms', '  measured wall time', wall, 'ms');
    report('sync.full.ratio_to_lower_bound', '  measured / lower bound', wall / bound, '×', 1.15);
    if (floorPer10k !== undefined) {
      report('sync.full.floor_ms', `  the floor's CPU for ${full.stored} transactions (JSON.parse + raw INSERTs, one writer)`, (floorPer10k * full.stored) / 10_000, 'ms');
      report('sync.full.floor_ratio_to_lower_bound', '  the floor alone / lower bound (the least any client of this store needs)', (floorPer10k * full.stored) / 10_000 / bound, '×');
    }
    report('sync.full.client_cpu_ms', '  client CPU during the run (user + system)', (spent.user + spent.system) / 1000, 'ms');
    if (bankSpent !== undefined) report('sync.full.bank_cpu_ms', '  the bank’s CPU during the run (its own process)', bankSpent, 'ms');
    const answer = median(answers.taken());
    report('sync.full.answer_median_ms', `  median answer time of the bank (latency ${LATENCY_MS} ms)`, answer, 'ms');
    // The bound takes the bank to answer in exactly its latency; here it shares the CPU with us.
    report('sync.full.ratio_to_bound_at_answer_time', '  measured / the same bound at that answer time', wall / (Math.max(chain, spread) * answer), '×');
    // The share of the run the client's event loop was busy: near 1, the run is bound by the client's one thread, not by the bank.
    report('sync.full.event_loop_busy_ratio', '  share of the run the event loop was busy', utilisation, '×');
    report('sync.full.event_loop_max_ms', '  longest event-loop stall', loop.max / 1e6, 'ms');

    const again = await world.core.sync.run({ trigger: 'person', psuIpAddress: PSU_IP });
    console.log(`resync with nothing new: ${again.requests} requests for ${again.accounts.length} accounts, ${again.stored} stored`);
    report('sync.incremental.requests_per_account', '  requests per account', again.requests / again.accounts.length, 'requests', 1.1);

    world.core.db.pragma('wal_checkpoint(TRUNCATE)');
    const pageCount = world.core.db.pragma('page_count', { simple: true }) as number;
    const pageSize = world.core.db.pragma('page_size', { simple: true }) as number;
    const stored = world.core.db.prepare('SELECT count(*) AS n FROM transactions').pluck().get() as number;
    report('store.bytes_per_transaction', `database size (encrypted) ÷ ${stored} transactions`, (pageCount * pageSize) / stored, 'B');
  } finally {
    world.close();
    await bank.close();
  }
}
