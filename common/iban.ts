/** Whitespace of any kind (people paste IBANs from PDFs with no-break spaces), hyphens and dots. */
const NOISE = /[\s\u00a0\u202f\-.]/g;

/**
 * The electronic form of an IBAN: no spaces, capitals ("ro49 aaaa 1b31…" → "RO49AAAA1B31…"). A
 * leading "IBAN" label, as printed on statements, is dropped. Does not check the IBAN (core's
 * `parseIban` does, where one enters from a person).
 */
export function normaliseIban(text: string): string {
  return text.trim().replace(/^IBAN:?\s*/i, '').replace(NOISE, '').toUpperCase();
}

/**
 * An IBAN in groups of four as banks print it ("RO49 AAAA 1B31 …"), from whatever spacing and
 * case it arrived in. Display only: the app's ids keep the electronic form.
 * @see ISO 13616-1 (the paper format).
 */
export function formatIban(iban: string): string {
  return normaliseIban(iban).replace(/(.{4})(?=.)/g, '$1 ');
}
