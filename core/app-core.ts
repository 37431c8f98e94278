import { randomUUID } from 'node:crypto';
import { TokenManager } from './auth/token-manager.js';
import { ConnectionService } from './connections/connection-service.js';
import { dirname } from 'node:path';
import type { AppInfo, ProfileCredentials } from '../common/index.js';
import { KeychainError, ValidationError } from './errors.js';
import { certificateSummary } from './profiles/certificate-summary.js';
import { sandboxSecretKey } from './profiles/profile-secrets.js';
import type { VendorProfile, VendorProfileLoad } from './profiles/vendor-profile.js';
import type { MutualTlsOptions } from './http/mutual-tls.js';
import type { Keychain } from './keychain/keychain.js';
import { currentLogFile, type Logger } from './logging/logger.js';
import { BankEnvironments, type EmbeddedBank } from './profiles/bank-environments.js';
import { ProductionProfiles } from './profiles/production-profiles.js';
import { SANDBOX_PROFILE, type ProfileSettings, type ProductionSettings } from './profiles/profile-settings.js';
import { ConnectionStore } from './store/connections.js';
import type { DatabaseKey } from './store/database-encryption.js';
import { IN_MEMORY, openDatabase, type Db } from './store/database.js';
import { PendingTerminationStore } from './store/pending-terminations.js';
import { ProfileStore } from './store/profiles.js';
import { RegistrationStore } from './store/registrations.js';
import { SettingsStore } from './store/settings.js';
import { SyncRunStore } from './store/sync-runs.js';
import type { BankPacing } from './sync/bank-run.js';
import { SyncEngine } from './sync/sync-engine.js';
import { SyncScheduler } from './sync/sync-scheduler.js';
import type { WindowPolicy } from './sync/sync-window.js';
import type { PaymentView, SyncProgress, SyncSummary } from '../common/index.js';
import { PaymentFollower, realSchedule, type Schedule } from './payments/payment-follower.js';
import { PaymentService } from './payments/payment-service.js';
import { BeneficiaryStore } from './payments/beneficiaries.js';
import { bookingEvidence } from './store/booked-by-end-to-end.js';

/** The outside world core needs, given by the composition root (Electron main, browser host, a script, a test). */
export interface CoreWorld {
  fetch: typeof fetch;
  keychain: Keychain;
  databasePath: string;
  /** Encrypts the database file at rest (see openDatabase); absent only for `IN_MEMORY` and schema tests. */
  databaseKey?: DatabaseKey;
  /** Set when there is no OS keychain: nothing is kept, and production profiles are refused for `reason`. */
  ephemeral?: { reason: string };
  /** The redirect URI this front end catches. */
  redirectUri: string;
  embedded?: EmbeddedBank;
  /** The app's one redacting logger (`createLogger`): every failure the person sees is written to it. */
  logger: Logger;
  /** The folder `logger` writes its files to (`LocalStore.logDir`); absent when it writes to stderr. */
  logDir?: string | undefined;
  now?: () => Date;
  newId?: () => string;
  /** Extra CAs a production profile's mutual TLS trusts (a simulator's own); the app passes none. */
  tls?: MutualTlsOptions;
  /** How a sync treats the bank (request cap, retries); the defaults are CEC's. */
  pacing?: BankPacing;
  /** How far back a first sync reads, and how many days later syncs read again. */
  syncWindow?: WindowPolicy;
  /** The build's vendor profile as read at start (`loadVendorProfile`); absent: none looked for. */
  vendorProfile?: VendorProfileLoad;
  /** The payment follower's timer (tests pass a quicker or virtual one); setTimeout by default. */
  paymentSchedule?: Schedule;
}

export type SyncEvent = { progress: SyncProgress } | { finished: SyncSummary };


