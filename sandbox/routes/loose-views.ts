import { looseTransactionId, numericResourceId } from '../dialect.js';
import { formatMinor } from '../money.js';
import { availableMinor } from '../state/available.js';
import type { Consent } from '../state/records.js';
import type { BankAccount, BankTransaction } from '../state/types.js';
import { exponentForm, RawNumber } from '../wire-json.js';
import { accountLinks } from './account-views.js';

/**
 * Wire shapes of the loose dialect (see sandbox/dialect.ts): what a second bank answers for the
 * same data. Every absent optional field is an explicit null; amounts are JSON numbers, in
 * exponent form when they end in a zero (3320.00 → 3.32E3); ids are often JSON numbers; card
 * accounts come in the plain-account shape (iban, no maskedPan), card transactions as transactions.
 * @see Berlin Group 1.3.12 accountDetails, transactions (only transactionAmount is required), amountValue.
 */
function looseAmount(minor: number, currency: string) {
  const text = formatMinor(minor, currency);
  return { currency, amount: new RawNumber(minor % 10 === 0 ? exponentForm(text) : text) };
}

const looseResourceId = (a: BankAccount) => (numericResourceId(a) ? new RawNumber(a.resourceId) : a.resourceId);

export function looseBalances(account: BankAccount, referenceDate: string) {
  return [
    { balanceAmount: looseAmount(account.balanceMinor, account.currency), balanceType: 'closingBooked', referenceDate, lastChangeDateTime: null },
    {
      balanceAmount: looseAmount(availableMinor(account), account.currency),
      balanceType: 'interimAvailable',
      creditLimitIncluded: account.creditLimitMinor !== undefined,
      referenceDate,
      lastChangeDateTime: null,
    },
  ];
}

/** Accounts and card accounts alike: the card is named by its IBAN, as a plain account. */
export function looseAccountView(account: BankAccount, consent: Consent, withBalance: boolean, today: string) {
  const family = account.kind === 'card' ? 'card-accounts' : 'accounts';
  return {
    resourceId: looseResourceId(account),
    iban: account.iban,
    bban: null,
    currency: account.currency,
    ownerName: null,
    product: account.product,
    cashAccountType: account.cashAccountType,
    name: account.name,
    bic: null,
    balances: withBalance && consent.access.balances.includes(account.iban) ? looseBalances(account, today) : null,
    _links: accountLinks(account, consent, family),
  };
}

/** A reference to the account a report or balance list belongs to. */
export const looseAccountReference = (account: BankAccount) => ({ iban: account.iban, currency: account.currency });

export function looseTransactionView(t: BankTransaction, twins: ReadonlySet<BankTransaction>) {
  const id = looseTransactionId(t, twins);
  const debit = t.amountMinor < 0;
  const partyAccount = (iban: string | undefined) => (iban === undefined || iban === '' ? null : { iban });
  return {
    transactionId: id.kind === 'none' ? null : id.kind === 'number' ? new RawNumber(id.text) : id.text,
    entryReference: id.kind === 'none' ? null : t.entryReference,
    endToEndId: t.endToEndId ?? null,
    creditorName: debit ? t.creditorName ?? null : null,
    creditorAccount: debit ? partyAccount(t.creditorIban) : null,
    debtorName: debit ? null : t.debtorName ?? null,
    debtorAccount: debit ? null : partyAccount(t.debtorIban),
    transactionAmount: looseAmount(t.amountMinor, t.currency),
    bookingDate: t.bookingDate ?? null,
    valueDate: t.valueDate,
    remittanceInformationUnstructured: t.remittanceInformationUnstructured === '' ? null : t.remittanceInformationUnstructured,
    bankTransactionCode: t.bankTransactionCode ?? null,
  };
}

/** The id the loose bank wrote for a transaction, to find it again when a client asks for it. */
export function looseWireId(t: BankTransaction, twins: ReadonlySet<BankTransaction>): string | undefined {
  const id = looseTransactionId(t, twins);
  return id.kind === 'none' ? undefined : id.text;
}
