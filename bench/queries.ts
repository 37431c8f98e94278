/**
 * The store's reads at scale: a store of 100,000 transactions, then of 1,000,000, over 10
 * accounts and five years, with counterparties and remittances as Romanian statements write
 * them (diacritics, card payments, transfers). SQLite writes the rows itself (see filledStore),
 * since filling is not what is measured. The reads are the app's own (`queryTransactions` in
 * core/store/transaction-queries.ts), each the median of many runs on a warm cache:
 *
 *   query.first_page_ms         the Transactions screen's first page: every account, newest first
 *   query.search_ms             the same list searched for a word typed in the search box
 *   query.growth_1m_over_100k   (first page + search) at 1,000,000 ÷ the same at 100,000
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ConnectionStore } from '../core/store/connections.js';
import { openDatabase, type Db } from '../core/store/database.js';
import { queryTransactions } from '../core/store/transaction-queries.js';
import { median } from './measure.js';
import { report } from './results.js';

const ACCOUNTS = 10;
const RUNS = 31;
const PAGE = 100;
/** A shop a person looks for: on about one card payment in thirty. */
const SEARCH = 'kaufland';
const NOW = '2027-03-10T08:00:00.000Z';
const FIRST_DAY = Date.parse('2022-03-10T00:00:00Z');
const DAYS = 5 * 365;

const SHOPS = ['Kaufland București', 'Mega Image', 'Lidl Cluj-Napoca', 'Carrefour Băneasa', 'Profi Timișoara', 'Auchan Iași', 'Penny Brașov', 'OMV Petrom', 'Farmacia Tei', 'Dr. Max Constanța',
  'eMAG', 'Altex Pitești', 'Decathlon Sibiu', 'IKEA Băneasa', 'Cărturești Cluj', 'Starbucks Piața Unirii', 'Uber Trip', 'Bolt Food', 'Glovo', 'Librăria Humanitas',
  'Enel Energie Muntenia', 'Digi România', 'Orange România', 'Vodafone România', 'Apa Nova București', 'Engie Gaz', 'Cinema City Ploiești', 'Hornbach Militari', 'Dedeman Suceava', 'Mol Târgu Mureș'];
const PEOPLE = ['Ion Popescu', 'Maria Ionescu', 'Andrei Constantinescu', 'Elena Dumitrescu', 'Mihai Stan', 'Ioana Georgescu', 'Ștefan Rădulescu', 'Ana-Maria Șerban', 'Radu Țurcanu', 'Cristina Bălănescu'];
const TRANSFERS = ['Chirie luna', 'Împrumut returnat', 'Cadou aniversare', 'Cheltuieli comune', 'Rată mașină', 'Întreținere bloc', 'Cină împărțită', 'Vacanță Mamaia'];

const list = (values: readonly string[]): string => values.map((v, k) => `(${k}, '${v.replace(/'/g, "''")}')`).join(', ');

/**
 * An encrypted store of `count` booked transactions over 10 granted accounts and five years,
 * written by SQLite itself (one INSERT … SELECT over a counter, in day order as syncs add
 * history), then their text-search entries in one statement. Integer arithmetic stands in for a
 * random source, so every run fills the same store.
 */