export interface AppCore {
  db: Db;
  now: () => Date;
  logger: Logger;
  connections: ConnectionService;
  environments: BankEnvironments;
  tokens: TokenManager;
  profiles: ProfileStore;
  /** Production profiles with their secrets in the keychain. */
  production: ProductionProfiles;
  settings: SettingsStore;
  /** The build's vendor profile, when its file was read and is valid. */
  vendor: VendorProfile | undefined;
  /** The sync engine: the one owner of bank reads into the local copy. */
  sync: SyncEngine;
  /** Automatic syncs; started by the front ends that stay open (the app, browser mode), not by the CLI. */
  scheduler: SyncScheduler;
  /** Subscribes to the sync engine's progress and finished runs; returns the unsubscribe. */
  onSync(listener: (event: SyncEvent) => void): () => void;
  /** Read on each call: the log rolls over to a new file while the app runs. */
  readonly info: AppInfo;
  /** Payment intents: create, submit, cancel, reconcile, retry (core/payments/). */
  payments: PaymentService;
  /** Follows unfinished payments to their end; started by the front ends like the scheduler, and by `payments --follow`. */
  paymentFollower: PaymentFollower;
  /** Subscribes to every change of a payment intent; returns the unsubscribe. */
  onPayment(listener: (view: PaymentView) => void): () => void;
  /** Every profile the person can connect: the embedded sandbox (when present) and their production ones. */
  listProfiles(): ProfileSettings[];
  /**
   * Saves a production profile: its client secret and QWAC key go to the keychain, never to the
   * database. Its bank origin and client id cannot change while it has connections.
   */
  saveProductionProfile(input: unknown): Promise<ProductionSettings>;
  /** What Settings shows of a profile's credentials; never a secret. */
  profileCredentials(profileId: string): Promise<ProfileCredentials>;
  /** Removes a production profile the person saved, with its secrets; refused while a connection uses it. */
  removeProfile(profileId: string): Promise<void>;
  close(): void;
}

