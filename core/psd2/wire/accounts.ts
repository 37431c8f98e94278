/**
 * PSD2 API-AccountsC wire types of accounts and card accounts: lists, details, balances.
 * @see digest §2.6; Berlin Group 1.3.12 getAccountList … getCardAccountBalances.
 */
import { z } from 'zod';
import { wireBoolean, wireId, wireItems } from '../../http/bank-answer.js';
import { accountReference, amount, balanceList, currencyCode, hrefType } from './common.js';

/** @see BG `_linksAccountDetails`. */
const accountLinks = z
  .object({
    balances: hrefType.optional(),
    transactions: hrefType.optional(),
  })
  .loose();

/** @see BG `accountDetails`; digest §2.6 (CEC's example: resourceId "25511978", amount 26.46 as a number). */
export const accountDetails = z
  .object({
    /**
     * REQUIRED here (BG: "shall be filled if addressable resources are created"): every later
     * read addresses the account by it, so an account without one is useless to the app.
     */
    resourceId: wireId.pipe(z.string().min(1)),
    iban: z.string().optional(),
    bban: z.string().optional(),
    msisdn: z.string().optional(),
    /** REQUIRED. "XXX" for a multicurrency account. */
    currency: currencyCode,
    ownerName: z.string().optional(),
    /** CEC: the account number's short form, e.g. "421642". */
    name: z.string().optional(),
    displayName: z.string().optional(),
    /** CEC: "Cont curent - persoane fizice - LEI". */
    product: z.string().optional(),
    /** CEC: "CurrentAccount" (BG suggests ISO codes such as "CACC"). */
    cashAccountType: z.string().optional(),
    status: z.string().optional(),
    bic: z.string().optional(),
    usage: z.string().optional(),
    /** Present with `withBalance=true` when the consent covers the balances; read one by one. */
    balances: wireItems.optional(),
    _links: accountLinks.optional(),
  })
  .loose();
export type AccountDetails = z.infer<typeof accountDetails>;

/** @see BG `accountList`. The items are read one by one (`accountDetails`), so one bad account is skipped, not fatal. */
export const accountList = z
  .object({
    /** REQUIRED. */
    accounts: wireItems,
  })
  .loose();

/** CEC's answer to readAccountDetails: the list wrapper holding one account (digest §2.6). */
export const accountDetailsListWrapper = z
  .object({
    /** REQUIRED. Exactly one account. */
    accounts: z.array(accountDetails).length(1, 'must hold exactly one account'),
  })
  .loose();

/** The standard answer to readAccountDetails. @see BG `OK_200_AccountDetails`. */
export const accountDetailsResponse = z
  .object({
    /** REQUIRED. */
    account: accountDetails,
  })
  .loose();

/** @see BG `readAccountBalanceResponse-200`; digest §2.6 (amount "26.46" as a string). */
export const readAccountBalanceResponse = z
  .object({
    account: accountReference.optional(),
    /** REQUIRED. */
    balances: balanceList,
  })
  .loose();

/**
 * A card account, in the Berlin Group shape (`maskedPan`) or in the plain-account shape some
 * banks answer `/card-accounts` with (`iban`, no `maskedPan`): either identifies it.
 * @see BG `cardAccountDetails`.
 */
export const cardAccountDetails = z
  .object({
    /** REQUIRED here, as for accounts: the id of every later card read. */
    resourceId: wireId.pipe(z.string().min(1)),
    /** REQUIRED by BG, e.g. "525412******3241"; optional here, since plain-shape answers carry `iban` instead. */
    maskedPan: z.string().optional(),
    iban: z.string().optional(),
    bban: z.string().optional(),
    /** REQUIRED. */
    currency: currencyCode,
    ownerName: z.string().optional(),
    name: z.string().optional(),
    displayName: z.string().optional(),
    product: z.string().optional(),
    debitAccounting: wireBoolean.optional(),
    status: z.string().optional(),
    usage: z.string().optional(),
    details: z.string().optional(),
    creditLimit: amount.optional(),
    /** Read one by one, as for accounts. */
    balances: wireItems.optional(),
    _links: accountLinks.optional(),
  })
  .loose();
export type CardAccountDetails = z.infer<typeof cardAccountDetails>;

/**
 * @see BG `cardAccountList`. Items are read one by one; a bank answering in the plain-account
 * shape may name the list `accounts`, which is taken when `cardAccounts` is absent.
 */
export const cardAccountList = z
  .object({
    /** REQUIRED by BG. */
    cardAccounts: wireItems.optional(),
    accounts: wireItems.optional(),
  })
  .loose()
  .refine((v) => v.cardAccounts !== undefined || v.accounts !== undefined, { message: 'is missing', path: ['cardAccounts'] });

/** @see BG `OK_200_CardAccountDetails`. */
export const cardAccountDetailsResponse = z
  .object({
    /** REQUIRED. */
    cardAccount: cardAccountDetails,
  })
  .loose();

/** The list wrapper with one card account, tolerated in case CEC answers cards as it does accounts. */
export const cardAccountDetailsListWrapper = z
  .object({
    /** REQUIRED. Exactly one card account. */
    cardAccounts: z.array(cardAccountDetails).length(1, 'must hold exactly one card account'),
  })
  .loose();

/** @see BG `readCardAccountBalanceResponse-200`. */
export const readCardAccountBalanceResponse = z
  .object({
    cardAccount: accountReference.optional(),
    debitAccounting: wireBoolean.optional(),
    /** REQUIRED. */
    balances: balanceList,
  })
  .loose();
