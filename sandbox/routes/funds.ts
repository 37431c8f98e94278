import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { aisConsent, bearer, header, psd2Caller } from '../checks.js';
import { PREFIX, type BankContext } from '../context.js';
import { reject } from '../errors.js';
import { parseAmountMinor } from '../money.js';
import { availableMinor } from '../state/available.js';
import { parseBody } from '../validate.js';

const fundsBody = z.object({
  cardNumber: z.string().max(35).optional(),
  payee: z.string().max(70).optional(),
  account: z.object({ iban: z.string().min(1) }).loose(),
  instructedAmount: z.object({ currency: z.string().regex(/^[A-Z]{3}$/), amount: z.union([z.string(), z.number()]) }),
});

/**
 * Confirmation of funds (PIIS) with an AIS token whose consent covers the account's balances.
 * @see the digest's §3.5; Berlin Group 1.3.12 checkAvailabilityOfFunds.
 */
export function fundsRoutes(app: FastifyInstance, ctx: BankContext): void {
  app.post(`${PREFIX}/psd29p/v1/funds-confirmations`, async (req) => {
    const caller = psd2Caller(ctx, req, undefined);
    const body = parseBody(fundsBody, req.body, 'body');
    const minor = parseAmountMinor(body.instructedAmount.amount, body.instructedAmount.currency, 'instructedAmount');
    if (minor <= 0) reject(400, 'FORMAT_ERROR', 'instructedAmount.amount must be positive');
    const token = bearer(ctx, req, caller, 'AIS');
    const consentId = token.scope.slice('AIS:'.length);
    const consentHeader = header(req, 'consent-id');
    const consent = aisConsent(ctx, caller, token, consentHeader ?? consentId);
    const iban = body.account.iban.replace(/\s+/g, '').toUpperCase();
    const found = ctx.state.accountByIban(iban);
    if (found === undefined || found.psu.userId !== consent.psuId || !consent.access.accounts.includes(iban)) {
      return reject(403, 'RESOURCE_UNKNOWN', 'The consent does not cover this account');
    }
    if (!consent.access.balances.includes(iban)) return reject(403, 'CONSENT_INVALID', 'The consent does not cover the balances of this account');
    if (found.account.currency !== body.instructedAmount.currency) {
      return reject(400, 'FORMAT_ERROR', `The account is kept in ${found.account.currency}`);
    }
    return { fundsAvailable: availableMinor(found.account) >= minor };
  });
}
