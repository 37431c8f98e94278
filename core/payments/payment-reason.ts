import type { PaymentReason, PaymentReasonCode, PaymentState } from '../../common/index.js';

/**
 * The sentences versions before typed reasons wrote into a state, read back as the code each one
 * meant; those that carried an error's message keep it as `detail`.
 */
const OLD_SENTENCES: readonly [RegExp, Exclude<PaymentReasonCode, 'bank-reason' | 'legacy'>][] = [
  [/^cancelled before it was sent to the bank$/, 'cancelled-before-sending'],
  [/^cancelled at the bank before the PSU authorised it$/, 'cancelled-before-authorisation'],
  [/^the bank says the PSU authorised it; its outcome is read from the bank$/, 'authorised-at-bank'],
  [/^an earlier initiation got no answer$/, 'earlier-initiation-unanswered'],
  [/^the bank did not answer the initiation \((.*)\)$/s, 'initiation-unanswered'],
  [/^the bank’s answer to the initiation could not be read \((.*)\)$/s, 'initiation-unreadable'],
  [/^the PSU’s answer could not be completed \((.*)\)$/s, 'authorisation-incomplete'],
  [/^the bank no longer accepts this payment’s token$/, 'token-refused'],
  [/^a booked transaction on the payer’s account carries this payment’s reference$/, 'booked-transaction-found'],
  [/^the bank never gave it an id, so nobody could authorise it: it did not execute$/, 'never-identified'],
  [/^the bank refused the payment$/, 'initiation-refused'],
];

/** Every code of the union, as a record so that a code added to common/payments.ts and missing here fails to compile. */
const KNOWN: Record<PaymentReasonCode, true> = {
  'cancelled-before-sending': true, 'cancelled-before-authorisation': true, 'bank-reason': true, 'initiation-refused': true,
  'initiation-unanswered': true, 'earlier-initiation-unanswered': true, 'initiation-unreadable': true, 'authorised-at-bank': true,
  'authorisation-incomplete': true, 'token-refused': true, 'booked-transaction-found': true, 'never-identified': true, legacy: true,
};
const CODES: ReadonlySet<string> = new Set(Object.keys(KNOWN));

/** A sentence an earlier version wrote: its code when it is one of ours, else `legacy` with the text. */
function fromSentence(text: string): PaymentReason {
  for (const [pattern, code] of OLD_SENTENCES) {
    const m = pattern.exec(text);
    if (m !== null) return m[1] === undefined ? { code } : { code, detail: m[1] };
  }
  return { code: 'legacy', detail: text };
}

/**
 * A stored reason, read liberally: this version's `{ code, … }`, an earlier one's sentence (a
 * failed initiation wrote the bank's error message itself, which becomes `legacy`), or anything
 * else as `legacy`, so an old row never stops a payment from being listed or followed.
 */
export function readReason(stored: unknown): PaymentReason {
  if (typeof stored === 'string') return fromSentence(stored);
  if (typeof stored === 'object' && stored !== null && 'code' in stored && typeof stored.code === 'string' && CODES.has(stored.code)) {
    const detail = 'detail' in stored && typeof stored.detail === 'string' ? { detail: stored.detail } : {};
    if (stored.code !== 'bank-reason') return { code: stored.code as Exclude<PaymentReasonCode, 'bank-reason'>, ...detail };
    if ('bankCode' in stored && typeof stored.bankCode === 'string') return { code: 'bank-reason', bankCode: stored.bankCode, ...detail };
  }
  return stored === undefined || stored === null ? { code: 'legacy' } : { code: 'legacy', detail: JSON.stringify(stored) };
}

/** A state as stored (JSON), its reason read with `readReason`; a cancelled one may have none. */
export function readPaymentState(json: string): PaymentState {
  const state = JSON.parse(json) as PaymentState;
  switch (state.kind) {
    case 'cancelled':
      return { ...state, reason: state.reason === null || state.reason === undefined ? null : readReason(state.reason) };
    case 'failed':
    case 'unknown':
      return { ...state, reason: readReason(state.reason) };
    default:
      return state;
  }
}
