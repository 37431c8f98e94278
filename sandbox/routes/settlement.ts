import type { BankContext } from '../context.js';
import { bankDay } from '../dates.js';
import { availableMinor } from '../state/available.js';
import type { BulkPayment, Payment, TransactionStatus } from '../state/records.js';

/** BG: a payment whose SCA is not completed in time is rejected. */
const UNAUTHORISED_TIMEOUT_MS = 15 * 60_000;

/** Where an authorised payment stands after `elapsed` ms of a `settleMs` lifecycle. */
function phase(elapsed: number, settleMs: number): TransactionStatus | 'final' {
  if (elapsed >= settleMs) return 'final';
  if (elapsed >= (settleMs * 2) / 3) return 'ACSP';
  if (elapsed >= settleMs / 3) return 'ACTC';
  return 'ACCP';
}

/**
 * Moves payments along `ACCP → ACTC → ACSP → ACSC | CANC` by the bank's clock. Run before each
 * request, so state is current without timers; settling books the debit (and the credit when the
 * creditor banks here too), or cancels for lack of funds.
 */
export function settleDue(ctx: BankContext): void {
  const now = ctx.now().getTime();
  const { payments, bulks } = ctx.state.data;
  for (const p of payments) {
    if (p.status === 'RCVD' && p.bulkId === undefined && now - Date.parse(p.createdAt) >= UNAUTHORISED_TIMEOUT_MS) {
      p.status = 'RJCT';
      p.statusReason = 'AB05'; // timeout at the debtor agent: SCA never completed
      p.finalAt = new Date(Date.parse(p.createdAt) + UNAUTHORISED_TIMEOUT_MS).toISOString();
      ctx.state.changed();
    }
  }
  for (const b of bulks) {
    if (b.status === 'RCVD' && now - Date.parse(b.createdAt) >= UNAUTHORISED_TIMEOUT_MS) {
      b.status = 'RJCT';
      const at = new Date(Date.parse(b.createdAt) + UNAUTHORISED_TIMEOUT_MS).toISOString();
      for (const p of itemsOf(ctx, b)) Object.assign(p, { status: 'RJCT', finalAt: at });
      ctx.state.changed();
    }
  }
  for (const p of payments) {
    if (p.bulkId === undefined) advance(ctx, p, now);
  }
  for (const b of bulks) {
    if (b.authorisedAt === undefined || isFinal(b.status)) continue;
    const items = itemsOf(ctx, b);
    for (const p of items) advance(ctx, p, now);
    const next = bulkStatus(items.map((p) => p.status));
    if (next !== b.status) {
      b.status = next;
      ctx.state.changed();
    }
  }
}

const isFinal = (s: TransactionStatus) => s === 'ACSC' || s === 'CANC' || s === 'RJCT' || s === 'PART';

function advance(ctx: BankContext, p: Payment, now: number): void {
  if (p.authorisedAt === undefined || isFinal(p.status)) return;
  const next = phase(now - p.authorisedAt, ctx.options.settleMs);
  if (next === 'final') {
    p.finalAt = new Date(p.authorisedAt + ctx.options.settleMs).toISOString();
    settle(ctx, p);
  }
  else if (next !== p.status) {
    p.status = next;
    ctx.state.changed();
  }
}

function settle(ctx: BankContext, p: Payment): void {
  const debtor = p.debtorIban === undefined ? undefined : ctx.state.accountByIban(p.debtorIban);
  const amount = p.instructedAmount.amountMinor;
  const day = bankDay(ctx.now());
  ctx.state.changed();
  if (debtor === undefined || debtor.account.currency !== p.instructedAmount.currency) {
    p.status = 'CANC';
    p.statusReason = 'AC01'; // incorrect account
    return;
  }
  if (availableMinor(debtor.account) < amount) {
    p.status = 'CANC';
    p.statusReason = 'AM04'; // insufficient funds
    return;
  }
  // SEPA hands the payer's reference on unchanged: both bookings carry it (BG `endToEndId`).
  const endToEnd = p.endToEndIdentification === undefined ? {} : { endToEndId: p.endToEndIdentification };
  const booked = ctx.state.book(debtor.account, {
    status: 'booked',
    bookingDate: day,
    valueDate: day,
    amountMinor: -amount,
    currency: p.instructedAmount.currency,
    creditorName: p.creditorName,
    creditorIban: p.creditorIban,
    remittanceInformationUnstructured: p.remittance,
    ...endToEnd,
    bankTransactionCode: 'PMNT-ICDT-STDO',
  });
  p.bookedTransactionId = booked.transactionId;
  p.status = 'ACSC';
  const creditor = ctx.state.accountByIban(p.creditorIban);
  if (creditor !== undefined && creditor.account.currency === p.instructedAmount.currency) {
    ctx.state.book(creditor.account, {
      status: 'booked',
      bookingDate: day,
      valueDate: day,
      amountMinor: amount,
      currency: p.instructedAmount.currency,
      debtorName: debtor.psu.displayName,
      debtorIban: debtor.account.iban,
      remittanceInformationUnstructured: p.remittance,
      ...endToEnd,
      bankTransactionCode: 'PMNT-RCDT-ESCT',
    });
  }
}

/** A bulk is final when every item is: ACSC when all settled, PART when some did not, CANC when none did. */
function bulkStatus(items: TransactionStatus[]): TransactionStatus {
  if (items.every(isFinal)) {
    const settled = items.filter((s) => s === 'ACSC').length;
    if (settled === items.length) return 'ACSC';
    return settled === 0 ? 'CANC' : 'PART';
  }
  const order: TransactionStatus[] = ['ACCP', 'ACTC', 'ACSP'];
  const reached = items.map((s) => (isFinal(s) ? 2 : order.indexOf(s)));
  return order[Math.min(...reached)] ?? 'ACCP';
}

export const itemsOf = (ctx: BankContext, b: BulkPayment): Payment[] =>
  b.itemIds.map((id) => ctx.state.data.payments.find((p) => p.paymentId === id)).filter((p): p is Payment => p !== undefined);
