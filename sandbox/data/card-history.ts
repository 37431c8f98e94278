import { ymdOf } from './calendar.js';
import { fillerPlan, keepFixed, linkedCap, monthly, randomDay, thin, type Draft } from './drafts.js';
import { mirrorOf, runSteps, type LinkedHistory, type Step } from './linked.js';
import { fuel, groceries, onlineRon, restaurants, type CardMerchant, type Weighted } from './merchants.js';
import type { OwnAccountInput } from './savings-history.js';
import { cardPurchase, pendingPurchases, pickWeighted, type Card } from './spending.js';

export interface CardAccountInput extends OwnAccountInput {
  card: Card;
  creditLimitMinor: number;
}

/** What people put on a credit card: bigger baskets and things they pay off later. */
export const creditCardSpending: readonly Weighted<readonly CardMerchant[]>[] = [
  { weight: 3, value: groceries },
  { weight: 2, value: restaurants },
  { weight: 2, value: onlineRon },
  { weight: 1, value: fuel },
];

/**
 * A RON credit card account. Its balance is the credit used (zero or negative); purchases never
 * take it past the limit, and on the 20th of each month the salary account repays it in full.
 */
export function cardHistory({ rng, span, profile, iban, salaryIban, card, creditLimitMinor }: CardAccountInput): LinkedHistory {
  const owner = profile.displayName;
  const mirrors: Draft[] = [];
  const repayments = thin(monthly(span, 20), linkedCap(span), rng).map((day): Step => ({
    day,
    book: (balance) => {
      if (balance >= 0) return undefined;
      const draft: Draft = {
        day, amountMinor: -balance, remittanceInformationUnstructured: 'Rambursare card de credit',
        bankTransactionCode: 'PMNT-RCDT-BOOK', debtorName: owner, debtorIban: salaryIban,
      };
      mirrors.push(mirrorOf(draft, `Alimentare card de credit ${card.maskedPan}`, owner, iban));
      return draft;
    },
  }));

  // The annual fee, each year in the month the history (and so the card) started.
  const anniversary = ymdOf(span.start).month;
  const fees = monthly(span, 5)
    .filter((day) => ymdOf(day).month === anniversary && day > span.start)
    .map((day): Step => ({
      day,
      book: (balance) =>
        creditLimitMinor + balance < 5_000
          ? undefined
          : { day, amountMinor: -5_000, remittanceInformationUnstructured: 'Comision anual card de credit', bankTransactionCode: 'ACMT-MDOP-CHRG' },
    }));
  const room = span.target === undefined ? undefined : span.target - repayments.length;
  const kept = keepFixed(fees, room, rng);

  const plan = fillerPlan(span, 8, repayments.length + kept.length);
  const purchases: Step[] = [];
  for (let i = 0; i < plan.count; i++) {
    const draft = cardPurchase(rng, randomDay(rng, span), rng.pick(pickWeighted(rng, creditCardSpending)), card, plan.factor);
    purchases.push({
      day: draft.day,
      book: (balance) => {
        // Declined past the limit: book what still fits, or nothing.
        const available = creditLimitMinor + balance;
        if (available < 100) return undefined;
        draft.amountMinor = Math.max(draft.amountMinor, -available);
        return draft;
      },
    });
  }

  const openingMinor = 0;
  // Repayments come first on their day, so the day's purchases count towards next month.
  const booked = runSteps([...repayments, ...kept, ...purchases], openingMinor);
  const used = booked.reduce((sum, d) => sum + d.amountMinor, openingMinor);
  const pending = pendingPurchases(rng, span.today, creditCardSpending, card, creditLimitMinor + used);
  return { booked, pending, openingMinor, mirrors };
}
