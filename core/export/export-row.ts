import type { Money, Transaction } from '../../common/index.js';
import { currencyExponent } from '../money/money.js';
import { isFingerprintId } from '../psd2/transaction-fingerprint.js';

/** The account a transaction belongs to, as the exporters need it (a slice of the domain Account). */
export interface ExportAccount {
  /** The app's own stable id (IBAN + currency, or masked PAN). */
  id: string;
  kind: 'account' | 'card';
  iban?: string;
  maskedPan?: string;
  currency: string;
  /** The bank's product name ("Cont curent", "Cont de economii"). */
  product?: string;
  /** ISO 20022 cash account type as the bank gave it (CACC, SVGS, CARD…). */
  cashAccountType?: string;
  name?: string;
  /**
   * The account's booked balance and the day it holds for, when the caller knows it: OFX writes
   * it as the statement's LEDGERBAL. JSON and CSV ignore it.
   */
  ledgerBalance?: { amount: Money; asOf: string };
}

/** One transaction to export, with its account. */
export interface ExportRow {
  account: ExportAccount;
  transaction: Transaction;
  /** The transaction's category as a file names it: a built-in's key (`groceries`), a custom category's name. */
  category?: string;
}

/** Where an exporter writes: a file or stdout in the CLI, Blob parts in the renderer. */
export type ExportSink = (chunk: string) => void;

/** What an exporter wrote, for the front end's summary line. */
export interface ExportSummary {
  /** Transactions written. */
  written: number;
  /** Transactions the format cannot hold and that were left out (OFX: pending, undated). */
  leftOut: number;
}

/**
 * One transaction as the JSON export writes it and the CSV export's columns name it. Every key is
 * always present; `null` means absent (the bank did not give it).
 */
export interface ExportRecord {
  accountId: string;
  /** The account's IBAN; for a card account, its IBAN when the bank gave one. */
  accountIban: string | null;
  /** The card's masked PAN; null for a plain account. */
  maskedPan: string | null;
  currency: string;
  /** The bank's own id (transactionId or entryReference); null when the bank gave none. */
  bankTransactionId: string | null;
  status: 'booked' | 'pending';
  bookingDate: string | null;
  valueDate: string | null;
  /** Signed exact decimal text with at least the currency's decimals: "-102.50". */
  amount: string;
  counterpartyName: string | null;
  counterpartyIban: string | null;
  remittance: string | null;
  /** A built-in category's key (`groceries`) or the name of the person's own category. */
  category: string | null;
}

/**
 * The amount as exact decimal text with at least the currency's decimals ("-102.5" RON →
 * "-102.50"). Never rounds: an amount with more decimals than its currency keeps them all, since
 * an export that drops digits would no longer add up to the bank's figures.
 */
export function exportAmount(m: Money): string {
  const exp = currencyExponent(m.currency);
  const [int = '0', frac = ''] = m.amount.split('.');
  if (frac.length >= exp) return m.amount;
  return `${int}.${frac.padEnd(exp, '0')}`;
}

/** The bank's id of a transaction, or null when the id is our own content fingerprint. */
export const bankTransactionId = (t: Transaction): string | null => (isFingerprintId(t.id) ? null : t.id);

/** The one mapping from a row to the exported fields, shared by JSON and CSV. */
export function toExportRecord({ account, transaction: t, category }: ExportRow): ExportRecord {
  return {
    accountId: account.id,
    accountIban: account.iban ?? null,
    maskedPan: account.kind === 'card' ? (account.maskedPan ?? null) : null,
    currency: t.amount.currency,
    bankTransactionId: bankTransactionId(t),
    status: t.status,
    bookingDate: t.bookingDate ?? null,
    valueDate: t.valueDate ?? null,
    amount: exportAmount(t.amount),
    counterpartyName: t.counterpartyName ?? null,
    counterpartyIban: t.counterpartyIban ?? null,
    remittance: t.remittance ?? null,
    category: category ?? null,
  };
}
