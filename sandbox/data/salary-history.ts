import { addMonths, businessDayOnOrBefore, dayFromYmd, roMonth, ymdOf, type Day } from './calendar.js';
import { amount, fillerPlan, keepFixed, monthly, randomDay, type Draft, type History, type Span } from './drafts.js';
import { ronSpending } from './merchants.js';
import { people, personalReasons } from './payees.js';
import type { Rng } from './prng.js';
import type { PsuProfile } from './profiles.js';
import { atmWithdrawal, cardPurchase, pendingPurchases, pickWeighted, type Card } from './spending.js';

export interface SalaryAccountInput {
  rng: Rng;
  span: Span;
  profile: PsuProfile;
  card: Card;
  /** Transfers the PSU's other accounts already booked here (savings, card repayments, exchanges). */
  linked: readonly Draft[];
}

/** The monthly fee every CEC current account pays, on the month's last business day. */
export function accountFees(span: Span, feeMinor: number): Draft[] {
  return monthly(span, 31).map((day) => ({
      day,
      amountMinor: -feeMinor,
      remittanceInformationUnstructured: 'Comision administrare cont',
      bankTransactionCode: 'ACMT-MDOP-CHRG',
    }));
}

const monthLabel = (day: Day): string => {
  const { year, month } = ymdOf(day);
  return `${roMonth(month)} ${year}`;
};

/** Gas and heating: about double in winter, half in summer. */
const heatingFactor = (day: Day): number => {
  const { month } = ymdOf(day);
  if (month >= 11 || month <= 3) return 2.1;
  return month >= 5 && month <= 9 ? 0.5 : 1;
};

function salaries(span: Span, profile: PsuProfile, rng: Rng): Draft[] {
  const { employer } = profile;
  const credit = (day: Day, amountMinor: number, text: string): Draft => ({
    day,
    amountMinor,
    remittanceInformationUnstructured: text,
    bankTransactionCode: 'PMNT-RCDT-DMCT',
    debtorName: employer.name,
    debtorIban: employer.iban,
  });
  return monthly(span, profile.salaryDay).flatMap((day) => {
    // A raise every year of the history, and the odd overtime or bonus on top.
    const raise = 1 + 0.05 * Math.floor((day - span.start) / 365);
    const pay = Math.round((profile.salaryMinor * raise) / 100) * 100 + (rng.chance(0.2) ? rng.int(100, 900) * 100 : 0);
    const worked = addMonths(day, -1);
    const drafts = [credit(day, pay, `SALARIU LUNA ${monthLabel(worked)} ${employer.name}`)];
    if (ymdOf(day).month === 12) {
      drafts.push(credit(day, Math.round(profile.salaryMinor / 300) * 100, `PRIMA CRACIUN ${ymdOf(day).year} ${employer.name}`));
    }
    return drafts;
  });
}

function bills(span: Span, profile: PsuProfile, rng: Rng): Draft[] {
  return profile.bills.flatMap((bill) =>
    monthly(span, bill.dayOfMonth).map((day) => {
      const season = bill.heating ? heatingFactor(day) : 1;
      const jitter = 1 + bill.spread * (rng.next() * 2 - 1);
      return {
        day,
        amountMinor: -Math.max(100, Math.round(bill.baseMinor * season * jitter)),
        remittanceInformationUnstructured: bill.text(monthLabel(day)),
        bankTransactionCode: 'PMNT-ICDT-STDO',
        creditorName: bill.payee.name,
        creditorIban: bill.payee.iban,
      };
    }),
  );
}

function taxes(span: Span, profile: PsuProfile): Draft[] {
  const drafts: Draft[] = [];
  for (let year = ymdOf(span.start).year; year <= ymdOf(span.today).year; year++) {
    for (const tax of profile.taxes) {
      for (const month of tax.months) {
        const day = businessDayOnOrBefore(dayFromYmd(year, month, tax.dayOfMonth));
        if (day < span.start || day > span.today) continue;
        drafts.push({
          day,
          amountMinor: -tax.amountMinor,
          remittanceInformationUnstructured: tax.text(year),
          bankTransactionCode: 'PMNT-ICDT-DMCT',
          creditorName: tax.payee.name,
          creditorIban: tax.payee.iban,
        });
      }
    }
  }
  return drafts;
}

/** A transfer to or from a friend or relative at another bank. */
export function personalTransfer(rng: Rng, day: Day, incoming: boolean, factor: number): Draft {
  const person = rng.pick(people);
  const minor = amount(rng, 5_000, 100_000, factor, 100);
  const text = rng.pick(personalReasons);
  return incoming
    ? { day, amountMinor: minor, remittanceInformationUnstructured: text, bankTransactionCode: 'PMNT-RCDT-DMCT',
        debtorName: person.name, debtorIban: person.iban }
    : { day, amountMinor: -minor, remittanceInformationUnstructured: text, bankTransactionCode: 'PMNT-ICDT-DMCT',
        creditorName: person.name, creditorIban: person.iban };
}

type Everyday = 'card' | 'atm' | 'to-person' | 'from-person';
const everydayMix = [
  { weight: 18.5, value: 'card' as Everyday },
  { weight: 2, value: 'atm' as Everyday },
  { weight: 1, value: 'to-person' as Everyday },
  { weight: 0.5, value: 'from-person' as Everyday },
];

/**
 * The PSU's main RON current account: salary in; rent or upkeep, utilities and taxes out by
 * transfer; everyday spending by debit card and ATM; the linked transfers of the other accounts.
 */
export function salaryAccountHistory({ rng, span, profile, card, linked }: SalaryAccountInput): History {
  const fixed = [...salaries(span, profile, rng), ...bills(span, profile, rng), ...taxes(span, profile), ...accountFees(span, 500)];
  const room = span.target === undefined ? undefined : span.target - linked.length;
  const kept = keepFixed(fixed, room, rng);
  const plan = fillerPlan(span, profile.everydayPerMonth, linked.length + kept.length);
  const everyday: Draft[] = [];
  for (let i = 0; i < plan.count; i++) {
    const day = randomDay(rng, span);
    const kind = pickWeighted(rng, everydayMix);
    if (kind === 'card') everyday.push(cardPurchase(rng, day, rng.pick(pickWeighted(rng, ronSpending)), card, plan.factor));
    else if (kind === 'atm') everyday.push(atmWithdrawal(rng, day, card, plan.factor));
    else everyday.push(personalTransfer(rng, day, kind === 'from-person', plan.factor));
  }
  return {
    booked: [...kept, ...linked, ...everyday],
    pending: pendingPurchases(rng, span.today, ronSpending, card, Infinity),
  };
}
