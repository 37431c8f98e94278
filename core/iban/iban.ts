import { checkIban, describeIbanProblem } from '../../common/iban-check.js';
import { normaliseIban } from '../../common/iban.js';
import { ValidationError } from '../errors.js';

// The pure halves live in common/ for every side (electronic form, display groups, the mod-97 check);
// core adds the ValidationError its boundaries throw.
export { normaliseIban };

/** True when the text, once normalised, is an IBAN of a known country with valid mod-97 check digits. */
export function isValidIban(text: string): boolean {
  return checkIban(text).ok;
}

/**
 * The electronic form of a valid IBAN, or a ValidationError that says what is wrong, for the
 * person who typed it. Use at every boundary where an IBAN enters from a person; the check is
 * common/iban-check.ts's, which the payment form runs as the person types.
 * @see ISO 13616-1.
 */
export function parseIban(text: string, field = 'iban'): string {
  const checked = checkIban(text);
  if (checked.ok) return checked.iban;
  throw new ValidationError(describeIbanProblem(text, checked.problem), field);
}
