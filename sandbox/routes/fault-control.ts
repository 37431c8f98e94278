import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { BankContext } from '../context.js';
import { parseBody } from '../validate.js';

const dropCount = z.strictObject({ count: z.number().int().min(0).max(10_000) });

/**
 * Faults a test arms for the next requests, so "the answer was lost" happens exactly where the
 * test wants it rather than at a rate. Like every control route, not faulted itself.
 */
export function faultControlRoutes(app: FastifyInstance, ctx: BankContext): void {
  app.get('/sandbox/faults/drop-after-commit', async () => ({ dropAfterCommit: ctx.faults.dropAfterCommit }));

  app.post('/sandbox/faults/drop-after-commit', async (req) => {
    ctx.faults.dropAfterCommit = parseBody(dropCount, req.body, 'body').count;
    return { dropAfterCommit: ctx.faults.dropAfterCommit };
  });
}
