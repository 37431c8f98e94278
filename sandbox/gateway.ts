import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PREFIX, type BankContext } from './context.js';
import { BankRejection } from './errors.js';

/**
 * The PSU's pages (authorize, login, decision, activation) are never faulted: `--fault-rate`
 * tests how the TPP's client copes with a flaky API (retry, back off, report), and the client
 * cannot retry a page a person is filling in a browser — a fault there would only break the
 * PSU's flow, which no client code can recover, and would make e2e runs flaky for nothing.
 */
const isPage = (req: FastifyRequest): boolean =>
  req.url.startsWith(`${PREFIX}/oauthcec/oauth2/authorize`) ||
  req.url.startsWith(`${PREFIX}/oauth/oauth2/authorize`) ||
  req.url.startsWith(`${PREFIX}/dynamic-users-register/portal/users/activate`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What CEC's API gateway does before a call reaches the bank: it echoes `X-Request-ID`, counts
 * calls per client (`X-RateLimit-*` on every answer, 429 past the limit), and — as knobs for
 * tests and benchmarks — adds latency and fails a share of calls.
 */
export function installGateway(app: FastifyInstance, ctx: BankContext): void {
  const windows = new Map<string, { start: number; count: number }>();
  const windowMs = 60_000;

  app.addHook('onRequest', async (req, reply) => {
    const requestId = req.headers['x-request-id'];
    if (typeof requestId === 'string') reply.header('X-Request-ID', requestId);
    if (ctx.options.latencyMs > 0) await sleep(ctx.options.latencyMs);
    if (!req.url.startsWith(PREFIX)) return;

    const caller = clientOf(req);
    const now = ctx.now().getTime();
    let w = windows.get(caller);
    if (w === undefined || now - w.start >= windowMs) {
      w = { start: now, count: 0 };
      windows.set(caller, w);
    }
    w.count += 1;
    const limit = ctx.options.rateLimit;
    reply.header('X-RateLimit-Limit', `name=rate-limit,${limit};`);
    reply.header('X-RateLimit-Remaining', `name=rate-limit,${Math.max(0, limit - w.count)};`);
    if (w.count > limit) {
      const retryAfter = Math.max(1, Math.ceil((w.start + windowMs - now) / 1000));
      throw new BankRejection(429, 'ACCESS_EXCEEDED', 'Rate limit exceeded for this client', {
        'Retry-After': String(retryAfter),
      });
    }

    if (ctx.options.faultRate > 0 && !isPage(req) && ctx.random.fault() < ctx.options.faultRate) {
      await injectFault(ctx, req, reply);
    }
  });
}

function clientOf(req: FastifyRequest): string {
  const id = req.headers['x-ibm-client-id'];
  return typeof id === 'string' && id !== '' ? `client:${id}` : `ip:${req.ip}`;
}

async function injectFault(ctx: BankContext, req: FastifyRequest, reply: FastifyReply): Promise<void> {
  const pick = ctx.random.fault();
  if (pick < 1 / 3) {
    // A dropped connection: the client sees a reset, not an HTTP answer.
    reply.hijack();
    req.raw.socket.destroy();
    return;
  }
  const status = pick < 2 / 3 ? 500 : 503;
  throw new BankRejection(status, status === 500 ? 'INTERNAL_SERVER_ERROR' : 'SERVICE_UNAVAILABLE', 'Injected fault (sandbox --fault-rate)', status === 503 ? { 'Retry-After': '1' } : {});
}
