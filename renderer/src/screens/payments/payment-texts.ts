import type { TFunction } from 'i18next';
import type { PaymentState } from '../../../../common/payments.js';
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
