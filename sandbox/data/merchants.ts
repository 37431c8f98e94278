/**
 * Card merchants a Romanian household meets, with the merchant category code its acquirer sends
 * and a plausible ticket range in minor units. Chains are real brands; amounts are invented.
 */
export interface CardMerchant {
  /** As it appears on the statement and as creditorName. */
  name: string;
  /** ISO 18245 merchant category code. */
  mcc: string;
  minMinor: number;
  maxMinor: number;
  /** Online merchants print no city. */
  online?: boolean;
}

export const groceries: readonly CardMerchant[] = [
  { name: 'KAUFLAND', mcc: '5411', minMinor: 4_000, maxMinor: 48_000 },
  { name: 'LIDL', mcc: '5411', minMinor: 3_000, maxMinor: 35_000 },
  { name: 'MEGA IMAGE', mcc: '5411', minMinor: 1_500, maxMinor: 18_000 },
  { name: 'CARREFOUR', mcc: '5411', minMinor: 5_000, maxMinor: 60_000 },
  { name: 'PROFI', mcc: '5411', minMinor: 1_000, maxMinor: 12_000 },
  { name: 'AUCHAN', mcc: '5411', minMinor: 5_000, maxMinor: 55_000 },
  { name: 'PENNY', mcc: '5411', minMinor: 2_000, maxMinor: 25_000 },
];

export const fuel: readonly CardMerchant[] = [
  { name: 'OMV PETROM', mcc: '5541', minMinor: 12_000, maxMinor: 42_000 },
  { name: 'ROMPETROL', mcc: '5541', minMinor: 12_000, maxMinor: 40_000 },
  { name: 'MOL', mcc: '5541', minMinor: 10_000, maxMinor: 38_000 },
];

const pharmacies: readonly CardMerchant[] = [
  { name: 'CATENA', mcc: '5912', minMinor: 1_500, maxMinor: 22_000 },
  { name: 'DONA', mcc: '5912', minMinor: 1_500, maxMinor: 18_000 },
  { name: 'SENSIBLU', mcc: '5912', minMinor: 2_000, maxMinor: 25_000 },
];

export const restaurants: readonly CardMerchant[] = [
  { name: 'SPARTAN', mcc: '5814', minMinor: 3_500, maxMinor: 9_000 },
  { name: 'KFC', mcc: '5814', minMinor: 3_000, maxMinor: 11_000 },
  { name: 'MCDONALDS', mcc: '5814', minMinor: 2_500, maxMinor: 9_500 },
  { name: 'SALAD BOX', mcc: '5814', minMinor: 3_500, maxMinor: 7_500 },
  { name: 'STARBUCKS', mcc: '5814', minMinor: 1_800, maxMinor: 6_000 },
  { name: 'TRATTORIA IL CALCIO', mcc: '5812', minMinor: 9_000, maxMinor: 35_000 },
  { name: 'LA MAMA', mcc: '5812', minMinor: 8_000, maxMinor: 30_000 },
];

export const onlineRon: readonly CardMerchant[] = [
  { name: 'EMAG.RO', mcc: '5732', minMinor: 4_000, maxMinor: 180_000, online: true },
  { name: 'ALTEX.RO', mcc: '5732', minMinor: 8_000, maxMinor: 250_000, online: true },
  { name: 'FASHION DAYS', mcc: '5651', minMinor: 9_000, maxMinor: 45_000, online: true },
  { name: 'GLOVO', mcc: '5814', minMinor: 3_500, maxMinor: 15_000, online: true },
  { name: 'BOLT.EU', mcc: '4121', minMinor: 1_200, maxMinor: 6_500, online: true },
  { name: 'NETFLIX.COM', mcc: '4899', minMinor: 4_000, maxMinor: 6_500, online: true },
];

/** What people pay for in euro from a RON-earning household: travel and foreign shops. */
export const onlineEur: readonly CardMerchant[] = [
  { name: 'BOOKING.COM', mcc: '4722', minMinor: 6_000, maxMinor: 60_000, online: true },
  { name: 'RYANAIR', mcc: '4511', minMinor: 2_500, maxMinor: 30_000, online: true },
  { name: 'WIZZ AIR', mcc: '4511', minMinor: 2_000, maxMinor: 28_000, online: true },
  { name: 'AMAZON.DE', mcc: '5942', minMinor: 1_500, maxMinor: 20_000, online: true },
  { name: 'AIRBNB', mcc: '7011', minMinor: 8_000, maxMinor: 70_000, online: true },
  { name: 'SPOTIFY', mcc: '5815', minMinor: 599, maxMinor: 1_699, online: true },
];

export interface Weighted<T> {
  weight: number;
  value: T;
}

/** Everyday spending on a RON debit or credit card, weighted by how often it happens. */
export const ronSpending: readonly Weighted<readonly CardMerchant[]>[] = [
  { weight: 10, value: groceries },
  { weight: 3, value: fuel },
  { weight: 1, value: pharmacies },
  { weight: 3, value: restaurants },
  { weight: 1.5, value: onlineRon },
];
