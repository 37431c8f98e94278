import { type EventName, type EventPayload, type Handlers, type ProfileView, type Settings } from '../common/index.js';
import type { AppCore } from './app-core.js';
import type { AuthorizationPort, AuthorizationSession } from './auth/authorization-session.js';
import { createProductionApp, registerDeveloper } from './enrolment/production-enrolment.js';
import { ValidationError, toUiState } from './errors.js';
import { logFailure, withFailureLog } from './logging/failure-log.js';
import { noticesAfterSync } from './notices/due-notices.js';
import { paymentNotice, paymentNoticeKey } from './notices/notice-rules.js';
import { bankDay } from './sync/bank-calendar.js';
import { NoticesSentStore } from './store/notices-sent.js';
import { isSimulator, type ProfileSettings } from './profiles/profile-settings.js';
import { categoryHandlers } from './category-handlers.js';
import { categoryDefaultHandlers } from './category-default-handlers.js';
import { profileHandlers } from './profile-handlers.js';
import { paymentHandlers } from './payment-handlers.js';
import { queryHandlers } from './query-handlers.js';
import { bulkPreviewHandlers } from './bulk-preview-handlers.js';
import { fundsHandlers } from './funds-handlers.js';
import { beneficiaryHandlers } from './beneficiary-handlers.js';
import { transactionsHandlers } from './transactions-handlers.js';
import { transactionDetailsHandlers } from './transaction-details-handlers.js';
import { transactionListHandlers } from './transaction-list-handlers.js';

