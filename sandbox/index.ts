import { generatePsus } from './data/generate.js';
import { PREFIX, type BankContext } from './context.js';
import { dialectData } from './dialect.js';
import { resolveOptions, type SandboxOptions } from './options.js';
import { createRandom } from './random.js';
import { buildServer } from './server.js';
import { BankState } from './state/bank-state.js';
import type { BankSnapshot } from './state/records.js';

export type { SandboxOptions } from './options.js';
export { optionNames, optionPairs, optionUsage, sandboxOptionsFrom } from './option-names.js';

export interface RunningSandbox {
  /** `http://127.0.0.1:<port>/cec/prod`: CEC's production base with only the origin changed. */
  url: string;
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  close(): Promise<void>;
}

/** Starts the sandbox bank on 127.0.0.1; the app embeds it, tests start one per suite. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const resolved = resolveOptions(options);
  const fresh = (): BankSnapshot => {
    const psus = dialectData(resolved.dialect, generatePsus({
      seed: resolved.seed,
      accountsPerPsu: resolved.accounts,
      transactionsPerAccount: resolved.transactionsPerAccount,
      today: resolved.now(),
    }));
    const ids = psus.flatMap((p) => p.accounts.flatMap((a) => a.transactions.map((t) => Number(t.transactionId))));
    return {
      version: 2,
      seed: resolved.seed,
      psus,
      users: [],
      apps: [],
      consents: [],
      codes: [],
      tokens: [],
      payments: [],
      bulks: [],
      accessCounts: {},
      deltaMarks: {},
      nextTransactionId: ids.reduce((m, id) => Math.max(m, id), 1_000_000_000) + 1,
    };
  };
  const ctx: BankContext = {
    state: BankState.load(resolved.dataDir, fresh),
    options: resolved,
    random: createRandom(resolved.seed),
    faults: { dropAfterCommit: 0 },
    now: resolved.now,
    origin: '',
  };
  const app = await buildServer(ctx);
  await app.listen({ host: '127.0.0.1', port: resolved.port });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('sandbox bank: no TCP address');
  ctx.origin = `http://127.0.0.1:${address.port}`;
  return {
    url: `${ctx.origin}${PREFIX}`,
    origin: ctx.origin,
    close: async () => {
      ctx.state.flush();
      await app.close();
    },
  };
}
export type { LedgerTransaction } from './routes/transaction-wire.js';
