import type { TFunction } from 'i18next';
import type { FundsAdvice } from '../../../../common/contract-funds.js';
import type { PaymentReason, PaymentState } from '../../../../common/payments.js';
import { assertNever } from '../../../../common/result.js';
import type { IbanProblem } from '../../../../common/iban-check.js';
import type { AmountProblem } from '../../../../common/parse-amount.js';
import { MAX_DETAILS, MAX_NAME, type FormProblem } from './payment-form-model.js';

export type T = TFunction<['payments', 'common']>;

/** Why an IBAN cannot be paid to, in the person's language: the form's and the bulk preview's one text. */
export const ibanProblemText = (t: T, problem: IbanProblem): string => t(`problem.iban.${problem}`);

/** Why a typed amount cannot be paid, in the person's language; `text` is the amount as typed. */
export function amountProblemText(t: T, a: AmountProblem, text: string, currency: string): string {
  switch (a.reason) {
    case 'too-many-decimals': return t('problem.amount.too-many-decimals', { allowed: a.allowed, currency });
    case 'ambiguous': return t('problem.amount.ambiguous', { text: text.trim(), grouped: a.readings[0], decimal: a.readings[1] });
    case 'too-large': return t('problem.amount.too-large', { digits: a.maxIntegerDigits });
    case 'empty':
    case 'not-a-number':
    case 'signed':
    case 'zero':
    case 'misplaced-separator':
      return t(`problem.amount.${a.reason}`);
    default:
      return assertNever(a, 'amount problem');
  }
}

/** A form problem in the person's language. */
export function problemText(t: T, p: FormProblem): string {
  switch (p.field) {
    case 'name':
      return 'count' in p ? t('problem.nameTooLong', { count: p.count, max: MAX_NAME }) : t('problem.nameEmpty');
    case 'details':
      return t('problem.detailsTooLong', { count: p.count, max: MAX_DETAILS });
    case 'currency':
      return t('problem.currencyMismatch', { account: p.account, currency: p.currency });
    case 'iban':
      return ibanProblemText(t, p.problem);
    case 'amount':
      return amountProblemText(t, p.problem, p.text, p.currency);
  }
}

/** Where an intent stands, with the bank's code when it gave one ("Executată (ACSC)"). */
export function stateText(t: T, state: PaymentState): string {
  const words = t(`state.${state.kind}`);
  return 'status' in state ? `${words} (${state.status})` : words;
}

/** The bank's ISO 20022 status reason codes named in words (payments `bankReason`); any other is shown as itself. */
const BANK_REASONS = ['AB05', 'AC01', 'AC04', 'AC06', 'AG01', 'AM04', 'AM05', 'MS02', 'MS03', 'RR04'] as const;
type NamedBankReason = (typeof BANK_REASONS)[number];
const isNamed = (code: string): code is NamedBankReason => (BANK_REASONS as readonly string[]).includes(code);

/** Why a payment is cancelled, failed or unknown, in the person's language; the technical detail is apart. */
export function reasonText(t: T, reason: PaymentReason): string {
  switch (reason.code) {
    case 'bank-reason': {
      const code = reason.bankCode.trim().toUpperCase();
      return isNamed(code) ? t('reason.bank-reason', { words: t(`bankReason.${code}`), code }) : t('reason.bank-code', { code: reason.bankCode });
    }
    case 'cancelled-before-sending':
    case 'cancelled-before-authorisation':
    case 'initiation-refused':
    case 'initiation-unanswered':
    case 'earlier-initiation-unanswered':
    case 'initiation-unreadable':
    case 'authorised-at-bank':
    case 'authorisation-incomplete':
    case 'token-refused':
    case 'booked-transaction-found':
    case 'never-identified':
    case 'legacy':
      return t(`reason.${reason.code}`);
    default:
      return assertNever(reason, 'payment reason');
  }
}

/** The funds advice of the review screen in the person's language. */
export function fundsText(t: T, funds: FundsAdvice, currency: string): string {
  if (funds.kind !== 'unknown') return t(`review.funds.${funds.kind}`);
  switch (funds.reason) {
    case 'currency-mismatch':
      return t('review.funds.unknown.currency-mismatch', { account: funds.accountCurrency, currency });
    case 'no-connection':
    case 'no-consent':
    case 'check-failed':
      return t(`review.funds.unknown.${funds.reason}`);
    default:
      return assertNever(funds, 'funds advice');
  }
}
