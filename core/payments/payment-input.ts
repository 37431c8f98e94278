import { randomBytes } from 'node:crypto';
import { isPayableCurrency } from '../../common/payable-currencies.js';
import { BugIndicatingError, ValidationError } from '../errors.js';
import { parseIban } from '../iban/iban.js';
import { compareMoney, parseMoney, toWireAmount } from '../money/money.js';
import type { Db } from '../store/database.js';
import type { NewPayment, PaymentItemRecord } from './payment-store.js';

export interface TransferInput {
  creditorName: string;
  creditorIban: string;
  amount: string;
  remittance: string;
  /** A reference the bulk's CSV gave the row; core makes one when absent. */
  endToEndId?: string | undefined;
}

export interface IntentInput {
  idempotencyKey: string;
  profileId: string;
  debtorIban?: string | undefined;
  currency: string;
  items: TransferInput[];
  /** A bulk (one authorisation for all its items), even of one item; otherwise exactly one item. */
  bulk?: boolean;
  saveBeneficiary?: boolean;
}

/**
 * Our `endToEndIdentification` for one transfer: 32 hex digits (the field takes 35), random, so
 * it names this transfer alone among the payer's booked transactions.
 */
export const newEndToEndId = (): string => randomBytes(16).toString('hex');

/**
 * Checks an intent as the bank would, before anything is written or sent: each IBAN by mod-97,
 * the amount exact, above zero and with at most the currency's decimals, the name and details
 * within the bank's lengths, and the payer's account (when named and known locally) in the
 * payment's currency. The first problem is a ValidationError naming its field (`items.2.amount`).
 */
export function checkedIntent(db: Db, input: IntentInput, ids: { id: string; requestId: string; now: string }, used: (ids: readonly string[]) => string[]): NewPayment {
  const currency = input.currency.trim().toUpperCase();
  if (!isPayableCurrency(currency)) throw new ValidationError(`${input.currency} cannot be paid from a CEC account: pay in RON or EUR`, 'currency');
  const debtorIban = input.debtorIban === undefined || input.debtorIban.trim() === '' ? null : parseIban(input.debtorIban, 'debtorIban');
  if (debtorIban !== null) checkDebtorCurrency(db, debtorIban, currency);
  const bulk = input.bulk === true;
  if (!bulk && input.items.length !== 1) throw new BugIndicatingError('a single payment has exactly one transfer');
  const many = bulk;
  const items: PaymentItemRecord[] = input.items.map((t, i) => {
    const at = (field: string) => (many ? `items.${i}.${field}` : field);
    const name = t.creditorName.trim();
    if (name === '' || name.length > 70) throw new ValidationError('the beneficiary’s name must have 1 to 70 characters', at('creditorName'));
    if (t.remittance.length > 140) throw new ValidationError(`the details have ${t.remittance.length} characters; the bank takes at most 140`, at('remittance'));
    const creditorIban = parseIban(t.creditorIban, at('creditorIban'));
    if (creditorIban === debtorIban) throw new ValidationError('the beneficiary’s account is the account paid from', at('creditorIban'));
    let amount: string;
    try {
      const money = parseMoney(t.amount.trim(), currency);
      amount = toWireAmount(money);
      if (compareMoney(money, { amount: '0', currency }) <= 0) throw new ValidationError('the amount must be more than 0', 'amount');
    } catch (error) {
      if (error instanceof ValidationError) throw new ValidationError(error.message, at('amount'));
      throw error;
    }
    return { endToEndId: t.endToEndId?.trim() || newEndToEndId(), creditorName: name, creditorIban, amount, remittance: t.remittance, bankPaymentId: null, status: null };
  });
  if (items.length === 0) throw new ValidationError('a bulk needs at least one payment', 'items');
  // A reference names one transfer: the reconciliation of one payment must never find another's booking.
  const refs = items.map((i) => i.endToEndId);
  const twice = refs.find((r, i) => refs.indexOf(r) !== i);
  if (twice !== undefined) throw new ValidationError(`the reference ${twice} is on two rows: each payment needs its own`, 'endToEndId');
  const taken = used(refs)[0];
  if (taken !== undefined) throw new ValidationError(`the reference ${taken} was used by an earlier payment: each payment needs its own`, 'endToEndId');
  return {
    id: ids.id,
    idempotencyKey: input.idempotencyKey,
    profileId: input.profileId,
    kind: bulk ? 'bulk' : 'single',
    debtorIban,
    currency,
    requestId: ids.requestId,
    saveBeneficiary: input.saveBeneficiary === true,
    createdAt: ids.now,
    items,
  };
}

/** A payer account the local copy knows in other currencies only cannot pay this one. */
function checkDebtorCurrency(db: Db, iban: string, currency: string): void {
  const known = (db.prepare('SELECT DISTINCT currency FROM accounts WHERE iban = ?').all(iban) as { currency: string }[]).map((r) => r.currency);
  if (known.length > 0 && !known.includes(currency)) {
    throw new ValidationError(`the account ${iban} holds ${known.join(', ')}, not ${currency}: pick an account in ${currency} or change the currency`, 'currency');
  }
}
