/**
 * Wire → domain for AccountsC: one `to…()` per wire type. Here CEC's quirks end: "" and {} for
 * a missing party become absent, JSON-number and string amounts become one exact Money.
 */
import type { AccountKind, AccountWithBalances, Balance, Money, SkippedItem, Transaction } from '../../common/index.js';
import { readEach, validate } from '../http/bank-answer.js';
import { normaliseIban } from '../iban/iban.js';
import { parseMoney } from '../money/money.js';
import type { TransactionDraft } from './transaction-fingerprint.js';
import type { AccountDetails, CardAccountDetails } from './wire/accounts.js';
import { balance, type AccountReference, type WireAmount, type WireBalance } from './wire/common.js';
import type { WireCardTransaction, WireTransaction } from './wire/transactions.js';

/** What identifies an account across consents; the bank's `resourceId` changes with each consent. */
export interface AccountKey {
  kind: AccountKind;
  resourceId: string;
  iban?: string;
  bban?: string;
  maskedPan?: string;
  currency: string;
}

/** Gives the app's own account id for an account of the bank's answer. */
export type AccountIdResolver = (key: AccountKey) => string;

/**
 * Where accounts read under one consent belong. `accountId` defaults to `stableAccountId`; pass
 * the store's resolver when it keys accounts differently.
 */
export interface AccountScope {
  connectionId: string;
  accountId?: AccountIdResolver;
}

/**
 * The default app id: IBAN (or BBAN) + currency for accounts, masked PAN + currency for cards
 * (their IBAN when the bank answers cards in the plain-account shape), as `common/` describes
 * `Account.id` — a multicurrency IBAN has one account per currency. The `resourceId` is the last
 * resort only: it is not stable across consents.
 */
const stableAccountId: AccountIdResolver = (k) =>
  k.kind === 'card'
    ? `card:${k.maskedPan ?? k.iban ?? k.bban ?? k.resourceId}:${k.currency}`
    : `${k.iban ?? k.bban ?? `resource:${k.resourceId}`}:${k.currency}`;

/** CEC's "" (and whitespace) for a missing value → undefined. */
export const text = (value: string | undefined): string | undefined => {
  const t = value?.trim();
  return t === undefined || t === '' ? undefined : t;
};

/** CEC's `{}` and `{"iban": ""}` for a missing party → undefined. */
const ibanOf = (ref: AccountReference | undefined): string | undefined => {
  const iban = text(ref?.iban);
  return iban === undefined ? undefined : normaliseIban(iban);
};

const toMoney = (w: WireAmount): Money => parseMoney(w.amount, w.currency);

export function toBalance(w: WireBalance): Balance {
  return {
    type: w.balanceType,
    amount: toMoney(w.balanceAmount),
    ...(w.referenceDate === undefined ? {} : { referenceDate: w.referenceDate }),
    ...(w.creditLimitIncluded === undefined ? {} : { creditLimitIncluded: w.creditLimitIncluded }),
  };
}

/**
 * Drops keys whose value is undefined, so answers compare and serialise cleanly. A plain loop:
 * it runs for every transaction of a report, and `Object.fromEntries(Object.entries(…))` was a
 * third of reading one (bench: sync.cpu_ms_per_10k).
 */
function compact<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const key in o) {
    const value = o[key];
    if (value !== undefined) out[key] = value;
  }
  return out as T;
}

/** The balances of an account or report, read one by one; `where` names the list in reasons. */
export function toBalances(items: readonly unknown[] | undefined, where: string): { balances: Balance[]; skipped: SkippedItem[] } {
  const { read, skipped } = readEach(items ?? [], where, (item, what) => toBalance(validate(balance, item, what)));
  return { balances: read, skipped };
}

/** The accounts of a list answer that could be read, and the items that could not. */
export interface AccountList {
  accounts: AccountWithBalances[];
  skipped: SkippedItem[];
}

/**
 * Reads each item of an account or card list with `read`; an unreadable item, or an unreadable
 * balance of a readable one, is reported in `skipped`.
 */
