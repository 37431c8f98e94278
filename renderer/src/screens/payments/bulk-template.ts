/**
 * docs/bulk-payments-template.csv, bundled so the page offers it without fetching anything
 * (test/renderer/bulk-template.test.ts keeps the two the same). UTF-8 with a byte order mark, `;`-separated,
 * so a spreadsheet opens it with its diacritics and the Romanian decimal comma.
 */
export const BULK_TEMPLATE_CSV = "\uFEFFcreditorName;creditorIban;amount;currency;details;endToEndId\r\nMaria Popescu;RO49 AAAA 1B31 0075 9384 0000;1.234,56;RON;Chirie martie;\r\nFurnizor Energie SRL;RO09BCYP0000001234567890;250,00;RON;Factura 2027-0311;FACT-2027-0311\r\n";

export const BULK_TEMPLATE_NAME = 'plati-in-bloc-model.csv';

/** A data: address of the template, for an `<a download>`. */
export const bulkTemplateHref = (): string => `data:text/csv;charset=utf-8,${encodeURIComponent(BULK_TEMPLATE_CSV)}`;
