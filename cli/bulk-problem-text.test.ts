import { describe, expect, it } from 'vitest';
import { parseBulkCsv } from '../core/payments/bulk-csv.js';
import { bulkProblemLine } from './bulk-problem-text.js';

const lines = (text: string) => parseBulkCsv(text).problems.map(bulkProblemLine);

describe('pay-bulk prints each CSV problem in English, from its code', () => {
  it('names the row and the column, then says what is wrong', () => {
    expect(lines('creditorName;creditorIban;amount;currency\nIon;RO49AAAA1B31007593840001;1.234;USD\n;DE02100100109307118603;5;RON')).toEqual([
      'row 2, creditorIban: IBAN "RO49AAAA1B31007593840001" has wrong check digits (a typo?)',
      'row 2, currency: USD cannot be paid from a CEC account: use RON or EUR',
      'row 2, amount: "1.234" is ambiguous, 1234 or 1.234: write 1234 without a separator, or the amount with 2 decimals',
      'row 3, creditorName: the beneficiary’s name is empty',
    ]);
  });

  it('says the file’s own problems as the file’s', () => {
    expect(lines('creditorName;amount;currency')).toEqual([
      'row 1, creditorIban: the header has no creditorIban column (see the README\'s bulk payment columns)',
      'the file: the file has no payment rows under its header',
    ]);
    expect(lines('creditorName,creditorIban,amount,currency\nIon,DE02100100109307118603,12,50,RON')).toEqual([
      'row 2, currency: 50 cannot be paid from a CEC account: use RON or EUR',
      'row 2: the row has 5 cells and the header 4: a comma inside an amount or the details must be in quotes, or the file separated by ;',
    ]);
  });
});
