import { isValidIBAN, validateIBAN, ValidationErrorsIBAN } from 'ibantools';
import { normaliseIban } from '../../common/iban.js';
import { ValidationError } from '../errors.js';

// The pure half (electronic form, display groups) lives in common/ for every side; core adds the checks.
export { normaliseIban };

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
