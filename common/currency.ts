/**
 * ISO 4217 minor units: how many decimals an amount in each currency has. Defined here once, so
 * the client's arithmetic, the wire amounts and every front end's display agree.
 *
 * Only the codes that differ from 2 are listed: every other active code uses 2, and a table of
 * 180 codes would hide the few that matter.
 * @see ISO 4217, table A.1 (column "Minor unit").
 */
const MINOR_UNITS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0,
  RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

/**
 * Decimal places of the currency's minor unit (RON, EUR, USD 2; ISK, JPY 0; OMR, BHD 3; CLF 4).
 * An unknown code gets 2, the value of almost every currency: a bank may hold a currency newer
 * than this table. Checking that the code is well formed is the caller's business.
 */
export function minorUnits(currency: string): number {
  return Object.hasOwn(MINOR_UNITS, currency) ? (MINOR_UNITS[currency] as number) : 2;
}
