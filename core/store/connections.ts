import type { ConsentStatus } from '../../common/index.js';
import type { Db } from './database.js';

export interface ConnectionRecord {
  id: string;
  profileId: string;
  label: string;
  consentId: string;
  consentStatus: ConsentStatus;
  validUntil?: string;
  reauthRequired: boolean;
  replacedBy?: string;
  /** When the consent's grants and account lists were last read (at connect, then by syncs). */
  accountsReadAt?: string;
  createdAt: string;
  updatedAt: string;
}

export interface AccountRecord {
  id: string;
  kind: 'account' | 'card';
  iban?: string;
  maskedPan?: string;
  currency: string;
  name?: string;
  product?: string;
  cashAccountType?: string;
}

/** An account as one consent grants it: the bank's resourceId for this consent, and the ticks. */
export interface GrantRecord extends AccountRecord {
  resourceId: string;
  balances: boolean;
  transactions: boolean;
}

interface ConnectionRow {
  id: string;
  profile_id: string;
  label: string;
  consent_id: string;
  consent_status: ConsentStatus;
  valid_until: string | null;
  reauth_required: number;
  replaced_by: string | null;
  accounts_read_at: string | null;
  created_at: string;
  updated_at: string;
}

const toConnection = (r: ConnectionRow): ConnectionRecord => ({
  id: r.id,
  profileId: r.profile_id,
  label: r.label,
  consentId: r.consent_id,
  consentStatus: r.consent_status,
  validUntil: r.valid_until ?? undefined,
  reauthRequired: r.reauth_required === 1,
  replacedBy: r.replaced_by ?? undefined,
  accountsReadAt: r.accounts_read_at ?? undefined,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Connections, the app's accounts and which consent grants which account with what. */
export class ConnectionStore {
  constructor(private readonly db: Db) {}

  insert(c: ConnectionRecord): void {
    this.db
      .prepare(
        `INSERT INTO connections (id, profile_id, label, consent_id, consent_status, valid_until, reauth_required, replaced_by, created_at, updated_at)
         VALUES (@id, @profileId, @label, @consentId, @consentStatus, @validUntil, @reauth, @replacedBy, @createdAt, @updatedAt)`,
      )
      .run({ ...c, validUntil: c.validUntil ?? null, replacedBy: c.replacedBy ?? null, reauth: c.reauthRequired ? 1 : 0 });
  }

  update(id: string, patch: Partial<Pick<ConnectionRecord, 'label' | 'consentStatus' | 'validUntil' | 'reauthRequired' | 'replacedBy' | 'accountsReadAt'>>, now: string): void {
    const current = this.get(id);
    if (current === undefined) return;
    const next = { ...current, ...patch };
    this.db
      .prepare(
        `UPDATE connections SET label = @label, consent_status = @consentStatus, valid_until = @validUntil,
           reauth_required = @reauth, replaced_by = @replacedBy, accounts_read_at = @accountsReadAt, updated_at = @now WHERE id = @id`,
      )
      .run({
        id, label: next.label, consentStatus: next.consentStatus, validUntil: next.validUntil ?? null, reauth: next.reauthRequired ? 1 : 0,
        replacedBy: next.replacedBy ?? null, accountsReadAt: next.accountsReadAt ?? null, now,
      });
  }

  get(id: string): ConnectionRecord | undefined {
    const row = this.db.prepare('SELECT * FROM connections WHERE id = ?').get(id) as ConnectionRow | undefined;
    return row === undefined ? undefined : toConnection(row);
  }

  list(): ConnectionRecord[] {
    return (this.db.prepare('SELECT * FROM connections ORDER BY created_at, id').all() as ConnectionRow[]).map(toConnection);
  }

  /** Deletes a connection, its grants and the connections its renewals replaced (ON DELETE CASCADE). */
  delete(id: string): void {
    this.db.prepare('DELETE FROM connections WHERE id = ?').run(id);
  }

  /** The connection and every one it replaced through renewals, newest first: what `delete` removes. */
  chain(id: string): ConnectionRecord[] {
    const rows = this.db
      .prepare(
        `WITH RECURSIVE chain (id, depth) AS (
           SELECT id, 0 FROM connections WHERE id = ?
           UNION ALL SELECT c.id, chain.depth + 1 FROM connections c JOIN chain ON c.replaced_by = chain.id
         )
         SELECT connections.* FROM chain JOIN connections USING (id) ORDER BY chain.depth`,
      )
      .all(id) as ConnectionRow[];
    return rows.map(toConnection);
  }

  /** Runs `work` in one transaction (this store and any other over the same database). */
  atomically<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /** Replaces the grants of a connection in one transaction; accounts are created or refreshed by id. */
  setGrants(connectionId: string, grants: GrantRecord[], now: string): void {
    const upsertAccount = this.db.prepare(
      `INSERT INTO accounts (id, kind, iban, masked_pan, currency, name, product, cash_account_type, created_at)
       VALUES (@id, @kind, @iban, @maskedPan, @currency, @name, @product, @cashAccountType, @now)
       ON CONFLICT (id) DO UPDATE SET name = COALESCE(excluded.name, name), product = COALESCE(excluded.product, product),
         cash_account_type = COALESCE(excluded.cash_account_type, cash_account_type)`,
    );
    const insertGrant = this.db.prepare(
      `INSERT INTO connection_accounts (connection_id, account_id, resource_id, balances, transactions)
       VALUES (?, ?, ?, ?, ?)`,
    );
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM connection_accounts WHERE connection_id = ?').run(connectionId);
      for (const g of grants) {
        upsertAccount.run({
          id: g.id, kind: g.kind, iban: g.iban ?? null, maskedPan: g.maskedPan ?? null, currency: g.currency,
          name: g.name ?? null, product: g.product ?? null, cashAccountType: g.cashAccountType ?? null, now,
        });
        insertGrant.run(connectionId, g.id, g.resourceId, g.balances ? 1 : 0, g.transactions ? 1 : 0);
      }
    })();
  }

  grants(connectionId: string): GrantRecord[] {
    const rows = this.db
      .prepare(
        `SELECT a.*, ca.resource_id, ca.balances AS g_balances, ca.transactions AS g_transactions
         FROM connection_accounts ca JOIN accounts a ON a.id = ca.account_id
         WHERE ca.connection_id = ? ORDER BY a.kind, a.currency, a.iban, a.masked_pan`,
      )
      .all(connectionId) as Record<string, string | number | null>[];
    return rows.map((r) => ({
      id: r['id'] as string,
      kind: r['kind'] as 'account' | 'card',
      iban: (r['iban'] as string | null) ?? undefined,
      maskedPan: (r['masked_pan'] as string | null) ?? undefined,
      currency: r['currency'] as string,
      name: (r['name'] as string | null) ?? undefined,
      product: (r['product'] as string | null) ?? undefined,
      cashAccountType: (r['cash_account_type'] as string | null) ?? undefined,
      resourceId: r['resource_id'] as string,
      balances: r['g_balances'] === 1,
      transactions: r['g_transactions'] === 1,
    }));
  }
}
