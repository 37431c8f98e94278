import type { FastifyInstance } from 'fastify';
import type { BankContext } from '../context.js';
import { bankDay } from '../dates.js';
import { reject } from '../errors.js';

/**
 * What a real bank does outside its API, made reachable for tests and demos under `/sandbox`:
 * the developer's mailbox, and the PSU revoking a consent in CEConline.
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

  app.get('/sandbox/psus', async () => ({
    psus: ctx.state.data.psus.map((p) => ({
      userId: p.userId,
      displayName: p.displayName,
      accounts: p.accounts.map((a) => ({ iban: a.iban, currency: a.currency, kind: a.kind, product: a.product, maskedPan: a.maskedPan })),
    })),
  }));
}
