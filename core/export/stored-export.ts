import type { AccountWithBalances, TransactionFilter } from '../../common/index.js';
import { CategoryStore } from '../store/category-store.js';
import type { Db } from '../store/database.js';
import { iterateTransactions } from '../store/transaction-queries.js';
import { exportTransactions, type ExportAccount, type ExportOptions, type ExportRow, type ExportSink, type ExportSummary } from './index.js';

/** A stored account as the exporters see it; its closing booked balance becomes OFX's LEDGERBAL. */
export function exportAccount(a: AccountWithBalances): ExportAccount {
  const booked = a.balances.find((b) => b.type === 'closingBooked' && b.referenceDate !== undefined);
  return {
    id: a.id,
    kind: a.kind,
    currency: a.currency,
    ...(a.iban === undefined ? {} : { iban: a.iban }),
    ...(a.maskedPan === undefined ? {} : { maskedPan: a.maskedPan }),
    ...(a.product === undefined ? {} : { product: a.product }),
    ...(a.cashAccountType === undefined ? {} : { cashAccountType: a.cashAccountType }),
    ...(a.name === undefined ? {} : { name: a.name }),
    ...(booked === undefined ? {} : { ledgerBalance: { amount: booked.amount, asOf: booked.referenceDate as string } }),
  };
}

/**
 * The accounts to export, once each (the same account may sit under two consents), plain
 * accounts before cards as OFX needs its two message sets in that order.
 */
export function exportAccounts(accounts: readonly AccountWithBalances[], chosen?: readonly string[]): ExportAccount[] {
  const unique = [...new Map(accounts.filter((a) => chosen === undefined || chosen.includes(a.id)).map((a) => [a.id, a])).values()];
  return [...unique.filter((a) => a.kind !== 'card'), ...unique.filter((a) => a.kind === 'card')].map(exportAccount);
}

type AccountFilter = Omit<TransactionFilter, 'accountIds'>;

/**
 * Every stored transaction of `accounts` that the filter matches, one account after the other,
 * oldest first, streamed from the store as SQLite steps, each with its category as files name it.
 */
function* exportRows(db: Db, accounts: readonly ExportAccount[], filter: AccountFilter): Generator<ExportRow> {
  const label = new CategoryStore(db, () => new Date()).exportLabels();
  for (const account of accounts) {
    for (const transaction of iterateTransactions(db, { ...filter, accountIds: [account.id] })) {
      const category = label(transaction.category);
      yield { account, transaction, ...(category === undefined ? {} : { category }) };
    }
  }
}

/** The first day any of `accounts` has a matching stored transaction on; undefined with none. */
export function firstDay(db: Db, accounts: readonly ExportAccount[], filter: AccountFilter): string | undefined {
  const days = accounts.flatMap((a) => {
    const rows = iterateTransactions(db, { ...filter, accountIds: [a.id] });
    const first = rows.next();
    rows.return(undefined); // frees the statement: the connection is busy while one iterates
    return first.done === true ? [] : [first.value.day];
  });
  return days.sort()[0];
}

/** Writes the stored transactions of `accounts` that the filter matches, in the chosen format. */
export const exportStored = (db: Db, accounts: readonly ExportAccount[], filter: AccountFilter, sink: ExportSink, options: ExportOptions): ExportSummary =>
  exportTransactions(exportRows(db, accounts, filter), sink, options);
