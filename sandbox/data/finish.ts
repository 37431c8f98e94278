import type { BankAccount, BankTransaction, CurrencyCode } from '../state/types.js';
import type { AccountShell } from './accounts.js';
import { isoDate } from './calendar.js';
import type { Draft, History } from './drafts.js';
import type { UniqueIds } from './ids.js';
import type { Rng } from './prng.js';

function toTransaction(draft: Draft, status: 'booked' | 'pending', entry: number, id: string, currency: CurrencyCode): BankTransaction {
  const tx: BankTransaction =
    status === 'booked'
      ? { transactionId: id, entryReference: String(entry), status, bookingDate: isoDate(draft.day), valueDate: '', amountMinor: 0, currency, remittanceInformationUnstructured: '' }
      : { transactionId: id, entryReference: String(entry), status, valueDate: '', amountMinor: 0, currency, remittanceInformationUnstructured: '' };
  tx.valueDate = isoDate(draft.valueDay ?? draft.day);
  tx.amountMinor = draft.amountMinor;
  tx.remittanceInformationUnstructured = draft.remittanceInformationUnstructured;
  // Only the fields the draft has: absent parties are rendered as CEC does ("" / {}).
  if (draft.creditorName !== undefined) tx.creditorName = draft.creditorName;
  if (draft.creditorIban !== undefined) tx.creditorIban = draft.creditorIban;
  if (draft.debtorName !== undefined) tx.debtorName = draft.debtorName;
  if (draft.debtorIban !== undefined) tx.debtorIban = draft.debtorIban;
  tx.bankTransactionCode = draft.bankTransactionCode;
  if (draft.maskedPan !== undefined) tx.maskedPan = draft.maskedPan;
  if (draft.merchantCategoryCode !== undefined) tx.merchantCategoryCode = draft.merchantCategoryCode;
  return tx;
}

/** Stable counting sort by day: same-day order stays generation order, in linear time. */
function sortByDay(drafts: readonly Draft[]): Draft[] {
  let first = Infinity;
  let last = -Infinity;
  for (const draft of drafts) {
    if (draft.day < first) first = draft.day;
    if (draft.day > last) last = draft.day;
  }
  if (drafts.length < 2) return [...drafts];
  // starts[d] = where day first + d begins in the output; each placement moves it on by one.
  const starts: number[] = new Array<number>(last - first + 2).fill(0);
  for (const draft of drafts) starts[draft.day - first + 1] = (starts[draft.day - first + 1] ?? 0) + 1;
  for (let i = 1; i < starts.length; i++) starts[i] = (starts[i] ?? 0) + (starts[i - 1] ?? 0);
  const sorted = new Array<Draft>(drafts.length);
  for (const draft of drafts) {
    const slot = starts[draft.day - first] ?? 0;
    sorted[slot] = draft;
    starts[draft.day - first] = slot + 1;
  }
  return sorted;
}

/**
 * The opening balance: the simulated one where the history was run from one, else whatever keeps
 * every running balance (and the balance after pending debits) non-negative, plus a cushion.
 * Card accounts keep theirs: their balance is credit used and is meant to be negative.
 */
function openingBalance(shell: AccountShell, history: History, booked: readonly Draft[], rng: Rng): number {
  if (shell.kind === 'card') return history.openingMinor ?? 0;
  let running = 0;
  let lowest = 0;
  for (const draft of booked) {
    running += draft.amountMinor;
    if (running < lowest) lowest = running;
  }
  for (const draft of history.pending) if (draft.amountMinor < 0) running += draft.amountMinor;
  lowest = Math.min(lowest, running);
  // Drawn even when a planned opening exists, so no account ends with nothing available.
  const cushion = shell.currency === 'RON' ? rng.int(80_000, 350_000) : rng.int(10_000, 60_000);
  if (history.openingMinor !== undefined) return Math.max(history.openingMinor, -lowest + cushion);
  return -lowest + cushion;
}

/**
 * Turns drafts into the bank's records: booked ones sorted by day (stable, so same-day order is
 * generation order), numbered by entryReference in that order, then the pending ones.
 */
export function finishAccount(shell: AccountShell, history: History, ownerName: string, ids: UniqueIds, rng: Rng): BankAccount {
  const booked = sortByDay(history.booked);
  const openingBalanceMinor = openingBalance(shell, history, booked, rng);
  const transactions: BankTransaction[] = [];
  let entry = 1;
  let balanceMinor = openingBalanceMinor;
  for (const draft of booked) {
    balanceMinor += draft.amountMinor;
    transactions.push(toTransaction(draft, 'booked', entry++, ids.next('transaction', 10), shell.currency));
  }
  for (const draft of history.pending) {
    transactions.push(toTransaction(draft, 'pending', entry++, ids.next('transaction', 10), shell.currency));
  }
  const account: BankAccount = {
    resourceId: shell.resourceId,
    iban: shell.iban,
    currency: shell.currency,
    kind: shell.kind,
    product: shell.product,
    cashAccountType: shell.cashAccountType,
    name: shell.name,
    ownerName,
    ...(shell.kind === 'card' && shell.card ? { maskedPan: shell.card.maskedPan } : {}),
    ...(shell.creditLimitMinor !== undefined ? { creditLimitMinor: shell.creditLimitMinor } : {}),
    balanceMinor,
    openingBalanceMinor,
    transactions,
    nextEntryReference: entry,
  };
  return account;
}