export function readAccountItems(items: readonly unknown[], list: string, read: (item: unknown, what: string) => ReadAccount): AccountList {
  const { read: accounts, skipped } = readEach(items, list, read);
  return { accounts: accounts.map((a) => a.account), skipped: [...skipped, ...accounts.flatMap((a) => a.skipped)] };
}

/** An account of a list, with the balances that could be read and those that could not. */
export interface ReadAccount {
  account: AccountWithBalances;
  skipped: SkippedItem[];
}

export function toAccount(w: AccountDetails, scope: AccountScope, where = 'account'): ReadAccount {
  const iban = ibanOf(w);
  const key: AccountKey = compact({ kind: 'account' as const, resourceId: w.resourceId, iban, bban: text(w.bban), currency: w.currency });
  const { balances, skipped } = toBalances(w.balances, `${where}.balances`);
  const account = compact({
    id: (scope.accountId ?? stableAccountId)(key),
    connectionId: scope.connectionId,
    kind: 'account' as const,
    resourceId: w.resourceId,
    iban,
    currency: w.currency,
    name: text(w.name) ?? text(w.displayName),
    product: text(w.product),
    cashAccountType: text(w.cashAccountType),
    balances,
  });
  return { account, skipped };
}

/** A card account in either shape: the Berlin Group's (`maskedPan`) or the plain account's (`iban`). */
export function toCardAccount(w: CardAccountDetails, scope: AccountScope, where = 'cardAccount'): ReadAccount {
  const maskedPan = text(w.maskedPan);
  const iban = ibanOf(w);
  const key: AccountKey = compact({ kind: 'card' as const, resourceId: w.resourceId, maskedPan, iban, bban: text(w.bban), currency: w.currency });
  const { balances, skipped } = toBalances(w.balances, `${where}.balances`);
  const account = compact({
    id: (scope.accountId ?? stableAccountId)(key),
    connectionId: scope.connectionId,
    kind: 'card' as const,
    resourceId: w.resourceId,
    maskedPan,
    iban,
    currency: w.currency,
    name: text(w.name) ?? text(w.displayName),
    product: text(w.product),
    balances,
  });
  return { account, skipped };
}

const remittanceOf = (w: WireTransaction): string | undefined =>
  text(w.remittanceInformationUnstructured) ?? text(w.remittanceInformationUnstructuredArray?.map((l) => l.trim()).join(' '));

/**
 * One account transaction. A debit's counterparty is its creditor, a credit's its debtor.
 * The id is `transactionId`, else `entryReference`; with neither it stays unset here and
 * `fingerprintTransactions` gives the content fingerprint.
 */
export function toTransaction(w: WireTransaction, status: Transaction['status'], accountId: string): TransactionDraft {
  const amount = toMoney(w.transactionAmount);
  const debit = amount.amount.startsWith('-');
  return compact({
    id: text(w.transactionId) ?? text(w.entryReference),
    accountId,
    status,
    bookingDate: w.bookingDate,
    valueDate: w.valueDate,
    amount,
    counterpartyName: text(debit ? w.creditorName : w.debtorName),
    counterpartyIban: ibanOf(debit ? w.creditorAccount : w.debtorAccount),
    remittance: remittanceOf(w),
    entryReference: text(w.entryReference),
    endToEndId: text(w.endToEndId),
    bankTransactionCode: text(w.bankTransactionCode),
  });
}

/**
 * One card transaction. The domain has no `transactionDate`, so it stands in for `valueDate`
 * when the bank gives none (a pending card payment has no other date); BG's card `valueDate`
 * (the payment due date) wins when present. `transactionDetails` (the merchant) is the remittance.
 * Without `cardTransactionId` the content fingerprint is the id.
 */
export function toCardTransaction(w: WireCardTransaction, status: Transaction['status'], accountId: string): TransactionDraft {
  return compact({
    id: text(w.cardTransactionId),
    accountId,
    status,
    bookingDate: w.bookingDate,
    valueDate: w.valueDate ?? w.transactionDate,
    amount: toMoney(w.transactionAmount),
    remittance: text(w.transactionDetails),
  });
}
