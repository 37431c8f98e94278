import type { TFunction } from 'i18next';
import type { FundsAdvice } from '../../../../common/contract-funds.js';
import type { PaymentReason, PaymentState } from '../../../../common/payments.js';
import { assertNever } from '../../../../common/result.js';
import type { FormProblem } from './payment-form-model.js';

type T = TFunction<['payments', 'common']>;

/** A form problem in the person's language. */
export function problemText(t: T, p: FormProblem): string {
  switch (p.field) {
    case 'name':
      return 'count' in p ? t('problem.nameTooLong', { count: p.count }) : t('problem.nameEmpty');
    case 'details':
      return t('problem.detailsTooLong', { count: p.count });
    case 'currency':
      return t('problem.currencyMismatch', { account: p.account, currency: p.currency });
    case 'iban':
      return t(`problem.iban.${p.problem}`);
    case 'amount': {
      const a = p.problem;
      switch (a.reason) {
        case 'too-many-decimals': return t('problem.amount.too-many-decimals', { allowed: a.allowed, currency: p.currency });
        case 'ambiguous': return t('problem.amount.ambiguous', { text: p.text.trim(), grouped: a.readings[0], decimal: a.readings[1] });
        case 'too-large': return t('problem.amount.too-large', { digits: a.maxIntegerDigits });
        default: return t(`problem.amount.${a.reason}`);
      }
    }
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
