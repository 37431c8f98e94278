/**
 * Reading a report's items without zod when they have the plain shape banks send: every item of
 * every page passes here, and zod's object walk was a fifth of a sync's CPU (bench:
 * sync.cpu_ms_per_10k). The fast path takes an item only when each field it knows is of the
 * simplest type its schema accepts, converts it with the same functions the schema's transforms
 * use, and otherwise hands the item to the schema, which then accepts or refuses it and names
 * the field. So what is read is exactly what the schema reads, only sooner
 * (transaction-fast-path.test.ts checks both over the same fixtures and their variants).
 */
import { validate, wireAmountText, wireIdText } from '../../http/bank-answer.js';
import { JsonNumber } from '../../http/json-number.js';
import { CURRENCY_CODE, isoDay } from './common.js';
import { cardTransaction, transaction, type WireCardTransaction, type WireTransaction } from './transactions.js';

/** How the fast path reads a field; `undefined` (a field it does not know) is passed on as it is, as `.loose()` does. */
type Kind = 'id' | 'date' | 'text' | 'amount' | 'reference' | 'lines' | 'links' | 'boolean';

/** The fields of `transaction` (wire/transactions.ts), by how its schema reads them. */
const TRANSACTION_FIELDS: Readonly<Record<string, Kind>> = {
  transactionId: 'id', entryReference: 'id', endToEndId: 'id', mandateId: 'id',
  bookingDate: 'date', valueDate: 'date',
  transactionAmount: 'amount',
  creditorName: 'text', ultimateCreditor: 'text', debtorName: 'text', ultimateDebtor: 'text',
  remittanceInformationUnstructured: 'text', bankTransactionCode: 'text', proprietaryBankTransactionCode: 'text',
  creditorAccount: 'reference', debtorAccount: 'reference',
  remittanceInformationUnstructuredArray: 'lines',
  _links: 'links',
};

/** The fields of `cardTransaction`, likewise. */
const CARD_TRANSACTION_FIELDS: Readonly<Record<string, Kind>> = {
  cardTransactionId: 'id', terminalId: 'id',
  transactionDate: 'date', bookingDate: 'date', valueDate: 'date',
  transactionAmount: 'amount', grandTotalAmount: 'amount', originalAmount: 'amount', markupFee: 'amount',
  acceptorTransactionDateTime: 'text', markupFeePercentage: 'text', cardAcceptorId: 'text', merchantCategoryCode: 'text',
  maskedPAN: 'text', transactionDetails: 'text', proprietaryBankTransactionCode: 'text',
  invoiced: 'boolean',
};

/** The string fields of `accountReference` (wire/common.ts). */
const REFERENCE_FIELDS = ['iban', 'bban', 'pan', 'maskedPan', 'msisdn', 'currency', 'cashAccountType'] as const;

/** A field refused by the fast path: the item goes to the schema. */
const REFUSED = Symbol('refused');

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

function amountOf(v: unknown): Record<string, unknown> | typeof REFUSED {
  if (!isRecord(v)) return REFUSED;
  const { currency, amount } = v;
  if (typeof currency !== 'string' || !CURRENCY_CODE.test(currency)) return REFUSED;
  const plain = typeof amount === 'string' || amount instanceof JsonNumber ? wireAmountText(amount) : undefined;
  return plain === undefined ? REFUSED : { ...v, amount: plain };
}

/** A field's value as its schema would give it, or REFUSED when the fast path leaves it to the schema. */
function read(kind: Kind, v: unknown): unknown {
  switch (kind) {
    case 'id':
      return (typeof v === 'string' || v instanceof JsonNumber ? wireIdText(v) : undefined) ?? REFUSED;
    case 'date':
      return (typeof v === 'string' ? isoDay(v) : undefined) ?? REFUSED;
    case 'text':
      return typeof v === 'string' ? v : REFUSED;
    case 'boolean':
      return typeof v === 'boolean' ? v : REFUSED;
    case 'amount':
      return amountOf(v);
    case 'reference':
      return isRecord(v) && REFERENCE_FIELDS.every((f) => v[f] === undefined || typeof v[f] === 'string') ? v : REFUSED;
    case 'lines':
      return Array.isArray(v) && v.every((line) => typeof line === 'string') ? v : REFUSED;
    case 'links': {
      if (!isRecord(v)) return REFUSED;
      const details = v.transactionDetails;
      return details === undefined || (isRecord(details) && typeof details.href === 'string') ? v : REFUSED;
    }
  }
}

/** The item as its schema gives it, when every field it knows is plain; undefined otherwise. */
function fastRead(item: unknown, fields: Readonly<Record<string, Kind>>): Record<string, unknown> | undefined {
  if (!isRecord(item) || item.transactionAmount === undefined) return undefined;
  const out: Record<string, unknown> = { ...item };
  for (const key in item) {
    const kind = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (kind === undefined) continue;
    const value = read(kind, item[key]);
    if (value === REFUSED) return undefined;
    out[key] = value;
  }
  return out;
}

/** An account transaction of a report: `validate(transaction, item, what)`, sooner for the plain shape. */
export const readTransaction = (item: unknown, what: string): WireTransaction =>
  (fastRead(item, TRANSACTION_FIELDS) as WireTransaction | undefined) ?? validate(transaction, item, what);

/** A card transaction of a report: `validate(cardTransaction, item, what)`, likewise. */
export const readCardTransaction = (item: unknown, what: string): WireCardTransaction =>
  (fastRead(item, CARD_TRANSACTION_FIELDS) as WireCardTransaction | undefined) ?? validate(cardTransaction, item, what);
