import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { BankContext } from '../context.js';
import { addDays, bankDay, endOfBankDay, isIsoDate } from '../dates.js';
import { reject } from '../errors.js';
import { parseBody } from '../validate.js';
import { CONSENT_MAX_DAYS } from './authorize-decision.js';

const validUntilBody = z.strictObject({ validUntil: z.string().refine(isIsoDate, 'must be an ISO date (YYYY-MM-DD)') });

/**
 * What a real bank does outside its API, made reachable for tests and demos under `/sandbox`:
 * the developer's mailbox, the PSU revoking a consent in CEConline, and a consent nearing its end
 * without months passing.
 */
export function sandboxControlRoutes(app: FastifyInstance, ctx: BankContext): void {
  app.get('/sandbox/mailbox', async (req) => {
    const to = (req.query as Record<string, unknown>)['to'];
    const messages = ctx.state.mailbox.filter((m) => typeof to !== 'string' || m.to.toLowerCase() === to.toLowerCase());
    return { messages };
  });

  app.post('/sandbox/consents/:consentId/revoke', async (req, reply) => {
    const { consentId } = req.params as { consentId: string };
    const consent = ctx.state.data.consents.find((c) => c.consentId === consentId);
    if (consent === undefined) return reject(404, 'CONSENT_UNKNOWN', 'Unknown consent');
    if (consent.status !== 'valid') return reject(409, 'STATUS_INVALID', `The consent is ${consent.status}`);
    consent.status = 'revokedByPsu';
    consent.lastActionDate = bankDay(ctx.now());
    ctx.state.changed();
    return reply.code(204).send();
  });

  // The consent ends on `validUntil` (a past day expires it when next touched); its refresh
  // tokens end with it, as when the bank grants a consent of that length.
  app.post('/sandbox/consents/:consentId/valid-until', async (req) => {
    const { consentId } = req.params as { consentId: string };
    const { validUntil } = parseBody(validUntilBody, req.body, 'body');
    const consent = ctx.state.data.consents.find((c) => c.consentId === consentId);
    if (consent === undefined) return reject(404, 'CONSENT_UNKNOWN', 'Unknown consent');
    if (consent.status !== 'valid') return reject(409, 'STATUS_INVALID', `The consent is ${consent.status}`);
    if (validUntil > addDays(bankDay(ctx.now()), CONSENT_MAX_DAYS - 1)) return reject(400, 'PERIOD_INVALID', `validUntil lies more than ${CONSENT_MAX_DAYS} days ahead`);
    consent.validUntil = validUntil;
    const ends = endOfBankDay(validUntil).getTime();
    for (const t of ctx.state.data.tokens) if (t.type === 'refresh' && t.scope === `AIS:${consentId}`) t.expiresAt = ends;
    ctx.state.changed();
    return { consentId, validUntil };
  });

  app.get('/sandbox/psus', async () => ({
    psus: ctx.state.data.psus.map((p) => ({
      userId: p.userId,
      displayName: p.displayName,
      accounts: p.accounts.map((a) => ({ iban: a.iban, currency: a.currency, kind: a.kind, product: a.product, maskedPan: a.maskedPan })),
    })),
  }));
}
