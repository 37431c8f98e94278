/**
 * Writes an IBAN in groups of four as banks print it ("RO49 AAAA 1B31 …"), from whatever
 * spacing and case it arrived in. Display only: the app's ids keep the electronic form.
 */
export function formatIban(iban: string): string {
  const compact = iban.replace(/\s+/g, '').toUpperCase();
  return compact.replace(/(.{4})(?=.)/g, '$1 ');
}