/** What a front end (Electron main, the browser host) lends the handlers. */
export interface FrontEnd {
  /** Shows the bank's page for one authorisation, the way the person's setting asks. */
  authorizationPort(mode: Settings['authorizationMode']): AuthorizationPort;
  /** The person's device address, sent as `PSU-IP-Address` on reads they start. */
  psuIpAddress: string;
  /** Sync a connection right after it is connected or renewed (default); a one-shot CLI command does not. */
  syncAfterConnect?: boolean;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

const profileView = (p: ProfileSettings, vendorId?: string): ProfileView => {
  if (p.kind === 'sandbox') return { id: p.id, kind: 'sandbox', displayName: 'CEC Bank (sandbox)' };
  const vendor = p.id === vendorId;
  return {
    id: p.id, kind: 'cec-production', displayName: vendor ? 'CEC Bank' : `CEC Bank (${p.id})`, baseUrl: p.baseUrl, clientId: p.clientId,
    ...(isSimulator(p) ? { simulator: true } : {}),
    ...(vendor ? { vendor: true as const } : {}),
  };
};

/**
 * The contract's methods over core. One authorisation at a time: a second `connect` while the
 * bank's page is open is refused, and `cancel-authorization` settles the open one.
 */
export function createHandlers(core: AppCore, frontEnd: FrontEnd, fetchFn: typeof fetch = fetch): Handlers {
  let current: AuthorizationSession | undefined;
  const emitConnections = () => frontEnd.emit('connections:changed', core.connections.list());
  const noticesSent = new NoticesSentStore(core.db);
  /** After every run: new transactions of a run the app started, and the consent reminders due today. */
  const announce = (summary: Parameters<typeof noticesAfterSync>[0]) => {
    try {
      for (const notice of noticesAfterSync(summary, { connections: () => core.connections.list(), sent: noticesSent, now: core.now })) frontEnd.emit('notice', notice);
    } catch (error) {
      // A notice is a courtesy: failing to work one out must not stop the run's other listeners.
      logFailure(core.logger, error, { during: 'notices after a sync', runId: summary.runId });
    }
  };
  /** A payment's end, once: recorded as given before it is shown, like the consent reminders. */
  const announcePayment = (view: Parameters<typeof paymentNotice>[0]) => {
    try {
      const notice = paymentNotice(view, (key) => noticesSent.has(key));
      if (notice === undefined) return;
      noticesSent.record([[paymentNoticeKey(view.id), bankDay(core.now())]]);
      frontEnd.emit('notice', notice);
    } catch (error) {
      logFailure(core.logger, error, { during: 'the notice of a payment’s end', paymentId: view.id });
    }
  };
  core.onPayment((view) => {
    frontEnd.emit('payments:changed', view);
    announcePayment(view);
  });
  core.onSync((event) => {
    if ('progress' in event) frontEnd.emit('sync:progress', event.progress);
    else {
      frontEnd.emit('sync:finished', event.finished);
      core.scheduler.reschedule();
      announce(event.finished);
    }
  });
  /** The person just authorised: fill the local copy at once, with them present. */
  const syncConnected = <T extends { id: string }>(connection: T): T => {
    if (frontEnd.syncAfterConnect !== false) {
      core.sync.run({ trigger: 'person', connectionId: connection.id, psuIpAddress: frontEnd.psuIpAddress })
        .catch((error: unknown) => logFailure(core.logger, error, { during: 'sync after connect', connectionId: connection.id }));
    }
    return connection;
  };

  /** Runs one authorisation through the front end's port, keeping hold of its session for cancel. */
  const authorizing = async <T>(run: (port: AuthorizationPort) => Promise<T>): Promise<T> => {
    if (current !== undefined && !current.isSettled) throw new ValidationError('another authorisation is already open', 'authorization');
    const inner = frontEnd.authorizationPort(core.settings.get().authorizationMode);
    let mine: AuthorizationSession | undefined;
    const port: AuthorizationPort = {
      open: (url, session) => {
        current = mine = session;
        return inner.open(url, session);
      },
    };
    try {
      const result = await run(port);
      frontEnd.emit('authorization:settled', { outcome: 'connected' });
      return result;
    } catch (error) {
      frontEnd.emit('authorization:settled', { outcome: toUiState(error) === 'sca-cancelled' ? 'cancelled' : 'failed' });
      throw error;
    } finally {
      // A settled attempt may still be cleaning up while the person started the next one: only
      // our own session leaves the slot, never the newer one that now holds it.
      if (current === mine) current = undefined;
      emitConnections();
    }
  };

  return withFailureLog(core.logger, {
    'app:info': async () => core.info,
    // The store opened, so there is nothing to start afresh from; see storeSession for the locked case.
    'store:reset': async () => {
      throw new ValidationError('the local copy opens as it is: there is nothing to start afresh', 'store');
    },
    'profiles:list': async () => core.listProfiles().map((p) => profileView(p, core.vendor?.settings.id)),
    'profiles:save-production': async ({ clientSecret, ...settings }) =>
      // An empty secret field means "keep the stored one".
      profileView(await core.saveProductionProfile({ kind: 'cec-production', ...settings, ...(clientSecret ? { clientSecret } : {}) })),
    'enrolment:register': async (input) => registerDeveloper(fetchFn, input),
    'enrolment:create-app': async (input) => createProductionApp(fetchFn, core.production, input, (p) => profileView(p)),
    'connections:list': async () => core.connections.list(),
    'connections:connect': async ({ profileId, label }) =>
      syncConnected(await authorizing((port) => core.connections.connect({ profileId, label, port, psuIpAddress: frontEnd.psuIpAddress }))),
    'connections:cancel-authorization': async () => {
      const open = current !== undefined && !current.isSettled;
      current?.cancel('closed');
      return { cancelled: open };
    },
    'connections:refresh-status': async ({ connectionId }) => {
      const c = await core.connections.refreshStatus(connectionId);
      emitConnections();
      return c;
    },
    'connections:revoke': async ({ connectionId }) => {
      const c = await core.connections.revoke(connectionId);
      emitConnections();
      return c;
    },
    'connections:renew': async ({ connectionId }) =>
      syncConnected(await authorizing((port) => core.connections.renew(connectionId, port, frontEnd.psuIpAddress))),
    'connections:remove': async ({ connectionId }) => {
      await core.connections.remove(connectionId);
      emitConnections();
      return { removed: true as const };
    },
    ...queryHandlers(core),
    ...fundsHandlers(core),
    ...bulkPreviewHandlers(),
    ...beneficiaryHandlers(core),
    ...categoryHandlers(core),
    ...categoryDefaultHandlers(),
    ...profileHandlers(core),
    ...paymentHandlers(core, frontEnd, authorizing),
    ...transactionsHandlers(core),
    ...transactionDetailsHandlers(core),
    ...transactionListHandlers(core),
    'sync:run': async ({ connectionId }) => {
      if (connectionId !== undefined) core.connections.get(connectionId);
      return core.sync.run({ trigger: 'person', ...(connectionId === undefined ? {} : { connectionId }), psuIpAddress: frontEnd.psuIpAddress });
    },
    'sync:status': async () => core.sync.status(core.settings.get().autoSyncHours, core.scheduler.nextRunAt()),
    'settings:get': async () => core.settings.get(),
    'settings:set': async (patch) => {
      const settings = core.settings.set(patch);
      core.scheduler.reschedule();
      return settings;
    },
  });
}
