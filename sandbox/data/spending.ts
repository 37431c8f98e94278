import type { Day } from './calendar.js';
import { amount, type Draft } from './drafts.js';
import type { CardMerchant, Weighted } from './merchants.js';
import type { Rng } from './prng.js';

/** A payment card as its transactions show it. */
export interface Card {
  /** e.g. "425605******1234". */
  maskedPan: string;
  /** Printed after physical merchants and ATMs. */
  city: string;
  /** 'PMNT-CCRD-POSD' for a debit card, 'PMNT-CCRD-POSC' for a credit card. */
  purchaseCode: string;
}

/** A card payment: the merchant is the creditor; card schemes carry no creditor IBAN. */
export function cardPurchase(rng: Rng, day: Day, merchant: CardMerchant, card: Card, factor = 1): Draft {
  const where = merchant.online ? `Plata online ${merchant.name}` : `Cumparare POS ${merchant.name} ${card.city}`;
  return {
    day,
    amountMinor: -amount(rng, merchant.minMinor, merchant.maxMinor, factor),
    remittanceInformationUnstructured: `${where} card ${card.maskedPan}`,
    bankTransactionCode: card.purchaseCode,
    creditorName: merchant.name,
    maskedPan: card.maskedPan,
    merchantCategoryCode: merchant.mcc,
  };
}

/** Cash from a CEC ATM, in multiples of 50 lei (10 lei when scaled down). */
export function atmWithdrawal(rng: Rng, day: Day, card: Card, factor = 1): Draft {
  return {
    day,
    amountMinor: -amount(rng, 10_000, 80_000, factor, factor < 1 ? 1_000 : 5_000),
    remittanceInformationUnstructured: `Retragere numerar ATM CEC ${card.city} card ${card.maskedPan}`,
    bankTransactionCode: 'PMNT-CCRD-CWDL',
    maskedPan: card.maskedPan,
    merchantCategoryCode: '6011',
  };
}

/** Draws from a weighted table. */
export function pickWeighted<T>(rng: Rng, table: readonly Weighted<T>[]): T {
  let total = 0;
  for (const row of table) total += row.weight;
  let roll = rng.next() * total;
  for (const row of table) {
    roll -= row.weight;
    if (roll < 0) return row.value;
  }
  const last = table[table.length - 1];
  if (last === undefined) throw new RangeError('pickWeighted() needs a non-empty table');
  return last.value;
}

/**
 * Two to five card authorisations from the last three days that the bank has not booked yet.
 * `maxTotalMinor` keeps them within what the account can still pay.
 */
export function pendingPurchases(
  rng: Rng,
  today: Day,
  table: readonly Weighted<readonly CardMerchant[]>[],
  card: Card,
  maxTotalMinor: number,
): Draft[] {
  const pending: Draft[] = [];
  const wanted = rng.int(2, 5);
  let total = 0;
  for (let i = 0; i < wanted; i++) {
    const day = today - rng.int(0, 2);
    const draft = cardPurchase(rng, day, rng.pick(pickWeighted(rng, table)), card);
    if (total - draft.amountMinor > maxTotalMinor) draft.amountMinor = -rng.int(500, 2_500);
    total -= draft.amountMinor;
    pending.push(draft);
  }
  return pending.sort((a, b) => a.day - b.day);
}
