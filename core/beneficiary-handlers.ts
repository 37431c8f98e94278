import type { Handlers } from '../common/index.js';
import type { AppCore } from './app-core.js';
import { BeneficiaryStore } from './payments/beneficiaries.js';

type BeneficiaryMethod = 'beneficiaries:list' | 'beneficiaries:save' | 'beneficiaries:delete';

/** The address book of beneficiaries (common/contract-beneficiaries.ts), from the local store. */
export function beneficiaryHandlers(core: AppCore): Pick<Handlers, BeneficiaryMethod> {
  const store = new BeneficiaryStore(core.db, core.now);
  return {
    'beneficiaries:list': async () => store.list(),
    'beneficiaries:save': async (input) => store.save(input),
    'beneficiaries:delete': async ({ id }) => store.delete(id),
  };
}
