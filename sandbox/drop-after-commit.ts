import type { FastifyReply } from 'fastify';
import type { BankContext } from './context.js';

/**
 * Faults that a test or a soak run arms from outside (`/sandbox/faults/…`), kept in memory only:
 * a restarted bank starts without them, as it starts without requests in flight.
 */
export interface ArmedFaults {
  /** How many of the next payment initiations lose their answer after committing. */
  dropAfterCommit: number;
}

/**
 * Whether this committed initiation loses its answer: an armed drop first (tests that must not be
 * probabilistic), else a draw from the seeded fault stream at `--drop-after-commit-rate` (the
 * same seed drops the same initiations). No draw at rate 0, so other knobs' streams stay as they were.
 */
function dropsNow(ctx: BankContext): boolean {
  if (ctx.faults.dropAfterCommit > 0) {
    ctx.faults.dropAfterCommit -= 1;
    return true;
  }
  const rate = ctx.options.dropAfterCommitRate;
  return rate > 0 && ctx.random.fault() < rate;
}

/**
 * Called by an initiation once its payment is recorded. When the fault strikes, the bank's state is
 * written first (the commit survives a `--data-dir` restart), then the socket is destroyed without
 * a byte of answer: the client cannot tell whether the bank received the request.
 * Returns true when it dropped the answer; the route then sends nothing.
 */
export function dropAfterCommit(ctx: BankContext, reply: FastifyReply): boolean {
  if (!dropsNow(ctx)) return false;
  ctx.state.flush();
  reply.hijack();
  reply.request.raw.socket.destroy();
  return true;
}
