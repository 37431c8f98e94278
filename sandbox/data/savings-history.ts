import { addMonths, dayInMonth, monthStarts, roDate } from './calendar.js';
import { amount, fillerPlan, keepFixed, linkedCap, monthly, randomDay, thin, type Draft, type Span } from './drafts.js';
import { mirrorOf, runSteps, type LinkedHistory, type Step } from './linked.js';
import type { Rng } from './prng.js';
import type { PsuProfile } from './profiles.js';

/** What a history of one of the PSU's secondary own accounts needs to know. */
export interface OwnAccountInput {
  rng: Rng;
  span: Span;
  profile: PsuProfile;
  /** This account's IBAN and the salary account's, for the two sides of internal transfers. */
  iban: string;
  salaryIban: string;
}

const ownTransfer = 'Transfer intre conturi proprii';

/**
 * A RON savings account: a standing order from the salary account after each payday, monthly
 * interest capitalised net of the 10% tax, and now and then money taken back for a big expense.
 */
export function savingsHistory({ rng, span, profile, iban, salaryIban }: OwnAccountInput): LinkedHistory {
  const owner = profile.displayName;
  const mirrors: Draft[] = [];
  const linked = (draft: Draft): Draft => {
    mirrors.push(mirrorOf(draft, draft.remittanceInformationUnstructured, owner, iban));
    return draft;
  };
  const cap = linkedCap(span);

  const deposits = thin(monthly(span, profile.salaryDay + 1), cap, rng).map((day): Step => ({
    day,
    book: () => linked({
      day, amountMinor: profile.savingsMonthlyMinor, remittanceInformationUnstructured: `${ownTransfer} - economii lunare`,
      bankTransactionCode: 'PMNT-RCDT-BOOK', debtorName: owner, debtorIban: salaryIban,
    }),
  }));
  const bigExpenseDays = [0, 1, 2].map(() => rng.int(Math.min(span.start + 60, span.today), span.today));
  const withdrawals = thin(bigExpenseDays, cap, rng).map((day): Step => {
    const wanted = amount(rng, 150_000, 500_000, 1, 10_000);
    return {
      day,
      book: (balance) => {
        // Never below 500 lei, so the count stays what the scale knob asked (the opening covers it).
        const minor = Math.max(50_000, Math.min(wanted, balance - 50_000));
        return linked({
          day, amountMinor: -minor, remittanceInformationUnstructured: ownTransfer,
          bankTransactionCode: 'PMNT-ICDT-BOOK', creditorName: owner, creditorIban: salaryIban,
        });
      },
    };
  });

  // Interest for the previous month, capitalised on the 1st; it settles two days later (as in CEC's guide).
  const interestDays = monthStarts(span.start, span.today).map((m) => dayInMonth(m, 1)).filter((d) => d > span.start);
  const interest = interestDays.map((day): Step => ({
    day,
    book: (balance) => {
      const net = Math.round((balance * profile.savingsRateBp * 0.9) / 10_000 / 12);
      if (net <= 0) return undefined;
      const from = addMonths(day, -1);
      return {
        day, valueDay: Math.min(day + 2, span.today), amountMinor: net, bankTransactionCode: 'ACMT-MDOP-INTR',
        remittanceInformationUnstructured: `Capitalizare dobanda-Achitare dobanda neta ${roDate(from)}-${roDate(day - 1)}`,
      };
    },
  }));
  const linkedCount = deposits.length + withdrawals.length;
  const kept = keepFixed(interest, span.target === undefined ? undefined : span.target - linkedCount, rng);

  // Cash at the counter: rare in real life, the filler when the scale knob asks for volume.
  const plan = fillerPlan(span, 1 / 6, linkedCount + kept.length);
  const cash: Step[] = [];
  for (let i = 0; i < plan.count; i++) {
    const day = randomDay(rng, span);
    const minor = amount(rng, 20_000, 300_000, plan.factor, 100);
    const wantsOut = rng.chance(0.5);
    cash.push({
      day,
      book: (balance) =>
        wantsOut && balance >= minor
          ? { day, amountMinor: -minor, remittanceInformationUnstructured: 'Retragere numerar ghiseu CEC', bankTransactionCode: 'PMNT-CNTR-CWDL' }
          : { day, amountMinor: minor, remittanceInformationUnstructured: 'Depunere numerar ghiseu CEC', bankTransactionCode: 'PMNT-CNTR-CDPT' },
    });
  }

  const openingMinor = profile.savingsOpeningMinor;
  // Listed order is the same-day order: interest first, then money moving in and out.
  const booked = runSteps([...kept, ...deposits, ...withdrawals, ...cash], openingMinor);
  return { booked, pending: [], openingMinor, mirrors };
}
