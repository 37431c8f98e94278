import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { isValidIban, parseIban } from './iban.js';

/** The guide's account (digest §2.6) and the Berlin Group's beneficiary: both pass mod-97. */
const CEC = 'RO42CECEAG0202RON0007466';
const BG = 'DE02100100109307118603';

describe('isValidIban', () => {
  it('accepts valid IBANs however they are spaced', () => {
    expect(isValidIban(CEC)).toBe(true);
    expect(isValidIban('de02 1001 0010 9307 1186 03')).toBe(true);
  });

  it('refuses wrong check digits, wrong length and unknown countries', () => {
    expect(isValidIban('DE03100100109307118603')).toBe(false);
    expect(isValidIban('RO42CECEAG0202RON000746')).toBe(false);
    expect(isValidIban('XX42CECEAG0202RON0007466')).toBe(false);
    expect(isValidIban('')).toBe(false);
  });
});

describe('parseIban', () => {
  it('returns the electronic form of a valid IBAN', () => {
    expect(parseIban(' ro42 cece ag02 02ro n000 7466 ')).toBe(CEC);
    expect(parseIban(BG)).toBe(BG);
  });

  it.each([
    ['DE03100100109307118603', /check digits/],
    ['RO42CECEAG0202RON000746', /length/],
    ['XX42CECEAG0202RON0007466', /country/],
    ['', /empty/],
  ])('throws a ValidationError that says why for %j', (typed, why) => {
    let error: unknown;
    try {
      parseIban(typed, 'creditorIban');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(why);
    expect((error as ValidationError).field).toBe('creditorIban');
  });
});
