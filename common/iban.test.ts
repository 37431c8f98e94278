import { describe, expect, it } from 'vitest';
import { formatIban, normaliseIban } from './iban.js';

/** The guide's account (digest §2.6). */
const CEC = 'RO42CECEAG0202RON0007466';

describe('formatIban', () => {
  it('groups the electronic form by four', () => {
    expect(formatIban('RO49AAAA1B31007593840000')).toBe('RO49 AAAA 1B31 0075 9384 0000');
    expect(formatIban('RO42CECEAG0202RON0007466')).toBe('RO42 CECE AG02 02RO N000 7466');
  });

  it('regroups whatever spacing, case, hyphens or no-break spaces it arrived in', () => {
    expect(formatIban(' ro49 aaaa1b31 0075 93840000 ')).toBe('RO49 AAAA 1B31 0075 9384 0000');
    expect(formatIban('de02100100109307118603')).toBe('DE02 1001 0010 9307 1186 03');
    expect(formatIban('RO49-AAAA\u00a01B31.0075 9384 0000')).toBe('RO49 AAAA 1B31 0075 9384 0000');
  });

  it('leaves a short last group as it is', () => {
    expect(formatIban('DE89370400440532013000')).toBe('DE89 3704 0044 0532 0130 00');
  });
});

describe('normaliseIban', () => {
  it.each([
    ['ro42 cece ag02 02ro n000 7466', CEC],
    ['RO42-CECE-AG02-02RO-N000-7466', CEC],
    ['\u00a0RO42\u00a0CECE\u202fAG02 02RO N000 7466\t', CEC],
    ['IBAN: RO42 CECE AG02 02RO N000 7466', CEC],
  ])('turns %j into the electronic form', (typed, iban) => {
    expect(normaliseIban(typed)).toBe(iban);
  });
});
