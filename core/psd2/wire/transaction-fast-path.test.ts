/**
 * The fast path reads a report's items exactly as the schemas do: over every transaction of the
 * fixtures (CEC's, the Berlin Group's, both card shapes, nulls, ids and amounts as JSON numbers
 * or strings), and over each of them with each field swapped for values of every kind the wire
 * may bring, the reader gives the same item or refuses with the same reason.
 */
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  cardTransactionsPlain, transactionsExactAmounts, transactionsSomeUnreadable, transactionsWithNulls, transactionsWithoutIds,
} from '../../../test/fixtures/berlin-group-answers.js';
import {
  bgCardTransactions, bgTransactions, digestTransactions, guideEmptyAmountTransactions, guideTransactionDetails,
} from '../../../test/fixtures/cec-answers.js';
import { readJson, validate } from '../../http/bank-answer.js';
import { JsonNumber } from '../../http/json-number.js';
import { readCardTransaction, readTransaction } from './transaction-fast-path.js';
import { cardTransaction, transaction } from './transactions.js';

/** The items of a report's lists, as readJson gives them (null members dropped, numbers kept exact). */
async function itemsOf(json: string): Promise<unknown[]> {
  const body = (await readJson(new Response(json, { headers: { 'content-type': 'application/json' } }), 'fixture')) as Record<string, unknown>;
  const report = (body.transactions ?? body.cardTransactions) as { booked?: unknown[]; pending?: unknown[] };
  return [...(report.booked ?? []), ...(report.pending ?? [])];
}

/** A reader's answer, or the reason it refused. */
function outcome(read: () => unknown): { read: unknown } | { refused: string } {
  try {
    return { read: read() };
  } catch (error) {
    return { refused: (error as Error).message };
  }
}

const n = (text: string) => new JsonNumber(text);

/** Values of every kind a field may bring: well-formed, quirky, refused, of the wrong type. */
const VALUES: unknown[] = [
  undefined, null, true, false, 'true', '', '  ', 'x', '2024-12-06', ' 2024-12-06 ', '2024-12-06T10:15:00+02:00', '06.12.2024',
  '12.50', ' -12.50 ', '12,50', '+5', '-0026.460', '3.32E3', '1e999', '1234567890123456789', 'RON', 'ron',
  n('12'), n('-1.5'), n('3.32E3'), n('1e-7'), n('98765432109876543210'), n('1e999'), 7,
  [], ['line one', ' line two '], ['a', null], ['a', 1], {}, { iban: '' }, { iban: 'ro49 cece 1b31 0075 9384 0000' }, { iban: 7 },
  { iban: 'RO49CECE1B31007593840000', name: 'x', extra: { deep: true } }, { bban: null },
  { currency: 'RON', amount: n('-10') }, { currency: 'RON', amount: '12.5', extra: 1 }, { currency: 'ron', amount: '1' }, { currency: 'RON' },
  { amount: '1' }, { currency: 'RON', amount: '12,50' }, { currency: 'RON', amount: n('1e40') }, { currency: 'EUR', amount: null },
  { href: '/x' }, { transactionDetails: { href: '/v1/accounts/a/transactions/1' } }, { transactionDetails: {} }, { transactionDetails: 'x' },
  new JsonNumber('5'), Object.create(null) as object,
];

const TRANSACTION_FIELDS = [
  'transactionId', 'entryReference', 'endToEndId', 'mandateId', 'bookingDate', 'valueDate', 'transactionAmount', 'creditorName',
  'creditorAccount', 'ultimateCreditor', 'debtorName', 'debtorAccount', 'ultimateDebtor', 'remittanceInformationUnstructured',
  'remittanceInformationUnstructuredArray', 'bankTransactionCode', 'proprietaryBankTransactionCode', '_links', 'someBankField',
];
const CARD_FIELDS = [
  'cardTransactionId', 'terminalId', 'transactionDate', 'acceptorTransactionDateTime', 'bookingDate', 'valueDate', 'transactionAmount',
  'grandTotalAmount', 'originalAmount', 'markupFee', 'markupFeePercentage', 'cardAcceptorId', 'merchantCategoryCode', 'maskedPAN',
  'transactionDetails', 'invoiced', 'proprietaryBankTransactionCode', 'someBankField',
];

/** Each item, then each item with one field set to each of VALUES (or removed). */
function* variants(items: readonly unknown[], fields: readonly string[]): Generator<unknown> {
  for (const item of items) {
    yield item;
    if (typeof item !== 'object' || item === null) continue;
    for (const field of fields) {
      for (const value of VALUES) {
        const copy: Record<string, unknown> = { ...item };
        if (value === undefined) delete copy[field];
        else copy[field] = value;
        yield copy;
      }
    }
  }
  for (const odd of [null, 'x', n('1'), [], {}]) yield odd;
}

/** The items the two readers disagree on (the first few, with both answers), and how many were compared. */
function differences(items: Iterable<unknown>, fast: (item: unknown) => unknown, schema: (item: unknown) => unknown) {
  const first: { item: unknown; fast: unknown; schema: unknown }[] = [];
  let compared = 0;
  for (const item of items) {
    const a = outcome(() => fast(item));
    const b = outcome(() => schema(item));
    compared++;
    if (first.length < 5 && !isDeepStrictEqual(a, b)) first.push({ item, fast: a, schema: b });
  }
  return { compared, first };
}

describe('the fast path for report items', () => {
  it('reads every account transaction as the schema does, or refuses it with the schema’s reason', async () => {
    const fixtures = [digestTransactions, guideTransactionDetails, guideEmptyAmountTransactions, bgTransactions, transactionsWithNulls,
      transactionsExactAmounts, transactionsWithoutIds, transactionsSomeUnreadable, cardTransactionsPlain];
    const items = (await Promise.all(fixtures.map(itemsOf))).flat();
    const differ = differences(variants(items, TRANSACTION_FIELDS), (item) => readTransaction(item, 'booked[0]'), (item) => validate(transaction, item, 'booked[0]'));
    expect(differ.compared).toBeGreaterThan(10_000);
    expect(differ.first).toEqual([]);
  });

  it('reads every card transaction as the schema does, or refuses it with the schema’s reason', async () => {
    const items = await itemsOf(bgCardTransactions);
    const differ = differences(variants(items, CARD_FIELDS), (item) => readCardTransaction(item, 'booked[0]'), (item) => validate(cardTransaction, item, 'booked[0]'));
    expect(differ.compared).toBeGreaterThan(1_000);
    expect(differ.first).toEqual([]);
  });
});
