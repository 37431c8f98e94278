import type { Handlers } from '../common/index.js';
import type { AppCore } from './app-core.js';
import { transactionDetails } from './store/transaction-details.js';

/** The details drawer's read, from the local copy only: the bank is not asked again. */
export function transactionDetailsHandlers(core: AppCore): Pick<Handlers, 'transactions:details'> {
  return {
    'transactions:details': async ({ rowId }) => transactionDetails(core.db, rowId),
  };
}
