import type { FastifyInstance } from 'fastify';
import type { BankContext } from '../context.js';
import { reject } from '../errors.js';
import { formatMinor } from '../money.js';
import type { Payment } from '../state/records.js';

/** One payment as the bank's books hold it, for tests that count what a client did. */
function paymentEntry(p: Payment) {
  return {
    paymentId: p.paymentId,
    ...(p.bulkId === undefined ? {} : { bulkId: p.bulkId }),
    status: p.status,
    ...(p.statusReason === undefined ? {} : { statusReason: p.statusReason }),
    ...(p.debtorIban === undefined ? {} : { debtorIban: p.debtorIban }),
    ...(p.psuId === undefined ? {} : { psuId: p.psuId }),
    creditorIban: p.creditorIban,
    creditorName: p.creditorName,
    amount: formatMinor(p.instructedAmount.amountMinor, p.instructedAmount.currency),
    currency: p.instructedAmount.currency,
    remittance: p.remittance,
    ...(p.endToEndIdentification === undefined ? {} : { endToEndIdentification: p.endToEndIdentification }),
    ...(p.requestId === undefined ? {} : { requestId: p.requestId }),
    createdAt: p.createdAt,
    authorised: p.authorisedAt !== undefined,
    ...(p.bookedTransactionId === undefined ? {} : { bookedTransactionId: p.bookedTransactionId }),
    // When the PSU said yes and when the status turned final, for benches timing what a client shows.
    ...(p.authorisedAt === undefined ? {} : { authorisedAt: new Date(p.authorisedAt).toISOString() }),
    ...(p.finalAt === undefined ? {} : { finalAt: p.finalAt }),
  };
}

const counts = (payments: readonly Payment[]) => ({
  initiated: payments.length,
  authorised: payments.filter((p) => p.authorisedAt !== undefined).length,
  settled: payments.filter((p) => p.status === 'ACSC').length,
});

const queryText = (query: unknown, name: string): string | undefined => {
  const value = (query as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : undefined;
};

/**
 * The bank's payment books, for exactly-once tests: per debtor account, every payment (bulk items
 * one by one) and how many were received, authorised and settled. A payment without a debtor
 * ("let the bank ask") belongs to an account only once the PSU picked it on the page; until then
 * only the bank-wide list shows it.
 */
export function paymentCountRoutes(app: FastifyInstance, ctx: BankContext): void {
  app.get('/sandbox/payments', async (req) => {
    const debtorIban = queryText(req.query, 'debtorIban');
    const endToEndId = queryText(req.query, 'endToEndId');
    const payments = ctx.state.data.payments.filter((p) =>
      (debtorIban === undefined || p.debtorIban === debtorIban) && (endToEndId === undefined || p.endToEndIdentification === endToEndId));
    return { ...counts(payments), payments: payments.map(paymentEntry) };
  });

  app.get('/sandbox/psus/:userId/payments', async (req) => {
    const { userId } = req.params as { userId: string };
    const psu = ctx.state.psu(userId) ?? reject(404, 'RESOURCE_UNKNOWN', `No PSU ${userId}`);
    return {
      userId: psu.userId,
      accounts: psu.accounts.map((account) => {
        const payments = ctx.state.data.payments.filter((p) => p.debtorIban === account.iban);
        return { iban: account.iban, currency: account.currency, ...counts(payments), payments: payments.map(paymentEntry) };
      }),
    };
  });
}
