import type { Handlers, PaymentView } from '../common/index.js';
import type { AppCore } from './app-core.js';
import type { FrontEnd } from './app-handlers.js';
import type { AuthorizationPort } from './auth/authorization-session.js';
import { logFailure } from './logging/failure-log.js';

type PaymentMethod =
  | 'payments:create' | 'payments:create-bulk' | 'payments:submit' | 'payments:list' | 'payments:get'
  | 'payments:cancel' | 'payments:reconcile' | 'payments:retry';

/** Runs one authorisation through the front end's port (the handlers' one open-page slot). */
export type Authorizing = <T>(run: (port: AuthorizationPort) => Promise<T>) => Promise<T>;

/**
 * The payment methods of the contract over core's PaymentService. Submitting and retrying open
 * the bank's page through the same slot as a consent; a second click on an intent whose page is
 * open joins the first instead of being refused.
 */
export function paymentHandlers(core: AppCore, frontEnd: Pick<FrontEnd, 'psuIpAddress'>, authorizing: Authorizing): Pick<Handlers, PaymentMethod> {
  const drive = (id: string, run: (port: AuthorizationPort) => Promise<PaymentView>): Promise<PaymentView> =>
    core.payments.inFlight(id) ?? authorizing(run);
  return {
    'payments:create': async ({ idempotencyKey, profileId, debtorIban, currency, saveBeneficiary, ...transfer }) =>
      core.payments.create({ idempotencyKey, profileId, debtorIban, currency, saveBeneficiary, items: [transfer] }),
    'payments:create-bulk': async ({ idempotencyKey, profileId, debtorIban, currency, items }) =>
      core.payments.create({ idempotencyKey, profileId, debtorIban, currency, items, bulk: true }),
    'payments:submit': async ({ paymentId }) => drive(paymentId, (port) => core.payments.submit(paymentId, port, frontEnd.psuIpAddress)),
    'payments:retry': async ({ paymentId }) => drive(paymentId, (port) => core.payments.retry(paymentId, port, frontEnd.psuIpAddress)),
    'payments:list': async ({ status }) => core.payments.list(status),
    'payments:get': async ({ paymentId }) => core.payments.get(paymentId),
    'payments:cancel': async ({ paymentId }) => core.payments.cancel(paymentId),
    'payments:reconcile': async ({ paymentId }) => {
      // The person asked: read the payer's account now (present, so no daily budget is spent), then weigh the evidence.
      const view = core.payments.get(paymentId);
      if (view.state.kind === 'unknown') {
        await core.sync.run({ trigger: 'person', psuIpAddress: frontEnd.psuIpAddress })
          .catch((error: unknown) => logFailure(core.logger, error, { during: 'sync before reconciling a payment', paymentId }));
      }
      return core.payments.reconcile(paymentId);
    },
  };
}
