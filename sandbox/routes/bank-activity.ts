import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { runActivity } from '../activity.js';
import type { BankContext } from '../context.js';
import { bankDay, isIsoDate } from '../dates.js';
import { reject } from '../errors.js';
import { parseAmountMinor } from '../money.js';
import type { BankAccount, BankTransaction, Psu } from '../state/types.js';
import { parseBody } from '../validate.js';
import { ledgerEntries, ledgerOf } from './ledger.js';

const isoDate = z.string().refine(isIsoDate, 'must be an ISO date (YYYY-MM-DD)');
const iban = z.string().transform((v, ctx) => {
  const e = electronicFormatIBAN(v) ?? '';
  if (!isValidIBAN(e)) ctx.addIssue({ code: 'custom', message: 'is not a valid IBAN' });
  return e;
});

const newTransaction = z.strictObject({
  status: z.enum(['booked', 'pending']),
  amount: z.string(),
  currency: z.string().optional(),
  counterpartyName: z.string().min(1).max(70).optional(),
  counterpartyIban: iban.optional(),
  remittance: z.string().max(140).optional(),
  bookingDate: isoDate.optional(),
  valueDate: isoDate.optional(),
});

const bookOptions = z.strictObject({ newTransactionId: z.boolean().optional() }).optional();
const activityOptions = z.strictObject({ days: z.number().int().min(1).max(366).optional() }).optional();

/** The code a transaction made by hand carries, as the generated ones of its kind do. */
function codeOf(account: BankAccount, amountMinor: number): Pick<BankTransaction, 'bankTransactionCode' | 'maskedPan'> {
  if (account.kind === 'card') {
    return amountMinor < 0 ? { bankTransactionCode: 'PMNT-CCRD-POSC', ...(account.maskedPan === undefined ? {} : { maskedPan: account.maskedPan }) } : { bankTransactionCode: 'PMNT-RCDT-BOOK' };
  }
  return { bankTransactionCode: amountMinor < 0 ? 'PMNT-ICDT-STDO' : 'PMNT-RCDT-ESCT' };
}

/**
 * The bank going on living, for tests, soak runs and demos under `/sandbox` (neither rate-limited
 * nor faulted, as every control route): its ground truth, new transactions, pending ones booked.
 */
export function bankActivityRoutes(app: FastifyInstance, ctx: BankContext): void {
  const psuOf = (userId: string): Psu => ctx.state.psu(userId) ?? reject(404, 'RESOURCE_UNKNOWN', `No PSU ${userId}`);
  const today = () => bankDay(ctx.now());

  app.get('/sandbox/psus/:userId/ledger', async (req) => {
    const psu = psuOf((req.params as { userId: string }).userId);
    return { userId: psu.userId, dialect: ctx.options.dialect, today: today(), accounts: ledgerOf(psu, ctx.options.dialect) };
  });

  app.post('/sandbox/psus/:userId/accounts/:iban/transactions', async (req, reply) => {
    const params = req.params as { userId: string; iban: string };
    const psu = psuOf(params.userId);
    const account = psu.accounts.find((a) => a.iban === params.iban) ?? reject(404, 'RESOURCE_UNKNOWN', `${psu.userId} has no account ${params.iban}`);
    const body = parseBody(newTransaction, req.body, 'body');
    const currency = body.currency ?? account.currency;
    if (currency !== account.currency) reject(400, 'FORMAT_ERROR', `currency: the account is held in ${account.currency}`);
    const amountMinor = parseAmountMinor(body.amount, currency, 'body');
    if (amountMinor === 0) reject(400, 'FORMAT_ERROR', 'body.amount must not be zero');
    const day = today();
    if (body.status === 'pending' && body.bookingDate !== undefined) reject(400, 'FORMAT_ERROR', 'bookingDate: a pending transaction has none');
    if (body.bookingDate !== undefined && body.bookingDate > day) reject(400, 'FORMAT_ERROR', 'bookingDate lies in the future');
    // Debits name the creditor, credits the debtor, as the bank renders them.
    const party = amountMinor < 0
      ? { ...(body.counterpartyName === undefined ? {} : { creditorName: body.counterpartyName }), ...(body.counterpartyIban === undefined ? {} : { creditorIban: body.counterpartyIban }) }
      : { ...(body.counterpartyName === undefined ? {} : { debtorName: body.counterpartyName }), ...(body.counterpartyIban === undefined ? {} : { debtorIban: body.counterpartyIban }) };
    const record = ctx.state.book(account, {
      status: body.status,
      ...(body.status === 'booked' ? { bookingDate: body.bookingDate ?? day } : {}),
      valueDate: body.valueDate ?? day,
      amountMinor,
      currency: account.currency,
      ...party,
      remittanceInformationUnstructured: body.remittance ?? '',
      ...codeOf(account, amountMinor),
    });
    return reply.code(201).send({ iban: account.iban, transaction: ledgerEntries(account, ctx.options.dialect)(record) });
  });

  app.post('/sandbox/transactions/:transactionId/book', async (req) => {
    const { transactionId } = req.params as { transactionId: string };
    const options = parseBody(bookOptions, req.body, 'body');
    const found = ctx.state.transactionById(transactionId) ?? reject(404, 'RESOURCE_UNKNOWN', `No transaction ${transactionId}`);
    if (found.transaction.status !== 'pending') reject(409, 'STATUS_INVALID', `Transaction ${transactionId} is already booked`);
    const booked = ctx.state.bookPending(found.account, found.transaction, today(), options?.newTransactionId === true);
    return { iban: found.account.iban, transaction: ledgerEntries(found.account, ctx.options.dialect)(booked) };
  });

  app.post('/sandbox/psus/:userId/activity', async (req) => {
    const psu = psuOf((req.params as { userId: string }).userId);
    const days = parseBody(activityOptions, req.body, 'body')?.days ?? 1;
    return { userId: psu.userId, today: today(), days, accounts: runActivity(ctx.state, psu, days, today()) };
  });
}