/** Builds core's services over one database file and one keychain. */
export function createAppCore(world: CoreWorld): AppCore {
  const now = world.now ?? (() => new Date());
  const logger = world.logger;
  const db = openDatabase(world.databasePath, world.databaseKey);
  // A production bank's secrets must outlive the app; an in-memory keychain would lose them unseen.
  const refuseProduction = () => {
    if (world.ephemeral !== undefined) throw new KeychainError(world.ephemeral.reason);
  };
  const store = new ConnectionStore(db);
  const profiles = new ProfileStore(db);
  const vendorLoad = world.vendorProfile;
  const vendor = vendorLoad?.profile;
  if (vendorLoad?.problem !== undefined) logger.warn({ source: vendorLoad.source, problem: vendorLoad.problem }, 'the vendor profile is not used');
  // `connections` is made below; this is only asked once the app runs.
  const production = new ProductionProfiles({
    db,
    store: profiles,
    keychain: world.keychain,
    hasConnections: (profileId: string): boolean => connections.list().some((c) => c.profileId === profileId),
    now,
    tls: world.tls,
    vendor,
  });
  // Scrub a key an older version left in the database right away; a failure (a locked keychain) is retried on first use.
  production.ready().catch((error: unknown) => logger.warn({ err: error }, 'could not move secrets out of the database yet'));
  const environments = new BankEnvironments({
    fetch: world.fetch,
    keychain: world.keychain,
    registrations: new RegistrationStore(db),
    embedded: world.embedded,
    production,
    redirectUri: world.redirectUri,
    now,
  });
  const tokens = new TokenManager(world.keychain, now, (connectionId) => {
    store.update(connectionId, { reauthRequired: true }, now().toISOString());
  });
  const profile = (id: string): ProfileSettings | undefined => {
    if (id === SANDBOX_PROFILE.id && world.embedded !== undefined) return SANDBOX_PROFILE;
    refuseProduction();
    return id === vendor?.settings.id ? vendor.settings : profiles.get(id);
  };
  const connections = new ConnectionService({
    store, environments, tokens, profile, now, newId: world.newId ?? randomUUID,
    pendingTerminations: new PendingTerminationStore(db),
    logger,
  });
  // Consents a previous run let go of but could not end at the bank.
  connections.startPendingTerminations();
  const settings = new SettingsStore(db);
  const listeners = new Set<(event: SyncEvent) => void>();
  const sync = new SyncEngine({
    db, store, connections, now, logger,
    emit: (event) => {
      for (const listener of listeners) listener(event);
    },
    ...(world.pacing === undefined ? {} : { pacing: world.pacing }),
    ...(world.syncWindow === undefined ? {} : { window: world.syncWindow }),
  });
  const runs = new SyncRunStore(db);
  const scheduler = new SyncScheduler({
    engine: sync,
    intervalHours: () => settings.get().autoSyncHours,
    now,
    lastRunAt: () => {
      const finished = runs.lastFinished()?.finishedAt;
      return finished === undefined ? undefined : new Date(finished);
    },
    logger,
  });
  const settingsOf = (profileId: string): ProfileSettings => {
    const found = profile(profileId);
    if (found === undefined) throw new ValidationError(`unknown bank profile ${profileId}`, 'profileId');
    return found;
  };
  const resolveBank = (profileId: string) => environments.resolve(settingsOf(profileId));
  // PIS tokens are a payment's, not a connection's: a refused refresh leaves the payment to reconciliation.
  const pisTokens = new TokenManager(world.keychain, now, (key) => logger.warn({ key }, 'a payment’s PIS token can no longer be refreshed'));
  const paymentListeners = new Set<(view: PaymentView) => void>();
  const paymentFollower: PaymentFollower = new PaymentFollower({
    service: () => payments,
    tokens: pisTokens,
    resolveBank,
    reconcile: (id) => payments.reconcile(id),
    schedule: world.paymentSchedule ?? realSchedule,
    logger,
  });
  const payments = new PaymentService({
    db,
    tokens: pisTokens,
    keychain: world.keychain,
    resolveBank,
    checkProfile: (profileId) => void settingsOf(profileId),
    now,
    newId: world.newId ?? randomUUID,
    logger,
    emit: (view) => {
      for (const listener of paymentListeners) listener(view);
    },
    follow: (id) => paymentFollower.follow(id),
    findBooked: (query) => bookingEvidence(db, query),
    onSettled: (p) => {
      const item = p.items[0];
      if (item === undefined) return;
      new BeneficiaryStore(db, now).recordPayment(
        { name: item.creditorName, iban: item.creditorIban, details: item.remittance, amount: { amount: item.amount, currency: p.currency } },
        { save: p.saveBeneficiary },
      );
    },
  });
  return {
    db,
    now,
    logger,
    payments,
    paymentFollower,
    onPayment: (listener) => {
      paymentListeners.add(listener);
      return () => paymentListeners.delete(listener);
    },
    connections,
    environments,
    tokens,
    profiles,
    production,
    settings,
    vendor,
    sync,
    scheduler,
    onSync: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    get info(): AppInfo {
      return {
        ephemeral: world.ephemeral !== undefined,
        reason: world.ephemeral?.reason ?? null,
        dataDir: world.databasePath === IN_MEMORY ? null : dirname(world.databasePath),
        locked: false,
        logFile: currentLogFile(world.logDir),
        vendorProfile: vendorLoad === undefined || vendorLoad.source === null ? null : { source: vendorLoad.source, problem: vendorLoad.problem ?? null },
      };
    },
    listProfiles: () => [
      ...(world.embedded === undefined ? [] : [SANDBOX_PROFILE]),
      ...(vendor === undefined ? [] : [vendor.settings]),
      ...profiles.list().filter((p) => p.id !== vendor?.settings.id),
    ],
    saveProductionProfile: async (input) => {
      refuseProduction();
      return production.save(input);
    },
    profileCredentials: async (profileId) => {
      if (profileId === SANDBOX_PROFILE.id && world.embedded !== undefined) {
        const registration = new RegistrationStore(db).get(profileId);
        const secret = registration === undefined ? undefined : await world.keychain.get(sandboxSecretKey(profileId, registration.clientId));
        return {
          profileId,
          clientSecret: secret === undefined ? 'none' : 'stored',
          certificate: certificateSummary(world.embedded.demoCertificatePem, now()),
        };
      }
      const settings = profileId === vendor?.settings.id ? vendor.settings : profiles.get(profileId);
      if (settings === undefined) throw new ValidationError(`there is no profile ${profileId}`, 'profileId');
      return production.describe(settings);
    },
    removeProfile: async (profileId) => {
      if (profileId === SANDBOX_PROFILE.id) throw new ValidationError('the sandbox bank is part of the app and cannot be removed', 'profileId');
      if (profileId === vendor?.settings.id) throw new ValidationError('this profile comes with the app (its vendor profile file) and cannot be removed here', 'profileId');
      refuseProduction();
      await production.remove(profileId);
    },
    close: () => {
      scheduler.stop();
      paymentFollower.stop();
      // Closing an agent waits for calls in flight; the database goes now.
      void production.close();
      db.close();
    },
  };
}
