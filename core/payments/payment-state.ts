import { assertNever, type PaymentReason, type PaymentState, type PaymentStatusCode, type PaymentView } from '../../common/index.js';
import { addMoney, parseMoney } from '../money/money.js';
import type { PaymentRecord } from './payment-store.js';

const CODES: readonly PaymentStatusCode[] = ['RCVD', 'ACCP', 'ACTC', 'ACSP', 'ACSC', 'ACCC', 'RJCT', 'CANC', 'PART', 'PATC'];

/**
 * The Berlin Group codes CEC does not use, read as the code of ours that means the same for
 * the person: received but not authorised (PDNG), accepted and on its way (ACWC, ACWP, ACFC),
 * settled (ACWC is "accepted with change"; ACSC-like ones are not listed by CEC).
 */
const ALIASES: Readonly<Record<string, PaymentStatusCode>> = { PDNG: 'RCVD', ACWC: 'ACCP', ACWP: 'ACCP', ACFC: 'ACCP' };

/** A status code as the bank wrote it, or null when it is none we know (the state then stays). */
export function statusCode(text: string | null | undefined): PaymentStatusCode | null {
  if (text === null || text === undefined) return null;
  const code = text.trim().toUpperCase();
  return (CODES as readonly string[]).includes(code) ? (code as PaymentStatusCode) : (ALIASES[code] ?? null);
}

/** The state a status the bank reported puts a payment known by `paymentId` in. */
export function stateOfStatus(paymentId: string, code: PaymentStatusCode, reason: PaymentReason | null = null): PaymentState {
  switch (code) {
    case 'RCVD':
      return { kind: 'awaiting-sca', paymentId, status: 'RCVD' };
    case 'ACCP':
    case 'PATC':
      return { kind: 'authorised', paymentId, status: code };
    case 'ACTC':
    case 'ACSP':
      return { kind: 'settling', paymentId, status: code };
    case 'ACSC':
    case 'ACCC':
      return { kind: 'settled', paymentId, status: code };
    case 'PART':
      return { kind: 'partial', paymentId, status: 'PART' };
    case 'RJCT':
      return { kind: 'rejected', paymentId, status: 'RJCT' };
    case 'CANC':
      return { kind: 'cancelled', paymentId, status: 'CANC', reason };
    default:
      return assertNever(code, 'payment status');
  }
}

/** The bank's id the state carries, once it gave one. */
export function bankIdOf(state: PaymentState): string | null {
  switch (state.kind) {
    case 'draft':
    case 'initiating':
      return null;
    case 'awaiting-sca':
    case 'authorised':
    case 'settling':
    case 'settled':
    case 'partial':
    case 'rejected':
    case 'cancelled':
    case 'failed':
    case 'unknown':
      return state.paymentId;
    default:
      return assertNever(state, 'payment state');
  }
}

/** Whether the bank is still moving it after the PSU's yes: the follower polls these. */
export const isFollowed = (s: PaymentState): s is Extract<PaymentState, { kind: 'authorised' | 'settling' }> => s.kind === 'authorised' || s.kind === 'settling';

/**
 * Whether the intent may be sent again: only when nothing of it can have executed. The PSU's yes
 * ever reaching us rules it out for good (one intent, at most one authorised payment).
 */
export function mayRetry(p: PaymentRecord): boolean {
  if (p.authorisedOnce) return false;
  const s = p.state;
  switch (s.kind) {
    case 'failed':
    case 'rejected':
    case 'cancelled':
      return true;
    case 'unknown':
      return s.reconciliation === 'not-executed';
    case 'draft':
    case 'initiating':
    case 'awaiting-sca':
    case 'authorised':
    case 'settling':
    case 'settled':
    case 'partial':
      return false;
    default:
      return assertNever(s, 'payment state');
  }
}

/** The view of an intent the contract returns. */
export function paymentView(p: PaymentRecord, timeline?: PaymentView['timeline']): PaymentView {
  const total = p.items.map((i) => parseMoney(i.amount, p.currency)).reduce((a, b) => addMoney(a, b));
  const single = p.kind === 'single';
  const bankId = bankIdOf(p.state);
  return {
    id: p.id,
    kind: p.kind,
    profileId: p.profileId,
    debtorIban: p.debtorIban,
    total,
    items: p.items.map((i) => ({
      endToEndId: i.endToEndId,
      creditorName: i.creditorName,
      creditorIban: i.creditorIban,
      amount: parseMoney(i.amount, p.currency),
      remittance: i.remittance,
      bankPaymentId: single ? bankId : i.bankPaymentId,
      status: single ? ('status' in p.state ? p.state.status : null) : i.status,
    })),
    state: p.state,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    canCancel: p.state.kind === 'draft' || p.state.kind === 'awaiting-sca',
    canRetry: mayRetry(p),
    ...(timeline === undefined ? {} : { timeline }),
  };
}
