import type { StoredAccount } from '../../../../common/queries.js';
import { checkIban, type IbanProblem } from '../../../../common/iban-check.js';
import { formatIban } from '../../../../common/iban.js';
import { parseAmount, type AmountProblem } from '../../../../common/parse-amount.js';

/** The form as typed; `from` is an account id, or '' when the bank asks on its page. */
export interface PaymentFormValues {
  from: string;
  name: string;
  iban: string;
  amount: string;
  currency: string;
  details: string;
  save: boolean;
}

export const MAX_NAME = 70;
export const MAX_DETAILS = 140;

export type FormProblem =
  | { field: 'name'; reason: 'empty' }
  | { field: 'name'; reason: 'too-long'; count: number }
  | { field: 'details'; reason: 'too-long'; count: number }
  | { field: 'iban'; problem: IbanProblem }
  | { field: 'amount'; problem: AmountProblem; text: string; currency: string }
  | { field: 'currency'; reason: 'mismatch'; account: string; currency: string };

export type FormField = FormProblem['field'];

/** What `payments:create` is given once the form holds no problem. */
export interface ReadyPayment {
  debtorIban?: string;
  debtorAccountId?: string;
  creditorName: string;
  creditorIban: string;
  amount: string;
  currency: string;
  remittance: string;
  saveBeneficiary: boolean;
}

export interface FormCheck {
  problems: Partial<Record<FormField, FormProblem>>;
  /** The IBAN in groups of four, once it reads as one. */
  ibanGroups: string | null;
  ready: ReadyPayment | null;
}

/**
 * The form checked the way core will check it (mod 97, the currency's decimals, the lengths, the
 * account's currency), on every keystroke, so the person sees a problem as it is typed.
 */
export function checkPaymentForm(v: PaymentFormValues, accounts: readonly StoredAccount[]): FormCheck {
  const problems: FormCheck['problems'] = {};
  const name = v.name.trim();
  if (name === '') problems.name = { field: 'name', reason: 'empty' };
  else if (name.length > MAX_NAME) problems.name = { field: 'name', reason: 'too-long', count: name.length };
  if (v.details.length > MAX_DETAILS) problems.details = { field: 'details', reason: 'too-long', count: v.details.length };
  const iban = checkIban(v.iban);
  if (!iban.ok) problems.iban = { field: 'iban', problem: iban.problem };
  const amount = parseAmount(v.amount, v.currency);
  if (!amount.ok) problems.amount = { field: 'amount', problem: amount.problem, text: v.amount, currency: v.currency };
  const account = accounts.find((a) => a.id === v.from);
  if (account !== undefined && account.currency !== v.currency) {
    problems.currency = { field: 'currency', reason: 'mismatch', account: account.currency, currency: v.currency };
  }
  const ready: ReadyPayment | null = Object.keys(problems).length > 0 || !iban.ok || !amount.ok
    ? null
    : {
        ...(account?.iban === undefined ? {} : { debtorIban: account.iban, debtorAccountId: account.id }),
        creditorName: name,
        creditorIban: iban.iban,
        amount: amount.amount,
        currency: v.currency,
        remittance: v.details,
        saveBeneficiary: v.save,
      };
  return { problems, ibanGroups: iban.ok ? formatIban(iban.iban) : null, ready };
}

/** Savings and card accounts, as ISO 20022 codes or as CEC spells them ("SavingsAccount"): they cannot pay a transfer. */
const NOT_PAYING = /^(svgs|card|cash|loan|lloan|moma)$|savings|card|loan/i;

/**
 * The accounts a payment can leave from: current accounts with an IBAN. An account the bank did
 * not type is offered; the bank's page has the last word.
 */
export const payableAccounts = (accounts: readonly StoredAccount[]): StoredAccount[] =>
  accounts.filter((a) => a.iban !== undefined && a.kind !== 'card' && !NOT_PAYING.test(a.cashAccountType ?? ''));

const PARAMS = ['from', 'name', 'iban', 'amount', 'currency', 'details'] as const;

/** The form's prefill from the address (pay again, a beneficiary): `?name=…&iban=…&amount=…`. */
export function valuesFromParams(params: URLSearchParams): PaymentFormValues {
  const get = (k: (typeof PARAMS)[number]) => params.get(k) ?? '';
  return { from: get('from'), name: get('name'), iban: get('iban'), amount: get('amount'), currency: get('currency') || 'RON', details: get('details'), save: params.get('save') === '1' };
}

/** The address of a prefilled form; `review` opens it on the review when the prefill is complete. */
export function payHref(prefill: Partial<Omit<PaymentFormValues, 'save'>>, options: { review?: boolean } = {}): string {
  const params = new URLSearchParams();
  for (const k of PARAMS) {
    const value = prefill[k];
    if (value !== undefined && value !== '') params.set(k, value);
  }
  if (options.review === true) params.set('review', '1');
  return `/payments/new?${params.toString()}`;
}
