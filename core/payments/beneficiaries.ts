import { randomUUID } from 'node:crypto';
import type { Beneficiary } from '../../common/contract-beneficiaries.js';
import type { Money } from '../../common/index.js';
import { ValidationError } from '../errors.js';
import { parseIban } from '../iban/iban.js';
import { parseMoney } from '../money/money.js';
import type { Db } from '../store/database.js';

export type { Beneficiary } from '../../common/contract-beneficiaries.js';

/** The bank's limits (digest §3.1), which a payment prefilled from the entry must pass. */
const MAX_NAME = 70;
const MAX_DETAILS = 140;

export interface BeneficiaryInput {
  /** Changes this entry; without it, the entry of the same IBAN is updated, or a new one added. */
  id?: string;
  name: string;
  /** As typed: spaces and case do not matter; checked by mod-97. */
  iban: string;
  /** Absent keeps the stored ones; an empty text clears them. */
  defaultDetails?: string;
}

/** A payment the person just made, as the payments side hands it over. */
export interface PaidTo {
  name: string;
  iban: string;
  /** The payment's details (remittance). */
  details: string;
  amount: Money;
  /** ISO instant; now by default. */
  at?: string;
}

interface Row {
  id: string;
  name: string;
  iban: string;
  default_details: string | null;
  last_amount: string | null;
  last_currency: string | null;
  last_used_at: string | null;
  created_at: string;
  updated_at: string;
}

const toBeneficiary = (r: Row): Beneficiary => ({
  id: r.id,
  name: r.name,
  iban: r.iban,
  ...(r.default_details === null ? {} : { defaultDetails: r.default_details }),
  ...(r.last_amount === null || r.last_currency === null ? {} : { lastAmount: { amount: r.last_amount, currency: r.last_currency } }),
  ...(r.last_used_at === null ? {} : { lastUsedAt: r.last_used_at }),
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

function checkedName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '' || trimmed.length > MAX_NAME) throw new ValidationError(`the name must have 1 to ${MAX_NAME} characters`, 'name');
  return trimmed;
}

function checkedDetails(details: string): string | null {
  if (details.length > MAX_DETAILS) throw new ValidationError(`the details have ${details.length} characters; the bank takes at most ${MAX_DETAILS}`, 'defaultDetails');
  return details.trim() === '' ? null : details;
}

/**
 * The address book of beneficiaries in the encrypted store: one entry per IBAN. Everything that
 * enters is checked as a payment to it would be, so "pay again" from an entry never starts from
 * something the bank refuses.
 */
export class BeneficiaryStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
    private readonly newId: () => string = randomUUID,
  ) {}

  /** The most recently paid first, then those never paid, by name. */
  list(): Beneficiary[] {
    const rows = this.db
      .prepare('SELECT * FROM beneficiaries ORDER BY last_used_at IS NULL, last_used_at DESC, name COLLATE NOCASE, id')
      .all() as Row[];
    return rows.map(toBeneficiary);
  }

  get(id: string): Beneficiary | undefined {
    const row = this.db.prepare('SELECT * FROM beneficiaries WHERE id = ?').get(id) as Row | undefined;
    return row === undefined ? undefined : toBeneficiary(row);
  }

  byIban(iban: string): Beneficiary | undefined {
    const row = this.db.prepare('SELECT * FROM beneficiaries WHERE iban = ?').get(parseIban(iban)) as Row | undefined;
    return row === undefined ? undefined : toBeneficiary(row);
  }

  /**
   * Adds or changes an entry. With `id`, that entry (an unknown id is a ValidationError); its
   * IBAN may change unless another entry has the new one. Without, the entry of that IBAN.
   */
  save(input: BeneficiaryInput): Beneficiary {
    const name = checkedName(input.name);
    const iban = parseIban(input.iban, 'iban');
    const details = input.defaultDetails === undefined ? undefined : checkedDetails(input.defaultDetails);
    const at = this.now().toISOString();
    return this.db.transaction((): Beneficiary => {
      const sameIban = this.db.prepare('SELECT * FROM beneficiaries WHERE iban = ?').get(iban) as Row | undefined;
      let target: Row | undefined = sameIban;
      if (input.id !== undefined) {
        target = this.db.prepare('SELECT * FROM beneficiaries WHERE id = ?').get(input.id) as Row | undefined;
        if (target === undefined) throw new ValidationError('no such beneficiary: it may have been deleted', 'id');
        if (sameIban !== undefined && sameIban.id !== target.id) {
          throw new ValidationError(`${sameIban.name} is already saved with this IBAN`, 'iban');
        }
      }
      if (target === undefined) {
        const id = this.newId();
        this.db
          .prepare('INSERT INTO beneficiaries (id, name, iban, default_details, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(id, name, iban, details ?? null, at, at);
        return this.get(id) as Beneficiary;
      }
      this.db
        .prepare('UPDATE beneficiaries SET name = ?, iban = ?, default_details = ?, updated_at = ? WHERE id = ?')
        .run(name, iban, details === undefined ? target.default_details : details, at, target.id);
      return this.get(target.id) as Beneficiary;
    })();
  }

  delete(id: string): { deleted: boolean } {
    return { deleted: this.db.prepare('DELETE FROM beneficiaries WHERE id = ?').run(id).changes === 1 };
  }

  /**
   * After a payment: with `save` (the "save beneficiary" tick), the entry of that IBAN is added or
   * updated with the payment's name and details as its default; either way an entry of that IBAN
   * gets the payment's amount and time as its last. Returns the entry, or undefined when there is
   * none and `save` was not ticked.
   */
  recordPayment(paid: PaidTo, options: { save: boolean }): Beneficiary | undefined {
    const amount = parseMoney(paid.amount.amount, paid.amount.currency);
    if (amount.amount.startsWith('-') || amount.amount === '0') throw new ValidationError(`a payment's amount is positive, not ${amount.amount}`, 'amount');
    const at = paid.at ?? this.now().toISOString();
    return this.db.transaction((): Beneficiary | undefined => {
      const saved = options.save
        ? this.save({ name: paid.name, iban: paid.iban, defaultDetails: paid.details })
        : this.byIban(paid.iban);
      if (saved === undefined) return undefined;
      this.db
        .prepare('UPDATE beneficiaries SET last_amount = ?, last_currency = ?, last_used_at = ?, updated_at = ? WHERE id = ?')
        .run(amount.amount, amount.currency, at, at, saved.id);
      return this.get(saved.id);
    })();
  }
}