export function filledStore(path: string, count: number, key: Buffer = randomBytes(32)): Db {
  const db = openDatabase(path, key);
  const connections = new ConnectionStore(db);
  const ibans = Array.from({ length: ACCOUNTS }, (_, i) => `RO${String(10 + i)}CECEB10300RON${String(1000000 + i).padStart(7, '0')}`);
  connections.insert({ id: 'c1', profileId: 'sandbox', label: 'bench', consentId: 'consent-1', consentStatus: 'valid', validUntil: '2099-01-01', reauthRequired: false, createdAt: NOW, updatedAt: NOW });
  connections.setGrants('c1', ibans.map((iban, i) => ({ id: `${iban}:RON`, kind: 'account' as const, iban, currency: 'RON', resourceId: `res-${i}`, balances: true, transactions: true, product: 'Cont curent' })), NOW);
  const cache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -262144');
  db.exec(`
    CREATE TEMP TABLE shops (k INTEGER PRIMARY KEY, name TEXT);
    CREATE TEMP TABLE people (k INTEGER PRIMARY KEY, name TEXT);
    CREATE TEMP TABLE transfers (k INTEGER PRIMARY KEY, text TEXT);
    CREATE TEMP TABLE ibans (k INTEGER PRIMARY KEY, id TEXT);
    INSERT INTO shops VALUES ${list(SHOPS)};
    INSERT INTO people VALUES ${list(PEOPLE)};
    INSERT INTO transfers VALUES ${list(TRANSFERS)};
    INSERT INTO ibans VALUES ${list(ibans.map((iban) => `${iban}:RON`))};
  `);
  db.transaction(() => {
    db.prepare(`
      WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < @count - 1),
      r AS (SELECT i, (i * 2654435761) % 4294967296 AS h, (i * 48271) % 2147483647 AS g FROM n),
      t AS (
        SELECT i, h % 10 < 7 AS card, date(@first, '+' || (i * @days / @count) || ' days') AS day,
          CASE WHEN h % 10 < 7 THEN -(100 + g % 50000) WHEN h % 2 = 0 THEN -(5000 + g % 500000) ELSE 5000 + g % 500000 END AS cents,
          (SELECT name FROM shops WHERE k = g % ${SHOPS.length}) AS shop,
          (SELECT name FROM people WHERE k = g % ${PEOPLE.length}) AS person,
          (SELECT text FROM transfers WHERE k = h % ${TRANSFERS.length}) AS transfer,
          (SELECT id FROM ibans WHERE k = i % ${ACCOUNTS}) AS account
        FROM r
      )
      INSERT INTO transactions (account_id, status, bank_key, day, booking_date, value_date, amount, amount_micros, currency,
        counterparty_name, counterparty_iban, remittance, entry_reference, bank_transaction_code, first_seen_at)
      SELECT account, 'booked', CAST(7000000000 + i AS TEXT), day, day, day,
        printf('%s%d.%02d', CASE WHEN cents < 0 THEN '-' ELSE '' END, abs(cents) / 100, abs(cents) % 100), cents * 10000, 'RON',
        CASE WHEN card THEN shop ELSE person END,
        CASE WHEN card THEN NULL ELSE 'RO73INGB0000999904567812' END,
        CASE WHEN card THEN 'Cumpărare POS ' || upper(shop) || ' card 479345******4327' ELSE transfer || ' ' || person END,
        CAST(i AS TEXT), CASE WHEN card THEN 'PMNT-CCRD-POSD' ELSE 'PMNT-ICDT-DMCT' END, @now
      FROM t`).run({ count, first: new Date(FIRST_DAY).toISOString().slice(0, 10), days: DAYS, now: NOW });
    db.exec('INSERT INTO transactions_fts (rowid, counterparty_name, remittance) SELECT search_key, counterparty_name, remittance FROM transactions');
  })();
  db.exec('DROP TABLE temp.shops; DROP TABLE temp.people; DROP TABLE temp.transfers; DROP TABLE temp.ibans');
  db.pragma(`cache_size = ${cache}`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  return db;
}

function timed(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** The median first page and search over the store as it is; each read once per round, alternating. */
function measure(db: Db): { firstPage: number; search: number; found: number } {
  const firstPage: number[] = [];
  const search: number[] = [];
  let found = 0;
  for (let run = 0; run < RUNS; run++) {
    firstPage.push(timed(() => queryTransactions(db, { filter: {}, sort: 'date', order: 'desc', limit: PAGE })));
    search.push(timed(() => { found = queryTransactions(db, { filter: { text: SEARCH }, sort: 'date', order: 'desc', limit: PAGE }).transactions.length; }));
  }
  return { firstPage: median(firstPage), search: median(search), found };
}

export function benchQueries(): void {
  const dir = mkdtempSync(join(tmpdir(), 'conturi-bench-queries-'));
  const figures: Record<number, { firstPage: number; search: number; found: number }> = {};
  try {
    for (const count of [100_000, 1_000_000]) {
      const start = performance.now();
      const db = filledStore(join(dir, `store-${count}.sqlite`), count);
      const filled = performance.now() - start;
      figures[count] = measure(db);
      db.close();
      console.log(`  (a store of ${count} filled in ${(filled / 1000).toFixed(1)} s)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const small = figures[100_000]!;
  const large = figures[1_000_000]!;
  console.log(`the store's reads, ${ACCOUNTS} accounts, median of ${RUNS} runs, a page of ${PAGE}, search "${SEARCH}" (${small.found} on its first page):`);
  report('query.first_page_ms', '  first page of 100,000', small.firstPage, 'ms', 20);
  report('query.search_ms', '  search over 100,000', small.search, 'ms', 30);
  report('query.first_page_1m_ms', '  first page of 1,000,000', large.firstPage, 'ms');
  report('query.search_1m_ms', '  search over 1,000,000', large.search, 'ms');
  report('query.growth_1m_over_100k', '  (first page + search) at 1,000,000 ÷ at 100,000', (large.firstPage + large.search) / (small.firstPage + small.search), '×', 2);
}
