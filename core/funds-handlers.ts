import type { Handlers } from '../common/index.js';
import type { AppCore } from './app-core.js';
import { parseMoney } from './money/money.js';
import { fundsAdvice } from './payments/funds-advice.js';

/** The funds check of the review screen (common/contract-funds.ts). */
export function fundsHandlers(core: AppCore): Pick<Handlers, 'payments:check-funds'> {
  return {
    'payments:check-funds': async (input) =>
      fundsAdvice(core.connections, {
        debtor: input.debtorAccountId !== undefined ? { accountId: input.debtorAccountId } : { iban: input.debtorIban ?? '' },
        amount: parseMoney(input.amount, input.currency),
      }),
  };
}
