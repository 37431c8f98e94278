import { describe, expect, it } from 'vitest';
import { checkIban, describeIbanProblem, type IbanProblem } from './iban-check.js';

describe('checkIban', () => {
  it('gives the electronic form of a valid IBAN however it was typed', () => {
    expect(checkIban('ro49 aaaa 1b31 0075 9384 0000')).toEqual({ ok: true, iban: 'RO49AAAA1B31007593840000' });
    expect(checkIban('IBAN: DE02 1001 0010 9307 1186 03')).toEqual({ ok: true, iban: 'DE02100100109307118603' });
  });

  it.each<[string, IbanProblem]>([
    ['', 'empty'],
    ['XX49AAAA1B31007593840000', 'unknown-country'],
    ['RO49AAAA1B3100759384000', 'wrong-length'],
    ['DE03100100109307118603', 'wrong-check-digits'],
    ['ROAAAAAA1B31007593840000', 'check-digits-not-digits'],
  ])('refuses %j: %s', (typed, problem) => {
    expect(checkIban(typed)).toEqual({ ok: false, problem });
  });

  it('words a problem for a person', () => {
    expect(describeIbanProblem(' DE03100100109307118603 ', 'wrong-check-digits')).toBe('IBAN "DE03100100109307118603" has wrong check digits (a typo?)');
  });
});
