import { creditCardSpending } from './data/card-history.js';
import { isoDate, type Day } from './data/calendar.js';
import type { Draft } from './data/drafts.js';
import { onlineEur, restaurants, ronSpending, type CardMerchant, type Weighted } from './data/merchants.js';
import { Rng, seedFor } from './data/prng.js';
import { demoProfiles } from './data/profiles.js';
import { cardPurchase, pickWeighted, type Card } from './data/spending.js';
import { addDays } from './dates.js';
import { availableMinor } from './state/available.js';
import type { BankState } from './state/bank-state.js';
import type { BankAccount, Psu } from './state/types.js';

/** What one activity run did to one account. */
export interface AccountActivity {
  iban: string;
  /** Pending transactions the bank booked (those entered before yesterday). */
  bookedFromPending: number;
  /** New transactions booked today (purchases of earlier days of the run, deposits, repayments). */
  addedBooked: number;
  /** New card authorisations of today, still pending. */
  addedPending: number;
  /** Pairs of identical transactions among the new ones (two coffees at one till). */
  twinPairs: number;
}

const dayOf = (iso: string): Day => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

/** The card an account's purchases are made with, as its own history shows it; none on savings. */
function cardOf(psu: Psu, account: BankAccount): Card | undefined {
  const maskedPan = account.maskedPan ?? account.transactions.findLast((t) => t.maskedPan !== undefined)?.maskedPan;
  if (maskedPan === undefined) return undefined;
  const city = demoProfiles.find((p) => p.userId === psu.userId)?.city ?? 'BUCURESTI';
  return { maskedPan, city, purchaseCode: account.kind === 'card' ? 'PMNT-CCRD-POSC' : 'PMNT-CCRD-POSD' };
}

function spendingOf(account: BankAccount): readonly Weighted<readonly CardMerchant[]>[] {
  if (account.kind === 'card') return creditCardSpending;
  return account.currency === 'EUR' ? [{ weight: 1, value: onlineEur }] : ronSpending;
}

/**
 * Brings the money back when little is left, so a long soak keeps spending: a cash deposit on a
 * current account, the card repaid in full on a credit card. Booked today.
 */
function topUp(state: BankState, psu: Psu, account: BankAccount, rng: Rng, today: string): number {
  if (account.kind === 'card') {
    if (account.balanceMinor >= 0 || availableMinor(account) >= (account.creditLimitMinor ?? 0) / 2) return 0;
    state.book(account, {
      status: 'booked', bookingDate: today, valueDate: today, amountMinor: -account.balanceMinor, currency: account.currency,
      debtorName: psu.displayName, remittanceInformationUnstructured: 'Rambursare card de credit', bankTransactionCode: 'PMNT-RCDT-BOOK',
    });
    return 1;
  }
  // Below about the dearest ticket of its merchants, in hundreds of lei or euro.
  const ron = account.currency === 'RON';
  if (availableMinor(account) >= (ron ? 300_000 : 70_000)) return 0;
  const amountMinor = (ron ? rng.int(20, 50) : rng.int(5, 15)) * 10_000;
  state.book(account, {
    status: 'booked', bookingDate: today, valueDate: today, amountMinor, currency: account.currency,
    debtorName: psu.displayName, remittanceInformationUnstructured: `Depunere numerar ${psu.displayName}`, bankTransactionCode: 'PMNT-CNTR-CDPT',
  });
  return 1;
}

/**
 * A run of `days` bank days ending today on one PSU's accounts. Pending transactions entered
 * before yesterday are booked. Each day brings one to three card purchases from the generators'
 * merchants: those of earlier days are booked today with their own value date, today's stay
 * pending. A credit card gets an identical pair (same merchant, amount and day) on some days and
 * on at least one day of every run. A purchase the account cannot pay is declined. Deterministic:
 * the same seed and state give the same activity.
 */
export function runActivity(state: BankState, psu: Psu, days: number, today: string): AccountActivity[] {
  return psu.accounts.map((account) => {
    const rng = new Rng(seedFor(state.data.seed, 'activity', psu.userId, account.iban, String(account.nextEntryReference), today));
    const done: AccountActivity = { iban: account.iban, bookedFromPending: 0, addedBooked: 0, addedPending: 0, twinPairs: 0 };
    const yesterday = addDays(today, -1);
    for (const t of account.transactions.filter((x) => x.status === 'pending' && x.valueDate < yesterday)) {
      state.bookPending(account, t, today, false);
      done.bookedFromPending++;
    }
    const card = cardOf(psu, account);
    if (card === undefined) return done;
    done.addedBooked += topUp(state, psu, account, rng, today);
    const last = dayOf(today);
    const first = last - days + 1;
    for (let day = first; day <= last; day++) {
      const drafts: Draft[] = [];
      if (account.kind === 'card' && (rng.chance(0.4) || (day === last && done.twinPairs === 0))) {
        const coffee = cardPurchase(rng, day, rng.pick(restaurants), card);
        // Both or neither: a declined second coffee would be no twin.
        if (availableMinor(account) + 2 * coffee.amountMinor >= 0) {
          drafts.push(coffee, { ...coffee });
          done.twinPairs++;
        }
      }
      const count = rng.int(1, 3);
      for (let i = 0; i < count; i++) drafts.push(cardPurchase(rng, day, rng.pick(pickWeighted(rng, spendingOf(account))), card));
      const status = day === last ? 'pending' : 'booked';
      for (const d of drafts) {
        if (availableMinor(account) + d.amountMinor < 0) continue;
        state.book(account, {
          status,
          ...(status === 'booked' ? { bookingDate: today } : {}),
          valueDate: isoDate(d.day),
          amountMinor: d.amountMinor,
          currency: account.currency,
          ...(d.creditorName === undefined ? {} : { creditorName: d.creditorName }),
          remittanceInformationUnstructured: d.remittanceInformationUnstructured,
          bankTransactionCode: d.bankTransactionCode,
          ...(d.maskedPan === undefined ? {} : { maskedPan: d.maskedPan }),
          ...(d.merchantCategoryCode === undefined ? {} : { merchantCategoryCode: d.merchantCategoryCode }),
        });
        if (status === 'booked') done.addedBooked++;
        else done.addedPending++;
      }
    }
    return done;
  });
}
