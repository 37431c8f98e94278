import { composeIBAN, isValidIBAN } from 'ibantools';

/**
 * Builds an IBAN from a country and a BBAN, computing the ISO 13616 mod-97 check digits.
 * Throws if the BBAN does not fit the country's format, so a bad catalogue entry fails loudly.
 */
export function composeIban(countryCode: string, bban: string): string {
  const iban = composeIBAN({ countryCode, bban });
  if (iban === null || !isValidIBAN(iban)) throw new RangeError(`not a valid ${countryCode} BBAN: ${bban}`);
  return iban;
}

/** A Romanian IBAN at any bank: the 4-letter bank code (BTRL, RNCB, TREZ, ...) and 16 characters. */
export const romanianIban = (bankCode: string, account16: string): string => composeIban('RO', `${bankCode}${account16}`);

/**
 * A CEC Bank IBAN in the bank's own form, e.g. `RO42CECEAG0202RON0007466`:
 * county code (AG, B1, CJ, ...), 4-digit branch, currency, 7-digit account number.
 */
export function cecIban(county: string, branch4: string, currency: string, number7: string): string {
  if (!/^[A-Z0-9]{2}$/.test(county)) throw new RangeError(`county must be 2 characters: ${county}`);
  if (!/^\d{4}$/.test(branch4)) throw new RangeError(`branch must be 4 digits: ${branch4}`);
  if (!/^[A-Z]{3}$/.test(currency)) throw new RangeError(`currency must be an ISO 4217 code: ${currency}`);
  if (!/^\d{7}$/.test(number7)) throw new RangeError(`account number must be 7 digits: ${number7}`);
  return romanianIban('CECE', `${county}${branch4}${currency}${number7}`);
}
