import { twinsOf, type Dialect } from '../dialect.js';
import type { BankAccount, BankTransaction } from '../state/types.js';
import { RawNumber } from '../wire-json.js';
import { cardTransactionView, transactionView } from './account-views.js';
import { looseTransactionView } from './loose-views.js';

/**
 * How the bank writes one account's transactions on the wire in its dialect: CEC's transaction
 * or cardTransaction shape, or the loose bank's (whose ids depend on the account's twins). The
 * reports and the ledger both render through it, so the ledger tells what the wire said.
 */
export function transactionWire(account: BankAccount, dialect: Dialect): (t: BankTransaction) => object {
  if (dialect === 'loose') {
    const twins = twinsOf(account);
    return (t) => looseTransactionView(t, twins);
  }
  return account.kind === 'card' ? cardTransactionView : transactionView;
}

/** One transaction of the ledger: the wire's fields, with absent ones ("" / {} / null) left out. */
export interface LedgerTransaction {
  status: 'booked' | 'pending';
  transactionId?: string;
  entryReference?: string;
  /** The payment's endToEndIdentification, on the bookings a payment made. */
  endToEndId?: string;
  bookingDate?: string;
  valueDate?: string;
  /** The amount's text exactly as the answer writes it: "26.4" (CEC's JSON number), "2.64E1" (loose). */
  amount: string;
  currency: string;
  creditorName?: string;
  debtorName?: string;
  creditorIban?: string;
  debtorIban?: string;
  remittance?: string;
}

/** A scalar as written on the wire: a string, a JSON number (its shortest text) or a RawNumber. */
function text(value: unknown): string | undefined {
  if (value instanceof RawNumber) return value.text;
  if (typeof value === 'number') return JSON.stringify(value);
  if (typeof value === 'string' && value !== '') return value;
  return undefined;
}

const ibanOf = (reference: unknown): string | undefined =>
  typeof reference === 'object' && reference !== null ? text((reference as { iban?: unknown }).iban) : undefined;

/** Reads a wire view back into the ledger's form; what the view does not carry stays absent. */
export function ledgerTransaction(status: 'booked' | 'pending', view: object): LedgerTransaction {
  const v = view as Record<string, unknown>;
  const amount = v['transactionAmount'] as { currency: string; amount: unknown };
  const fields: Record<string, string | undefined> = {
    transactionId: text(v['transactionId'] ?? v['cardTransactionId']),
    entryReference: text(v['entryReference']),
    endToEndId: text(v['endToEndId']),
    bookingDate: text(v['bookingDate']),
    valueDate: text(v['valueDate'] ?? v['transactionDate']),
    creditorName: text(v['creditorName']),
    debtorName: text(v['debtorName']),
    creditorIban: ibanOf(v['creditorAccount']),
    debtorIban: ibanOf(v['debtorAccount']),
    remittance: text(v['remittanceInformationUnstructured'] ?? v['transactionDetails']),
  };
  const present = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
  const amountText = text(amount.amount);
  if (amountText === undefined) throw new Error('a wire view without an amount');
  return { status, ...present, amount: amountText, currency: amount.currency };
}
