/**
 * The columns of a bulk payment CSV and the headers each is known by: the English names of the
 * README's template, and the Romanian ones a person or a bank export may use. A header is
 * compared without case, diacritics, spaces, underscores, hyphens or dots ("Nume beneficiar",
 * "nume_beneficiar" and "NUME BENEFICIAR" are one).
 */
export const BULK_FIELDS = ['creditorName', 'creditorIban', 'amount', 'currency', 'details', 'endToEndId'] as const;
export type BulkField = (typeof BULK_FIELDS)[number];

/** Required in every file; `currency` may instead come from the caller (the form's choice). */
export const REQUIRED_FIELDS: readonly BulkField[] = ['creditorName', 'creditorIban', 'amount'];

const ALIASES: Record<BulkField, readonly string[]> = {
  creditorName: ['creditorName', 'name', 'beneficiary', 'beneficiaryName', 'payee', 'nume', 'numeBeneficiar', 'beneficiar', 'denumire', 'denumireBeneficiar'],
  creditorIban: ['creditorIban', 'iban', 'creditorAccount', 'beneficiaryIban', 'ibanBeneficiar', 'cont', 'contBeneficiar', 'contIban'],
  amount: ['amount', 'instructedAmount', 'suma', 'sumă', 'valoare'],
  currency: ['currency', 'moneda', 'monedă', 'valuta', 'valută'],
  details: ['details', 'remittance', 'remittanceInformationUnstructured', 'detalii', 'detaliiPlata', 'detaliiPlată', 'explicatii', 'explicații', 'descriere', 'mentiuni', 'mențiuni'],
  endToEndId: ['endToEndId', 'endToEndIdentification', 'referinta', 'referință', 'referintaPlata', 'referințăPlată'],
};

/** A header as compared: lower case, no diacritics (ș ş ț ţ ă â î), no spaces, underscores, hyphens or dots. */
export const headerKey = (header: string): string =>
  header.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\s_.-]/g, '');

const byKey = new Map<string, BulkField>(
  BULK_FIELDS.flatMap((field) => ALIASES[field].map((alias) => [headerKey(alias), field] as const)),
);

/** The field a header names, or undefined for a column the import does not read. */
export const fieldOfHeader = (header: string): BulkField | undefined => byKey.get(headerKey(header));
