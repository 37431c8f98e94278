import { z } from 'zod';
import { returns } from './contract-schemas.js';
import type { PaymentView } from './payments.js';


const id = z.string().min(1).max(100).regex(/^[A-Za-z0-9_.:-]+$/);
/** Made by the client once per form (a UUID): the same key twice is the same intent, so a double click pays once. */
const idempotencyKey = z.string().min(8).max(100).regex(/^[A-Za-z0-9_.:-]+$/);
/** Plain decimal text, as the form normalised it ("1234.56"); core checks the currency's decimals and > 0. */
const amount = z.string().trim().regex(/^\d{1,14}(\.\d{1,5})?$/, 'must be a plain decimal such as 1234.56');
const currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as RON');
/** Checked with mod-97 in core, so the error names the field; spaces are allowed as people type them. */
const iban = z.string().trim().min(5).max(50);
/** The bank's limits (digest §3.1): the name at most 70 characters, the details at most 140. */
const transfer = {
  creditorName: z.string().trim().min(1).max(70),
  creditorIban: iban,
  amount,
  remittance: z.string().max(140).default(''),
};
/** A reference a bulk's CSV gave a row (SEPA's Latin set, at most 35); absent: core makes one. */
const endToEndId = z.string().trim().min(1).max(35).regex(/^[A-Za-z0-9/\-?:().,'+ ]+$/, 'must use SEPA reference characters');
const stateKinds = z.enum(['draft', 'initiating', 'awaiting-sca', 'authorised', 'settling', 'settled', 'partial', 'rejected', 'cancelled', 'failed', 'unknown']);

/** Payments (issue 11): intents kept in the local store, executed exactly once at the bank. */
export const paymentsMethods = {
  /**
   * Writes a draft intent; nothing goes to the bank. The same `idempotencyKey` again returns the
   * intent already made, whatever else the input says. `saveBeneficiary`: once it settles, the
   * beneficiary is saved (or updated) in the address book with this amount as its last.
   */
  'payments:create': {
    input: z.object({ idempotencyKey, profileId: id, debtorIban: iban.optional(), currency, ...transfer, saveBeneficiary: z.boolean().default(false) }).strict(),
    output: returns<PaymentView>(),
  },
  /** A bulk of rows already validated (see core/payments/bulk-csv): one currency, one payer, one authorisation. */
  'payments:create-bulk': {
    input: z.object({ idempotencyKey, profileId: id, debtorIban: iban.optional(), currency, items: z.array(z.object({ ...transfer, endToEndId: endToEndId.optional() }).strict()).min(1).max(500) }).strict(),
    output: returns<PaymentView>(),
  },
  /**
   * Initiates the intent at the bank and opens the bank's page; answers once the PSU decided
   * (the status is then followed in the background, `payments:changed` says each step). Submitting
   * an intent already past its draft continues it instead: it never initiates a second payment.
   */
  'payments:submit': { input: z.object({ paymentId: id }).strict(), output: returns<PaymentView>() },
  /** Every intent, newest first; `status` keeps only those in the states named. */
  'payments:list': { input: z.object({ status: z.array(stateKinds).max(11).optional() }).strict(), output: returns<PaymentView[]>() },
  /** One intent with its timeline. */
  'payments:get': { input: z.object({ paymentId: id }).strict(), output: returns<PaymentView>() },
  /** Cancels at the bank before authorisation (a draft is just dropped); after it the bank refuses and the error says why. */
  'payments:cancel': { input: z.object({ paymentId: id }).strict(), output: returns<PaymentView>() },
  /** Reads the bank now for an `unknown` intent (status, then the payer's booked transactions). */
  'payments:reconcile': { input: z.object({ paymentId: id }).strict(), output: returns<PaymentView>() },
  /** Sends an intent again, only when it provably did not execute (`canRetry`); then as `payments:submit`. */
  'payments:retry': { input: z.object({ paymentId: id }).strict(), output: returns<PaymentView>() },
} as const;
