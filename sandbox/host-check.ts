import type { FastifyInstance } from 'fastify';
import type { BankContext } from './context.js';

/**
 * The `Host` values the sandbox answers: its own loopback listener, port included. A page on a
 * name that resolves to 127.0.0.1 (DNS rebinding) sends that name, and would otherwise read the
 * mailbox (activation links) and every demo PSU's data from the person's browser.
 */
function allowedHosts(origin: string): Set<string> {
  const port = new URL(origin).port;
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

/** Answers 421 Misdirected Request to anything not addressed to the sandbox's own listener. */
export function installHostCheck(app: FastifyInstance, ctx: BankContext): void {
  let allowed: Set<string> | undefined;
  app.addHook('onRequest', async (req, reply) => {
    // The origin is known once listening, before the first request arrives.
    allowed ??= allowedHosts(ctx.origin);
    const host = req.headers.host;
    if (typeof host === 'string' && allowed.has(host.toLowerCase())) return;
    return reply
      .code(421)
      .send({ tppMessages: [{ category: 'ERROR', code: 'FORMAT_ERROR', text: 'This server answers only to its own loopback address' }] });
  });
}
