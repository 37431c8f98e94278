import type { PaymentState, PaymentStatusCode, PaymentTransition } from '../../common/index.js';
import type { Db } from '../store/database.js';
import { readPaymentState } from './payment-reason.js';

export interface PaymentItemRecord {
  endToEndId: string;
  creditorName: string;
  creditorIban: string;
  amount: string;
  remittance: string;
  bankPaymentId: string | null;
  status: PaymentStatusCode | null;
}

export interface PaymentRecord {
  id: string;
  idempotencyKey: string;
  profileId: string;
  kind: 'single' | 'bulk';
  debtorIban: string | null;
  currency: string;
  requestId: string;
  state: PaymentState;
  /** The PSU's yes reached us once: no other payment of this intent may ever be initiated. */
  authorisedOnce: boolean;
  /** When the bank's page was last opened for it (null: never). */
  scaOpenedAt: string | null;
  /** The person ticked "save the beneficiary": done when it settles. */
  saveBeneficiary: boolean;
  createdAt: string;
  updatedAt: string;
  items: PaymentItemRecord[];
}

interface Row {
  id: string;
  idempotency_key: string;
  profile_id: string;
  kind: 'single' | 'bulk';
  debtor_iban: string | null;
  currency: string;
  request_id: string;
  state: string;
  authorised_once: number;
  sca_opened_at: string | null;
  save_beneficiary: number;
  created_at: string;
  updated_at: string;
}

interface ItemRow {
  end_to_end_id: string;
  creditor_name: string;
  creditor_iban: string;
  amount: string;
  remittance: string;
  bank_payment_id: string | null;
  status: PaymentStatusCode | null;
}

export type NewPayment = Omit<PaymentRecord, 'state' | 'authorisedOnce' | 'scaOpenedAt' | 'updatedAt'>;

/** Payment intents and their timelines in the encrypted store. Each write is one SQLite transaction. */
export class PaymentStore {
  constructor(private readonly db: Db) {}

  /** Inserts a draft, or returns the intent already made under the same idempotency key. */
  insertDraft(p: NewPayment): PaymentRecord {
    return this.db.transaction(() => {
      const existing = this.byKey(p.idempotencyKey);
      if (existing !== undefined) return existing;
      const state: PaymentState = { kind: 'draft' };
      this.db
        .prepare(
          `INSERT INTO payments (id, idempotency_key, profile_id, kind, debtor_iban, currency, request_id, state, save_beneficiary, created_at, updated_at)
           VALUES (@id, @idempotencyKey, @profileId, @kind, @debtorIban, @currency, @requestId, @state, @save, @createdAt, @createdAt)`,
        )
        .run({ ...p, save: p.saveBeneficiary ? 1 : 0, state: JSON.stringify(state) });
      const insertItem = this.db.prepare(
        `INSERT INTO payment_items (payment_id, position, end_to_end_id, creditor_name, creditor_iban, amount, remittance)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
      p.items.forEach((i, position) => insertItem.run(p.id, position, i.endToEndId, i.creditorName, i.creditorIban, i.amount, i.remittance));
      this.addTransition(p.id, p.createdAt, state);
      return this.get(p.id) as PaymentRecord;
    })();
  }

  get(id: string): PaymentRecord | undefined {
    const row = this.db.prepare('SELECT * FROM payments WHERE id = ?').get(id) as Row | undefined;
    return row === undefined ? undefined : this.fromRow(row);
  }

  byKey(key: string): PaymentRecord | undefined {
    const row = this.db.prepare('SELECT * FROM payments WHERE idempotency_key = ?').get(key) as Row | undefined;
    return row === undefined ? undefined : this.fromRow(row);
  }

  /** Newest first. */
  list(): PaymentRecord[] {
    return (this.db.prepare('SELECT * FROM payments ORDER BY created_at DESC, rowid DESC').all() as Row[]).map((r) => this.fromRow(r));
  }

  timeline(id: string): PaymentTransition[] {
    const rows = this.db.prepare('SELECT at, state FROM payment_transitions WHERE payment_id = ? ORDER BY id').all(id) as { at: string; state: string }[];
    return rows.map((r) => ({ at: r.at, state: readPaymentState(r.state) }));
  }

  /**
   * Writes a new state with its transition (and the fields that change with it) in one
   * transaction. The same state again is not a transition: nothing is written.
   */
  transition(id: string, state: PaymentState, at: string, extra: { authorisedOnce?: boolean; debtorIban?: string | null; scaOpenedAt?: string } = {}): boolean {
    return this.db.transaction(() => {
      const current = this.get(id);
      if (current === undefined) return false;
      const same = JSON.stringify(current.state) === JSON.stringify(state);
      if (same && extra.authorisedOnce === undefined && extra.debtorIban === undefined && extra.scaOpenedAt === undefined) return false;
      this.db
        .prepare(
          `UPDATE payments SET state = @state, updated_at = @at,
             authorised_once = MAX(authorised_once, @authorised), debtor_iban = COALESCE(@debtor, debtor_iban),
             sca_opened_at = COALESCE(@scaOpenedAt, sca_opened_at)
           WHERE id = @id`,
        )
        .run({ id, state: JSON.stringify(state), at, authorised: extra.authorisedOnce === true ? 1 : 0, debtor: extra.debtorIban ?? null, scaOpenedAt: extra.scaOpenedAt ?? null });
      if (!same) this.addTransition(id, at, state);
      return !same;
    })();
  }

  /** The bank's id and status of each item, by position. */
  updateItems(id: string, items: { position: number; bankPaymentId?: string | null; status?: PaymentStatusCode | null }[]): void {
    const update = this.db.prepare(
      'UPDATE payment_items SET bank_payment_id = COALESCE(?, bank_payment_id), status = COALESCE(?, status) WHERE payment_id = ? AND position = ?',
    );
    this.db.transaction(() => {
      for (const i of items) update.run(i.bankPaymentId ?? null, i.status ?? null, id, i.position);
    })();
  }

  /** Whether one of these references is already some intent's (they must name one transfer each). */
  usedEndToEndIds(ids: readonly string[]): string[] {
    const find = this.db.prepare('SELECT 1 FROM payment_items WHERE end_to_end_id = ?');
    return ids.filter((e2e) => find.get(e2e) !== undefined);
  }

  private addTransition(id: string, at: string, state: PaymentState): void {
    this.db.prepare('INSERT INTO payment_transitions (payment_id, at, state) VALUES (?, ?, ?)').run(id, at, JSON.stringify(state));
  }

  private fromRow(r: Row): PaymentRecord {
    const items = this.db.prepare('SELECT * FROM payment_items WHERE payment_id = ? ORDER BY position').all(r.id) as ItemRow[];
    return {
      id: r.id,
      idempotencyKey: r.idempotency_key,
      profileId: r.profile_id,
      kind: r.kind,
      debtorIban: r.debtor_iban,
      currency: r.currency,
      requestId: r.request_id,
      state: readPaymentState(r.state),
      authorisedOnce: r.authorised_once === 1,
      scaOpenedAt: r.sca_opened_at,
      saveBeneficiary: r.save_beneficiary === 1,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      items: items.map((i) => ({
        endToEndId: i.end_to_end_id, creditorName: i.creditor_name, creditorIban: i.creditor_iban, amount: i.amount,
        remittance: i.remittance, bankPaymentId: i.bank_payment_id, status: i.status,
      })),
    };
  }
}

