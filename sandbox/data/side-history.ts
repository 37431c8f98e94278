import type { CurrencyCode } from '../state/types.js';
import { amount, fillerPlan, keepFixed, randomDay, type Draft, type History, type Span } from './drafts.js';
import { onlineEur, ronSpending, type CardMerchant, type Weighted } from './merchants.js';
import { abroad, people, personalReasons } from './payees.js';
import type { Rng } from './prng.js';
import { accountFees, personalTransfer } from './salary-history.js';
import { cardPurchase, pendingPurchases, pickWeighted, type Card } from './spending.js';

export interface SideAccountInput {
  rng: Rng;
  span: Span;
  currency: CurrencyCode;
  card: Card;
}

/** A euro transfer from abroad or to a friend, the EUR counterpart of a personal transfer. */
function euroTransfer(rng: Rng, day: number, incoming: boolean, factor: number): Draft {
  const minor = amount(rng, 2_000, 40_000, factor, 100);
  const text = rng.pick(personalReasons);
  if (incoming) {
    const from = rng.pick(Object.values(abroad));
    return { day, amountMinor: minor, remittanceInformationUnstructured: text, bankTransactionCode: 'PMNT-RCDT-ESCT',
      debtorName: from.name, debtorIban: from.iban };
  }
  const to = rng.pick(people);
  return { day, amountMinor: -minor, remittanceInformationUnstructured: text, bankTransactionCode: 'PMNT-ICDT-ESCT',
    creditorName: to.name, creditorIban: to.iban };
}

/**
 * An extra current account (what `accountsPerPsu` > 4 adds): a quieter account with its own
 * card, some money in, some spending and the monthly fee.
 */
export function sideAccountHistory({ rng, span, currency, card }: SideAccountInput): History {
  const euro = currency !== 'RON';
  const spending: readonly Weighted<readonly CardMerchant[]>[] = euro ? [{ weight: 1, value: onlineEur }] : ronSpending;
  const fees = accountFees(span, euro ? 100 : 500);
  const kept = keepFixed(fees, span.target, rng);
  const plan = fillerPlan(span, 4, kept.length);
  const booked: Draft[] = [...kept];
  for (let i = 0; i < plan.count; i++) {
    const day = randomDay(rng, span);
    const roll = rng.next();
    if (roll < 0.5) booked.push(cardPurchase(rng, day, rng.pick(pickWeighted(rng, spending)), card, plan.factor));
    else if (euro) booked.push(euroTransfer(rng, day, roll < 0.85, plan.factor));
    else booked.push(personalTransfer(rng, day, roll < 0.85, plan.factor));
  }
  return { booked, pending: pendingPurchases(rng, span.today, spending, card, Infinity) };
}
