import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Balance, ConsentStatus } from '../../common/index.js';
import { fingerprintTransactions, type TransactionDraft } from '../../core/psd2/transaction-fingerprint.js';
import { storeAccountReport } from '../../core/store/account-history.js';
import { ConnectionStore, type GrantRecord } from '../../core/store/connections.js';
import { openDatabase, type Db } from '../../core/store/database.js';

export const RON = 'RO49CECE1B31007593840000:RON';
export const EUR = 'RO49CECE1B31007593840001:EUR';

/** A booked card payment unless the test says otherwise. */
export const tx = (over: Partial<TransactionDraft> = {}): TransactionDraft => ({
  accountId: RON, status: 'booked', bookingDate: '2027-03-01', valueDate: '2027-03-01',
  amount: { amount: '-10', currency: 'RON' }, counterpartyName: 'Mega Image', remittance: 'Plata card', ...over,
});

export const grant = (accountId: string, over: Partial<GrantRecord> = {}): GrantRecord => {
  const [iban = '', currency = 'RON'] = accountId.split(':');
  return { id: accountId, kind: 'account', iban, currency, resourceId: `res-${iban.slice(-4)}`, balances: true, transactions: true, product: 'Cont curent', ...over };
};

/**
 * A real, encrypted SQLite file filled the way the sync engine fills it: connections and their
 * grants through `ConnectionStore`, each account's report through `storeAccountReport`.
 */
export function storedHistory() {
  const dir = mkdtempSync(join(tmpdir(), 'conturi-queries-'));
  const path = join(dir, 'conturi.sqlite');
  const key = randomBytes(32);
  const db: Db = openDatabase(path, key);
  const connections = new ConnectionStore(db);
  return {
    db,
    path,
    /** The file's key, to open it again. */
    key,
    connections,
    /** A connection with these grants; `replacedBy` makes it a renewal's predecessor. */
    connect(id: string, grants: GrantRecord[], over: { consentStatus?: ConsentStatus; validUntil?: string; replacedBy?: string } = {}) {
      const now = '2027-01-01T00:00:00.000Z';
      connections.insert({ id, profileId: 'sandbox', label: id, consentId: `consent-${id}`, consentStatus: over.consentStatus ?? 'valid', validUntil: over.validUntil ?? '2099-01-01', reauthRequired: false, createdAt: now, updatedAt: now });
      connections.setGrants(id, grants, now);
      if (over.replacedBy !== undefined) connections.update(id, { replacedBy: over.replacedBy }, now);
    },
    /** One account's sync: booked and pending (fingerprinted as the engine does), balances. */
    sync(accountId: string, booked: TransactionDraft[], opts: { pending?: TransactionDraft[]; balances?: Balance[]; now?: string; today?: string } = {}) {
      return storeAccountReport(db, {
        accountId,
        booked: fingerprintTransactions(booked.map((t) => ({ ...t, accountId }))),
        pending: fingerprintTransactions((opts.pending ?? []).map((t) => ({ ...t, accountId, status: 'pending' as const }))),
        balances: opts.balances ?? [],
        dateFrom: '2025-01-01',
        today: opts.today ?? '2027-03-10',
        now: opts.now ?? '2027-03-10T08:00:00.000Z',
      });
    },
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type StoredHistory = ReturnType<typeof storedHistory>;

/** The detail lines of SQLite's plan for a statement. */
export const queryPlan = (db: Db, sql: string, params: unknown[]): string[] =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
