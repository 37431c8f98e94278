import { validateIBAN, ValidationErrorsIBAN } from 'ibantools';
import { normaliseIban } from './iban.js';

/** Why a typed IBAN is not one money can be sent to; the form words each in the person's language. */
export type IbanProblem =
  | 'empty'
  | 'unknown-country'
  | 'wrong-length'
  | 'wrong-format'
  | 'check-digits-not-digits'
  | 'wrong-check-digits'
  | 'wrong-national-check'
  | 'qr-iban';

const problems: Record<ValidationErrorsIBAN, IbanProblem> = {
  [ValidationErrorsIBAN.NoIBANProvided]: 'empty',
  [ValidationErrorsIBAN.NoIBANCountry]: 'unknown-country',
  [ValidationErrorsIBAN.WrongBBANLength]: 'wrong-length',
  [ValidationErrorsIBAN.WrongBBANFormat]: 'wrong-format',
  [ValidationErrorsIBAN.ChecksumNotNumber]: 'check-digits-not-digits',
  [ValidationErrorsIBAN.WrongIBANChecksum]: 'wrong-check-digits',
  [ValidationErrorsIBAN.WrongAccountBankBranchChecksum]: 'wrong-national-check',
  [ValidationErrorsIBAN.QRIBANNotAllowed]: 'qr-iban',
};

const sentences: Record<IbanProblem, string> = {
  empty: 'is empty',
  'unknown-country': 'does not start with a known country code',
  'wrong-length': 'has the wrong length for its country',
  'wrong-format': 'has characters its country does not use there',
  'check-digits-not-digits': 'has check digits that are not digits',
  'wrong-check-digits': 'has wrong check digits (a typo?)',
  'wrong-national-check': 'has a wrong national check digit',
  'qr-iban': 'is a QR-IBAN, which cannot receive transfers',
};

/**
 * An IBAN as a person typed it (any spacing, case, a leading "IBAN:"), checked: its country's
 * length and format and the ISO 13616 mod-97 check digits. Pure, so the payment form checks as
 * the person types and core checks the same way at its boundary.
 */
export function checkIban(text: string): { ok: true; iban: string } | { ok: false; problem: IbanProblem } {
  const iban = normaliseIban(text);
  const result = validateIBAN(iban);
  if (result.valid) return { ok: true, iban };
  return { ok: false, problem: problems[result.errorCodes[0] ?? ValidationErrorsIBAN.NoIBANProvided] };
}

/** The problem as an English sentence about the text, for the CLI, the log and the CSV report. */
export const describeIbanProblem = (text: string, problem: IbanProblem): string => `IBAN ${JSON.stringify(text.trim())} ${sentences[problem]}`;
