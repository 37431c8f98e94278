import { roMonth, ymdOf } from './calendar.js';
import { amount, fillerPlan, keepFixed, linkedCap, monthly, randomDay, thin, valueLag, type Draft } from './drafts.js';
import { fixedStep, mirrorOf, runSteps, type LinkedHistory, type Step } from './linked.js';
import { onlineEur } from './merchants.js';
import type { Rng } from './prng.js';
import type { OwnAccountInput } from './savings-history.js';
import { accountFees } from './salary-history.js';
import { cardPurchase, pendingPurchases, type Card } from './spending.js';

export interface EuroAccountInput extends OwnAccountInput {
  card: Card;
}

/** Exchange rates stay near 4.97 RON/EUR; held in 1/10,000 so the conversion is integer math. */
const rateTenThousandths = (rng: Rng): number => rng.int(49_350, 49_900);

/**
 * The EUR current account: euro arriving from abroad by SEPA transfer, travel and foreign shops
 * paid by card, and every quarter what has piled up changed into lei on the salary account.
 */
export function euroHistory({ rng, span, profile, iban, salaryIban, card }: EuroAccountInput): LinkedHistory {
  const owner = profile.displayName;
  const income = profile.euroIncome;
  const mirrors: Draft[] = [];

  const exchanges = thin(monthly(span, 12).filter((day) => ymdOf(day).month % 3 === 0), linkedCap(span), rng).map((day): Step => {
    const rate = rateTenThousandths(rng);
    return {
      day,
      book: (balance) => {
        // Keep about a hundred euro for card payments and change 70% of the rest, in whole euro;
        // at least 50 euro, so the count stays what the scale knob asked (the opening covers it).
        const euro = Math.max(5_000, Math.floor(((balance - 10_000) * 0.7) / 100) * 100);
        const text = `Schimb valutar EUR/RON curs ${(rate / 10_000).toFixed(4)}`;
        const draft: Draft = {
          day, amountMinor: -euro, remittanceInformationUnstructured: text,
          bankTransactionCode: 'PMNT-ICDT-BOOK', creditorName: owner, creditorIban: salaryIban,
        };
        mirrors.push({ ...mirrorOf(draft, text, owner, iban), amountMinor: Math.round((euro * rate) / 10_000) });
        return draft;
      },
    };
  });

  const arrivals = monthly(span, 6)
    .filter((day) => ymdOf(day).month % income.everyMonths === 0)
    .map((day) => fixedStep({
      day, valueDay: valueLag(rng, day, span.today), amountMinor: amount(rng, income.minMinor, income.maxMinor, 1, 100),
      remittanceInformationUnstructured: `${income.text} ${roMonth(ymdOf(day).month)} ${ymdOf(day).year}`,
      bankTransactionCode: 'PMNT-RCDT-ESCT', debtorName: income.from.name, debtorIban: income.from.iban,
    }));
  const fees = accountFees(span, 100).map(fixedStep);
  const room = span.target === undefined ? undefined : span.target - exchanges.length;
  const kept = keepFixed([...arrivals, ...fees], room, rng);

  const plan = fillerPlan(span, profile.euroSpendPerMonth, exchanges.length + kept.length);
  const purchases: Step[] = [];
  for (let i = 0; i < plan.count; i++) {
    purchases.push(fixedStep(cardPurchase(rng, randomDay(rng, span), rng.pick(onlineEur), card, plan.factor)));
  }

  const openingMinor = rng.int(20_000, 90_000);
  const booked = runSteps([...kept, ...exchanges, ...purchases], openingMinor);
  const pending = pendingPurchases(rng, span.today, [{ weight: 1, value: onlineEur }], card, Infinity);
  return { booked, pending, openingMinor, mirrors };
}
