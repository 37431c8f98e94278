/**
 * PSD2 API-AccountsC wire types of transaction reports, for accounts and card accounts.
 * @see digest §2.6; Berlin Group 1.3.12 getTransactionList, getTransactionDetails,
 * getCardAccountTransactionList.
 */
import { z } from 'zod';
import { wireBoolean, wireId, wireItems } from '../../http/bank-answer.js';
import { accountReference, amount, hrefType, isoDate, reportLinks } from './common.js';

/**
 * One account transaction. CEC writes a missing party as `"creditorName": ""`,
 * `"creditorAccount": {"iban": ""}` or `"debtorAccount": {}` (digest §2.6); those parse here and
 * become absent in the domain. Only `transactionAmount` is REQUIRED (BG): without an id the
 * domain fingerprints the content.
 * @see BG `transactions`.
 */
export const transaction = z
  .object({
    /** CEC: "1566614557". The domain's id; `entryReference` when absent. */
    transactionId: wireId.optional(),
    entryReference: wireId.optional(),
    endToEndId: wireId.optional(),
    mandateId: wireId.optional(),
    bookingDate: isoDate.optional(),
    valueDate: isoDate.optional(),
    /** REQUIRED. Signed: negative leaves the account. */
    transactionAmount: amount,
    creditorName: z.string().optional(),
    creditorAccount: accountReference.optional(),
    ultimateCreditor: z.string().optional(),
    debtorName: z.string().optional(),
    debtorAccount: accountReference.optional(),
    ultimateDebtor: z.string().optional(),
    /** CEC's remittance text. */
    remittanceInformationUnstructured: z.string().optional(),
    /** BG's alternative: several lines of remittance text. */
    remittanceInformationUnstructuredArray: z.array(z.string()).optional(),
    bankTransactionCode: z.string().optional(),
    proprietaryBankTransactionCode: z.string().optional(),
    _links: z.object({ transactionDetails: hrefType.optional() }).loose().optional(),
  })
  .loose();
export type WireTransaction = z.infer<typeof transaction>;

/**
 * @see BG `accountReport`. `information` (standing orders) is not asked for, so not read. The
 * items are read one by one (`transaction`): an unreadable one is skipped and reported.
 */
const accountReport = z
  .object({
    booked: wireItems.optional(),
    pending: wireItems.optional(),
    _links: reportLinks.optional(),
  })
  .loose();

/**
 * @see BG `transactionsResponse-200_json`. BG lets `transactions` be absent when the report is
 * offered as a download (`_links.download`); the app asks for JSON only, so it is REQUIRED here.
 */
export const transactionsResponse = z
  .object({
    account: accountReference.optional(),
    /** REQUIRED here. */
    transactions: accountReport,
    /** With `withBalance=true`, when the bank honours it; read one by one. */
    balances: wireItems.optional(),
  })
  .loose();

/**
 * CEC's answer to getTransactionDetails: a report holding the one transaction, in `booked` or
 * `pending` (digest §2.6: `{"transactions":{"booked":[one]},"account":{"iban"}}`).
 */
export const transactionDetailsAsReport = z
  .object({
    /** REQUIRED. */
    transactions: accountReport,
    account: accountReference.optional(),
  })
  .loose();

/**
 * The standard answer to getTransactionDetails. BG 1.3.12 names the field `transactionsDetails`
 * in the response and `transactionDetails` in `transactionDetailsBody`; both are accepted.
 * @see BG `OK_200_TransactionDetails`, `transactionDetailsBody`.
 */
export const transactionDetailsStandard = z
  .object({
    transactionsDetails: transaction.optional(),
    transactionDetails: transaction.optional(),
  })
  .loose();

/** One card transaction. @see BG `cardTransaction`. */
export const cardTransaction = z
  .object({
    /** The domain's id. */
    cardTransactionId: wireId.optional(),
    terminalId: wireId.optional(),
    /** The day the card was used. */
    transactionDate: isoDate.optional(),
    acceptorTransactionDateTime: z.string().optional(),
    bookingDate: isoDate.optional(),
    /** For cards, the payment due date of booked transactions. */
    valueDate: isoDate.optional(),
    /** REQUIRED. */
    transactionAmount: amount,
    grandTotalAmount: amount.optional(),
    originalAmount: amount.optional(),
    markupFee: amount.optional(),
    markupFeePercentage: z.string().optional(),
    cardAcceptorId: z.string().optional(),
    merchantCategoryCode: z.string().optional(),
    maskedPAN: z.string().optional(),
    /** Free text, e.g. the merchant. */
    transactionDetails: z.string().optional(),
    invoiced: wireBoolean.optional(),
    proprietaryBankTransactionCode: z.string().optional(),
  })
  .loose();
export type WireCardTransaction = z.infer<typeof cardTransaction>;

/** @see BG `cardAccountReport`; items read one by one, as for accounts. */
const cardAccountReport = z
  .object({
    booked: wireItems.optional(),
    pending: wireItems.optional(),
    _links: reportLinks.optional(),
  })
  .loose();

/**
 * @see BG `cardAccountsTransactionsResponse200`. A bank answering cards in the plain-account
 * shape sends the report as `transactions`; it is taken when `cardTransactions` is absent.
 */
export const cardAccountsTransactionsResponse = z
  .object({
    cardAccount: accountReference.optional(),
    debitAccounting: wireBoolean.optional(),
    /** REQUIRED here (or `transactions`). */
    cardTransactions: cardAccountReport.optional(),
    transactions: cardAccountReport.optional(),
    balances: wireItems.optional(),
  })
  .loose()
  .refine((v) => v.cardTransactions !== undefined || v.transactions !== undefined, { message: 'is missing', path: ['cardTransactions'] });
