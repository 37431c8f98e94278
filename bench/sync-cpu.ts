/**
 * `sync.cpu_ratio_to_floor`: the CPU one account's report costs the sync, against the least any
 * client could spend on the same bytes. Side by side, alternating, the median of several rounds,
 * each on CPU time after a collection with nothing else on the event loop:
 *
 *   ours    processTransactionListPage on the bytes (exact parse, validation, mapping), then
 *           fingerprintTransactions and storeAccountReport into a fresh encrypted database
 *   floor   JSON.parse of the same bytes, then one prepared INSERT per row, in one transaction,
 *           into the same `transactions` table (a fresh encrypted database of the same schema:
 *           same indexes), then the rows' FTS5 entries, which the store needs (schema step 6:
 *           the store indexes new rows itself), in one INSERT … SELECT in search-key order
 *           (step 8: the entries are keyed by the day-ordered search_key), and each row's
 *           bank item, which the store keeps for the details drawer (transaction_bank_items),
 *           as JSON.stringify writes it (the least text any client could write for it)
 *
 * Opening the databases is outside the timings; the rows go in as the sync stores them.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processTransactionListPage } from '../core/psd2/accounts.js';
import { fingerprintTransactions } from '../core/psd2/transaction-fingerprint.js';
import { storeAccountReport } from '../core/store/account-history.js';
import { ConnectionStore } from '../core/store/connections.js';
import { openDatabase, type Db } from '../core/store/database.js';
import { cpuMs, cpuMsAsync, median } from './measure.js';
import { report } from './results.js';

const ROUNDS = 11;
const ACCOUNT = 'RO49CECE1B31007593840000:RON';
const NOW = '2027-03-10T08:00:00.000Z';

/** A fresh encrypted database holding one granted account, as after a connect. */
function freshStore(dir: string, name: string): Db {
  const db = openDatabase(join(dir, `${name}.sqlite`), randomBytes(32));
  const connections = new ConnectionStore(db);
  connections.insert({ id: 'c1', profileId: 'sandbox', label: 'bench', consentId: 'consent-1', consentStatus: 'valid', validUntil: '2099-01-01', reauthRequired: false, createdAt: NOW, updatedAt: NOW });
  connections.setGrants('c1', [{ id: ACCOUNT, kind: 'account', iban: ACCOUNT.slice(0, 24), currency: 'RON', resourceId: 'res-1', balances: true, transactions: true, product: 'Cont curent' }], NOW);
  return db;
}

interface WireTransaction {
  transactionId?: string;
  entryReference?: string;
  creditorName?: string;
  debtorName?: string;
  creditorAccount?: { iban?: string };
  debtorAccount?: { iban?: string };
  transactionAmount: { currency: string; amount: number };
  bookingDate?: string;
  valueDate?: string;
  remittanceInformationUnstructured?: string;
  bankTransactionCode?: string;
}

/** The floor: the bytes parsed by JSON.parse and every row inserted as it comes, nothing checked. */
function floor(db: Db, bytes: Buffer): void {
  const body = JSON.parse(bytes.toString('utf8')) as { transactions: { booked?: WireTransaction[]; pending?: WireTransaction[] } };
  const insert = db.prepare(
    `INSERT INTO transactions (account_id, status, bank_key, day, booking_date, value_date, amount, amount_micros, currency,
       counterparty_name, counterparty_iban, remittance, entry_reference, bank_transaction_code, first_seen_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // The rows' text index entries in one statement, in key order (FTS5 starts a new segment at
  // every key below the last): the least the store's schema lets a client spend on them.
  const index = db.prepare(
    'INSERT INTO transactions_fts (rowid, counterparty_name, remittance) SELECT search_key, counterparty_name, remittance FROM transactions ORDER BY search_key',
  );
  const item = db.prepare('INSERT INTO transaction_bank_items (transaction_id, item) VALUES (?, ?)');
  db.transaction(() => {
    for (const status of ['booked', 'pending'] as const) {
      for (const t of body.transactions[status] ?? []) {
        const amount = t.transactionAmount.amount;
        const party = (amount < 0 ? t.creditorName : t.debtorName) ?? null;
        const remittance = t.remittanceInformationUnstructured ?? null;
        const { lastInsertRowid } = insert.run(
          ACCOUNT, status, `${status}:${t.transactionId}`, t.bookingDate ?? t.valueDate ?? '2027-03-10', t.bookingDate ?? null, t.valueDate ?? null,
          String(amount), Math.round(amount * 1e6), t.transactionAmount.currency,
          party, (amount < 0 ? t.creditorAccount : t.debtorAccount)?.iban ?? null,
          remittance, t.entryReference ?? null, t.bankTransactionCode ?? null, NOW,
        );
        item.run(lastInsertRowid, JSON.stringify(t));
      }
    }
    index.run();
  })();
}

/** Ours: the sync's own path for one page that is the whole report. */
async function ours(db: Db, bytes: Buffer): Promise<number> {
  const page = await processTransactionListPage(new Response(bytes, { headers: { 'content-type': 'application/json' } }), { accountId: ACCOUNT });
  const ids = fingerprintTransactions([...page.booked, ...page.pending]);
  const stored = storeAccountReport(db, {
    accountId: ACCOUNT,
    booked: ids.filter((t) => t.status === 'booked'),
    pending: ids.filter((t) => t.status === 'pending'),
    balances: page.balances ?? [],
    dateFrom: '2025-03-10',
    today: '2027-03-10',
    now: NOW,
  });
  return stored.booked + stored.pendingAdded;
}

/**
 * `bytes`: one unpaged report of `count` transactions as the sandbox sends it. Resolves with the
 * floor's CPU per 10,000 transactions, which the full sync's bench sets against its time bound.
 */
export async function benchSyncCpu(bytes: Buffer, count: number): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'conturi-bench-cpu-'));
  const times = { ours: [] as number[], floor: [] as number[] };
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const a = freshStore(dir, `ours-${round}`);
      const b = freshStore(dir, `floor-${round}`);
      let stored = 0;
      times.ours.push(await cpuMsAsync(async () => { stored = await ours(a, bytes); }));
      times.floor.push(cpuMs(() => floor(b, bytes)));
      if (stored !== count) throw new Error(`the sync stored ${stored} of the report's ${count} transactions`);
      a.close();
      b.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const spent = median(times.ours);
  const least = median(times.floor);
  console.log(`parse, validate and store one report of ${count} transactions (${(bytes.length / 1e6).toFixed(1)} MB), CPU, median of ${ROUNDS} side-by-side rounds:`);
  report('sync.cpu_ms_per_10k', '  ours, per 10,000 transactions', (spent / count) * 10_000, 'ms');
  report('sync.cpu_floor_ms_per_10k', '  floor (JSON.parse + raw INSERTs), per 10,000', (least / count) * 10_000, 'ms');
  report('sync.cpu_ratio_to_floor', '  ours / floor', spent / least, '×', 2);
  return (least / count) * 10_000;
}
