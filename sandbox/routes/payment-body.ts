import { isValidIBAN, electronicFormatIBAN } from 'ibantools';
import { z } from 'zod';
import { reject } from '../errors.js';
import { isKnownCurrency, parseAmountMinor } from '../money.js';
import type { InstructedAmount } from '../state/records.js';
import type { CurrencyCode } from '../state/types.js';
import { parseBody } from '../validate.js';

const iban = z.string().transform((v, ctx) => {
  const normal = electronicFormatIBAN(v) ?? '';
  if (!isValidIBAN(normal)) {
    ctx.addIssue({ code: 'custom', message: 'is not a valid IBAN (ISO 13616, mod 97)' });
    return z.NEVER;
  }
  return normal;
});
const accountReference = z.object({ iban }).loose();
const amount = z.object({
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'),
  amount: z.union([z.string(), z.number()]),
});

/** A Berlin Group credit transfer; CEC keeps `debtorAccount` optional (the PSU picks on the page). */
const transfer = z.object({
  instructedAmount: amount,
  creditorAccount: accountReference,
  creditorName: z.string().trim().min(1).max(70),
  remittanceInformationUnstructured: z.string().max(140).optional(),
  endToEndIdentification: z.string().max(35).optional(),
});

const singlePaymentBody = transfer.extend({ debtorAccount: accountReference.optional() });
const bulkPaymentBody = z.object({
  debtorAccount: accountReference.optional(),
  batchBookingPreferred: z.boolean().optional(),
  requestedExecutionDate: z.string().optional(),
  payments: z.array(transfer).min(1).max(500),
});

export interface Transfer {
  instructedAmount: InstructedAmount;
  creditorIban: string;
  creditorName: string;
  remittance: string;
  endToEndIdentification?: string;
}

/** The bank keeps RON and EUR accounts; `sepa-credit-transfers` at CEC carries both. */
const PAYABLE: CurrencyCode[] = ['RON', 'EUR'];

function toTransfer(t: z.infer<typeof transfer>, path: string): Transfer {
  const currency = t.instructedAmount.currency;
  if (!isKnownCurrency(currency) || !PAYABLE.includes(currency as CurrencyCode)) {
    reject(400, 'FORMAT_ERROR', `${path}.instructedAmount.currency ${currency} cannot be paid from a CEC account`);
  }
  const minor = parseAmountMinor(t.instructedAmount.amount, currency, `${path}.instructedAmount`);
  if (minor <= 0) reject(400, 'FORMAT_ERROR', `${path}.instructedAmount.amount must be positive`);
  return {
    instructedAmount: { amountMinor: minor, currency: currency as CurrencyCode },
    creditorIban: t.creditorAccount.iban,
    creditorName: t.creditorName,
    remittance: t.remittanceInformationUnstructured ?? '',
    endToEndIdentification: t.endToEndIdentification,
  };
}

export const parseSingle = (body: unknown) => {
  const b = parseBody(singlePaymentBody, body, 'body');
  return { debtorIban: b.debtorAccount?.iban, transfer: toTransfer(b, 'body') };
};

export const parseBulk = (body: unknown) => {
  const b = parseBody(bulkPaymentBody, body, 'body');
  const transfers = b.payments.map((p, i) => toTransfer(p, `payments.${i}`));
  const currencies = new Set(transfers.map((t) => t.instructedAmount.currency));
  if (currencies.size > 1) reject(400, 'FORMAT_ERROR', 'all payments of a bulk must share one currency (one payer account)');
  return { debtorIban: b.debtorAccount?.iban, transfers };
};
