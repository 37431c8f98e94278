import type { BulkProblem } from '../common/bulk-problems.js';
import { describeIbanProblem } from '../common/iban-check.js';
import { describeAmountProblem } from '../common/parse-amount.js';
import { assertNever } from '../common/result.js';

/** A bulk CSV problem as the CLI says it, in English (the app words the same codes in the person's language). */
export function describeBulkProblem(p: BulkProblem): string {
  switch (p.code) {
    case 'unclosed-quote': return 'a quoted cell is not closed';
    case 'missing-column': return `the header has no ${p.column} column (see the README's bulk payment columns)`;
    case 'duplicate-column': return `two columns are ${p.column}: "${p.headers[0]}" and "${p.headers[1]}"`;
    case 'no-currency-column': return 'the header has no currency column, and no currency was chosen';
    case 'no-rows': return 'the file has no payment rows under its header';
    case 'too-many-rows': return `the file has ${p.count} payment rows; a bulk holds at most ${p.max}`;
    case 'too-many-cells': {
      const hint = p.separator === ',' ? ': a comma inside an amount or the details must be in quotes, or the file separated by ;' : '';
      return `the row has ${p.cells} cells and the header ${p.headers}${hint}`;
    }
    case 'name-empty': return 'the beneficiary’s name is empty';
    case 'name-too-long': return `the beneficiary’s name has ${p.length} characters; the bank takes at most ${p.max}`;
    case 'iban-invalid': return describeIbanProblem(p.iban, p.problem);
    case 'currency-empty': return 'the currency is empty';
    case 'currency-not-payable': return `${p.currency} cannot be paid from a CEC account: use ${p.payable.join(' or ')}`;
    case 'currency-not-the-bulks': return `this bulk is in ${p.bulkCurrency} (row ${p.firstRow}); a bulk is paid from one account, in one currency`;
    case 'amount-invalid': return describeAmountProblem(p.text, p.currency, p.problem);
    case 'details-too-long': return `the details have ${p.length} characters; the bank takes at most ${p.max}`;
    case 'reference-too-long': return `the reference has ${p.length} characters; the bank takes at most ${p.max}`;
    case 'reference-characters': return 'the reference may hold only Latin letters, digits, spaces and / - ? : ( ) . , \' +';
    case 'reference-repeated': return `row ${p.earlierRow} has the same reference; each payment needs its own`;
    default: return assertNever(p, 'bulk problem');
  }
}

/** One stderr line: where (the file, or the row and column), then what. */
export const bulkProblemLine = (p: BulkProblem): string =>
  `${p.row === null ? 'the file' : `row ${p.row}`}${p.column === null ? '' : `, ${p.column}`}: ${describeBulkProblem(p)}`;
