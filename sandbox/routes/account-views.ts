import { formatMinor, minorAsNumber } from '../money.js';
import { availableMinor } from '../state/available.js';
import type { Consent } from '../state/records.js';
import type { BankAccount, BankTransaction } from '../state/types.js';

/**
 * Wire shapes of AccountsC, with CEC's quirks kept on purpose: amounts are JSON numbers in
 * account lists and transactions but strings in `…/balances`; a missing party is "" or {}.
 * @see the digest's §2.6.
 */
export type AmountStyle = 'number' | 'string';

const amount = (minor: number, currency: string, style: AmountStyle) => ({
  currency,
  amount: style === 'number' ? minorAsNumber(minor, currency) : formatMinor(minor, currency),
});

export function balancesOf(account: BankAccount, referenceDate: string, style: AmountStyle) {
  const available = availableMinor(account);
  return [
    { balanceAmount: amount(account.balanceMinor, account.currency, style), balanceType: 'closingBooked', referenceDate },
    {
      balanceAmount: amount(available, account.currency, style),
      balanceType: 'interimAvailable',
      creditLimitIncluded: account.creditLimitMinor !== undefined,
      referenceDate,
    },
  ];
}

export function accountLinks(account: BankAccount, consent: Consent, family: 'accounts' | 'card-accounts') {
  const links: Record<string, { href: string }> = {};
  if (consent.access.balances.includes(account.iban)) links['balances'] = { href: `/v1/${family}/${account.resourceId}/balances` };
  if (consent.access.transactions.includes(account.iban)) links['transactions'] = { href: `/v1/${family}/${account.resourceId}/transactions` };
  return links;
}

export function accountView(account: BankAccount, consent: Consent, withBalance: boolean, today: string) {
  return {
    resourceId: account.resourceId,
    iban: account.iban,
    currency: account.currency,
    product: account.product,
    cashAccountType: account.cashAccountType,
    name: account.name,
    ...(withBalance && consent.access.balances.includes(account.iban) ? { balances: balancesOf(account, today, 'number').slice(0, 1) } : {}),
    _links: accountLinks(account, consent, 'accounts'),
  };
}

export function cardAccountView(account: BankAccount, consent: Consent, withBalance: boolean, today: string) {
  return {
    resourceId: account.resourceId,
    maskedPan: account.maskedPan,
    currency: account.currency,
    name: account.name,
    product: account.product,
    status: 'enabled',
    usage: 'PRIV',
    creditLimit: amount(account.creditLimitMinor ?? 0, account.currency, 'string'),
    ...(withBalance && consent.access.balances.includes(account.iban) ? { balances: balancesOf(account, today, 'string') } : {}),
    _links: accountLinks(account, consent, 'card-accounts'),
  };
}

/** One transaction as CEC renders it: debits name the creditor, credits the debtor. */
export function transactionView(t: BankTransaction) {
  const party = t.amountMinor < 0
    ? { creditorName: t.creditorName ?? '', creditorAccount: { iban: t.creditorIban ?? '' } }
    : { debtorName: t.debtorName ?? '', debtorAccount: t.debtorIban === undefined ? {} : { iban: t.debtorIban } };
  return {
    transactionId: t.transactionId,
    entryReference: t.entryReference,
    ...(t.endToEndId === undefined ? {} : { endToEndId: t.endToEndId }),
    ...party,
    transactionAmount: amount(t.amountMinor, t.currency, 'number'),
    ...(t.bookingDate === undefined ? {} : { bookingDate: t.bookingDate }),
    valueDate: t.valueDate,
    remittanceInformationUnstructured: t.remittanceInformationUnstructured,
    ...(t.bankTransactionCode === undefined ? {} : { bankTransactionCode: t.bankTransactionCode }),
  };
}

/** A card transaction in the Berlin Group `cardTransaction` shape. */
export function cardTransactionView(t: BankTransaction) {
  return {
    cardTransactionId: t.transactionId,
    transactionDate: t.valueDate,
    ...(t.bookingDate === undefined ? {} : { bookingDate: t.bookingDate }),
    transactionAmount: amount(t.amountMinor, t.currency, 'number'),
    ...(t.maskedPan === undefined ? {} : { maskedPAN: t.maskedPan }),
    ...(t.merchantCategoryCode === undefined ? {} : { merchantCategoryCode: t.merchantCategoryCode }),
    transactionDetails: t.remittanceInformationUnstructured,
  };
}
