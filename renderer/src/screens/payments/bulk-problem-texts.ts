import type { BulkProblem } from '../../../../common/bulk-problems.js';
import { formatIban } from '../../../../common/iban.js';
import { assertNever } from '../../../../common/result.js';
import { amountProblemText, ibanProblemText, type T } from './payment-texts.js';

/** What is wrong, in the person's language, from the problem's code and values (never core's words). */
export function bulkProblemText(t: T, p: BulkProblem, locale: string): string {
  switch (p.code) {
    case 'duplicate-column':
      return t('bulk.problem.duplicate-column', { first: p.headers[0], second: p.headers[1] });
    case 'too-many-rows':
      return t('bulk.problem.too-many-rows', { count: p.count, max: p.max });
    case 'too-many-cells':
      return t(p.separator === ',' ? 'bulk.problem.too-many-cells-comma' : 'bulk.problem.too-many-cells', { cells: p.cells, headers: p.headers });
    case 'name-empty':
      return t('problem.nameEmpty');
    case 'name-too-long':
      return t('problem.nameTooLong', { count: p.length, max: p.max });
    case 'iban-invalid':
      return ibanProblemText(t, p.problem);
    case 'currency-not-payable':
      return t('bulk.problem.currency-not-payable', { currency: p.currency, payable: new Intl.ListFormat(locale, { type: 'disjunction' }).format(p.payable) });
    case 'currency-not-the-bulks':
      return t('bulk.problem.currency-not-the-bulks', { bulkCurrency: p.bulkCurrency, firstRow: p.firstRow });
    case 'amount-invalid':
      return amountProblemText(t, p.problem, p.text, p.currency);
    case 'details-too-long':
      return t('problem.detailsTooLong', { count: p.length, max: p.max });
    case 'reference-too-long':
      return t('bulk.problem.reference-too-long', { count: p.length, max: p.max });
    case 'reference-repeated':
      return t('bulk.problem.reference-repeated', { earlierRow: p.earlierRow });
    case 'unclosed-quote':
    case 'missing-column':
    case 'no-currency-column':
    case 'no-rows':
    case 'currency-empty':
    case 'reference-characters':
      return t(`bulk.problem.${p.code}`);
    default:
      return assertNever(p, 'bulk problem');
  }
}

/** The problem with where it is: the file, a row, or a row's column (with the IBAN in groups of four). */
export function bulkProblemLine(t: T, p: BulkProblem, locale: string): string {
  const message = bulkProblemText(t, p, locale);
  if (p.row === null) return t('bulk.fileProblem', { message });
  if (p.column === null) return t('bulk.atRow', { row: p.row, message });
  const column = t(`bulk.column.${p.column}`);
  if (p.code === 'iban-invalid' && p.iban !== '') return t('bulk.atValue', { row: p.row, column, value: formatIban(p.iban), message });
  return t('bulk.at', { row: p.row, column, message });
}
