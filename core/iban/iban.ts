import { friendlyFormatIBAN, isValidIBAN, validateIBAN, ValidationErrorsIBAN } from 'ibantools';
import { ValidationError } from '../errors.js';

/** Whitespace of any kind (people paste IBANs from PDFs with no-break spaces), hyphens and dots. */
const NOISE = /[\s\u00a0\u202f\-.]/g;

/**
 * The electronic form of an IBAN: no spaces, capitals ("ro49 aaaa 1b31…" → "RO49AAAA1B31…"). A
 * leading "IBAN" label, as printed on statements, is dropped. Does not check the IBAN.
 */
export function normaliseIban(text: string): string {
  return text.trim().replace(/^IBAN:?\s*/i, '').replace(NOISE, '').toUpperCase();
}

/** True when the text, once normalised, is an IBAN of a known country with valid mod-97 check digits. */
export function isValidIban(text: string): boolean {
  return isValidIBAN(normaliseIban(text));
}

const reasons: Record<ValidationErrorsIBAN, string> = {
  [ValidationErrorsIBAN.NoIBANProvided]: 'is empty',
  [ValidationErrorsIBAN.NoIBANCountry]: 'does not start with a known country code',
  [ValidationErrorsIBAN.WrongBBANLength]: 'has the wrong length for its country',
  [ValidationErrorsIBAN.WrongBBANFormat]: 'has characters its country does not use there',
  [ValidationErrorsIBAN.ChecksumNotNumber]: 'has check digits that are not digits',
  [ValidationErrorsIBAN.WrongIBANChecksum]: 'has wrong check digits (a typo?)',
  [ValidationErrorsIBAN.WrongAccountBankBranchChecksum]: 'has a wrong national check digit',
  [ValidationErrorsIBAN.QRIBANNotAllowed]: 'is a QR-IBAN, which cannot receive transfers',
};

/**
 * The electronic form of a valid IBAN, or a ValidationError that says what is wrong, for the
 * person who typed it. Use at every boundary where an IBAN enters from a person.
 * @see ISO 13616-1.
 */
export function parseIban(text: string, field = 'iban'): string {
  const iban = normaliseIban(text);
  const result = validateIBAN(iban);
  if (result.valid) return iban;
  const first = result.errorCodes[0] ?? ValidationErrorsIBAN.NoIBANProvided;
  throw new ValidationError(`IBAN ${JSON.stringify(text.trim())} ${reasons[first]}`, field);
}

/** For display: groups of four ("RO42 CECE AG02 02RO N000 7466"). Normalises; does not validate. */
export function formatIban(iban: string): string {
  return friendlyFormatIBAN(normaliseIban(iban), ' ') ?? '';
}
