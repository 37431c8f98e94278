import type { ArmedFaults } from './drop-after-commit.js';
import type { ResolvedOptions } from './options.js';
import type { BankState } from './state/bank-state.js';
import type { Random } from './random.js';

/** What every route of the sandbox bank shares. */
export interface BankContext {
  state: BankState;
  options: ResolvedOptions;
  random: Random;
  /** Faults armed through the control routes for the next requests. */
  faults: ArmedFaults;
  now(): Date;
  /** `http://127.0.0.1:<port>` once listening: links and mails carry it. */
  origin: string;
}

/** Production paths live under this prefix, as at `https://api.cec.ro/cec/prod`. */
export const PREFIX = '/cec/prod';

export const baseUrl = (ctx: BankContext): string => `${ctx.origin}${PREFIX}`;
