/**
 * Categories (docs/categories.md): what storing each transaction's category costs, against
 * resolving it from the rules at every read instead, side by side.
 *
 *   categories.classify_ms_per_10k        CPU a sync spends categorising one report (a fresh
 *                                         categoriser, as storeAccountReport makes per report),
 *                                         per 10,000 transactions; compare sync.cpu_ms_per_10k
 *   categories.recategorise_100k_ms       deciding all of 100,000 stored transactions again: what
 *                                         opening a file of an older version costs once
 *   categories.rule_create_100k_ms        a rule of the person's created over that store, applied
 *                                         to the rows it matches (found by text search)
 *   categories.rule_delete_100k_ms        that rule deleted, its rows decided again
 *   categories.insight_stored_ms          insights:categories over all of a 100,000 store, from
 *                                         the stored column
 *   categories.insight_resolved_ms        the same sums with each row's category resolved by the
 *                                         rules in the query (a SQL function per row)
 *   categories.filter_stored_ms           the first page of one category (fuel), newest first,
 *                                         through its index
 *   categories.filter_resolved_ms         the same page, resolving rows until it is full
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { categoriser } from '../core/categories/category-matcher.js';
import { processTransactionListPage } from '../core/psd2/accounts.js';
import { recategorise } from '../core/store/category-assign.js';
import { categoryFlows } from '../core/store/category-queries.js';
import { CategoryStore } from '../core/store/category-store.js';
import { queryTransactions } from '../core/store/transaction-queries.js';
import { cpuMs, median } from './measure.js';
import { filledStore } from './queries.js';
import { report } from './results.js';

const ROUNDS = 11;

function timed(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** `bytes`: one unpaged report as the sandbox sends it (the one sync.cpu_* measures). */
export async function benchCategories(bytes: Buffer): Promise<void> {
  const page = await processTransactionListPage(new Response(bytes, { headers: { 'content-type': 'application/json' } }), { accountId: 'bench' });
  const rows = [...page.booked, ...page.pending].map((t) => ({ counterparty: t.counterpartyName ?? null, remittance: t.remittance ?? null, incoming: !t.amount.amount.startsWith('-') }));
  const classify = median(Array.from({ length: ROUNDS }, () => cpuMs(() => {
    const decide = categoriser([]);
    for (const r of rows) decide(r);
  })));

  const dir = mkdtempSync(join(tmpdir(), 'conturi-bench-categories-'));
  try {
    const db = filledStore(join(dir, `store-${100_000}.sqlite`), 100_000);
    // The fill writes rows by SQL, undecided: this decides all of them, as a rule change would.
    const recategorised = timed(() => recategorise(db));
    const store = new CategoryStore(db, () => new Date());
    let ruleId = 0;
    let moved = 0;
    const ruleCreate = timed(() => { ({ rule: { id: ruleId }, recategorised: moved } = store.createRule({ pattern: 'Mol', field: 'any', categoryId: 'transport' })); });
    const ruleDelete = timed(() => store.deleteRule(ruleId));
    const decide = categoriser([]);
    db.function('category_of', { deterministic: true }, (counterparty, remittance, micros) =>
      decide({ counterparty: counterparty as string | null, remittance: remittance as string | null, incoming: (micros as number) > 0 }).categoryId);
    const resolvedInsight = db.prepare(`SELECT category, currency, SUM(CASE WHEN amount_micros < 0 THEN -amount_micros ELSE 0 END), SUM(CASE WHEN amount_micros > 0 THEN amount_micros ELSE 0 END), COUNT(*)
      FROM (SELECT category_of(counterparty_name, remittance, amount_micros) AS category, currency, amount_micros FROM transactions WHERE status = 'booked')
      GROUP BY category, currency`).safeIntegers(true);
    const resolvedFilter = db.prepare(`SELECT * FROM transactions WHERE category_of(counterparty_name, remittance, amount_micros) = 'fuel' ORDER BY day DESC, id DESC LIMIT 100`);
    const times = { insightStored: [] as number[], insightResolved: [] as number[], filterStored: [] as number[], filterResolved: [] as number[] };
    for (let run = 0; run < ROUNDS; run++) {
      times.insightStored.push(timed(() => categoryFlows(db, {})));
      times.insightResolved.push(timed(() => resolvedInsight.all()));
      times.filterStored.push(timed(() => queryTransactions(db, { filter: { categoryIds: ['fuel'] }, sort: 'date', order: 'desc', limit: 100 })));
      times.filterResolved.push(timed(() => resolvedFilter.all()));
    }
    db.close();
    console.log(`categories, stored with each transaction vs resolved by the rules at read time (median of ${ROUNDS}):`);
    report('categories.classify_ms_per_10k', '  categorise one report, CPU per 10,000', (classify / rows.length) * 10_000, 'ms');
    report('categories.recategorise_100k_ms', '  decide 100,000 stored transactions again', recategorised, 'ms');
    report('categories.rule_create_100k_ms', `  a new rule over 100,000 (it moves ${moved})`, ruleCreate, 'ms');
    report('categories.rule_delete_100k_ms', '  that rule deleted', ruleDelete, 'ms');
    report('categories.insight_stored_ms', '  insights:categories over 100,000, stored', median(times.insightStored), 'ms');
    report('categories.insight_resolved_ms', '  the same, resolved per row', median(times.insightResolved), 'ms');
    report('categories.filter_stored_ms', '  first page of one category, stored', median(times.filterStored), 'ms');
    report('categories.filter_resolved_ms', '  the same, resolved per row', median(times.filterResolved), 'ms');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
