import type { Dialect } from '../dialect.js';
import type { AccountKind, BankAccount, BankTransaction, Psu } from '../state/types.js';
import { ledgerTransaction, transactionWire, type LedgerTransaction } from './transaction-wire.js';

/** A ledger item: what the wire says of it, and the bank's own id to name it to the control routes. */
export type LedgerEntry = LedgerTransaction & {
  /** The bank's id of the transaction, for `/sandbox/transactions/:id/book`; the loose wire may send another or none. */
  sandboxId: string;
};

export interface LedgerAccount {
  iban: string;
  currency: string;
  kind: AccountKind;
  maskedPan?: string;
  product: string;
  /** As the bank holds them: booked by booking date and recording order, then pending. */
  transactions: LedgerEntry[];
}

/** Renders transactions of one account as ledger entries, through the views the reports use. */
export function ledgerEntries(account: BankAccount, dialect: Dialect): (t: BankTransaction) => LedgerEntry {
  const wire = transactionWire(account, dialect);
  return (t) => ({ ...ledgerTransaction(t.status, wire(t)), sandboxId: t.transactionId });
}

/**
 * A PSU's accounts with every transaction as the bank holds it now: the ground truth a client's
 * store is compared with. Each transaction is read back from its wire view, so the ledger
 * carries what a client could have received, no more (CEC's card transactions carry no
 * entryReference; the loose bank leaves some ids out).
 */
export function ledgerOf(psu: Psu, dialect: Dialect): LedgerAccount[] {
  return psu.accounts.map((account) => {
    const entry = ledgerEntries(account, dialect);
    return {
      iban: account.iban,
      currency: account.currency,
      kind: account.kind,
      ...(account.maskedPan === undefined ? {} : { maskedPan: account.maskedPan }),
      product: account.product,
      transactions: account.transactions.map(entry),
    };
  });
}
