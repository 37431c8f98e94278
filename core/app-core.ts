import { randomUUID } from 'node:crypto';
import { pino, type Logger } from 'pino';
import { TokenManager } from './auth/token-manager.js';
import { ConnectionService } from './connections/connection-service.js';
import { ValidationError } from './errors.js';
import type { Keychain } from './keychain/keychain.js';
import { BankEnvironments, clientSecretKey, type EmbeddedBank } from './profiles/bank-environments.js';
import { parseProductionSettings, type ProfileSettings, type ProductionSettings } from './profiles/profile-settings.js';
import { ConnectionStore } from './store/connections.js';
import { openDatabase, type Db } from './store/database.js';
import { PendingTerminationStore } from './store/pending-terminations.js';
import { ProfileStore } from './store/profiles.js';
import { RegistrationStore } from './store/registrations.js';
import { SettingsStore } from './store/settings.js';

/** The outside world core needs, given by the composition root (Electron main, browser host, a script, a test). */
export interface CoreWorld {
  fetch: typeof fetch;
  keychain: Keychain;
  databasePath: string;
  /** The redirect URI this front end catches. */
  redirectUri: string;
  embedded?: EmbeddedBank;
  now?: () => Date;
  newId?: () => string;
  /** The app's redacting logger; silent when the composition root gives none. */
  logger?: Logger;
}

export const SANDBOX_PROFILE: ProfileSettings = { kind: 'sandbox', id: 'sandbox' };

export interface AppCore {
  db: Db;
  now: () => Date;
  connections: ConnectionService;
  environments: BankEnvironments;
  tokens: TokenManager;
  profiles: ProfileStore;
  settings: SettingsStore;
  /** Every profile the person can connect: the embedded sandbox (when present) and their production ones. */
  listProfiles(): ProfileSettings[];
  /** Saves a production profile; its client secret goes to the keychain, never to the database. */
  saveProductionProfile(input: unknown, clientSecret: string | undefined): Promise<ProductionSettings>;
  close(): void;
}

/** Builds core's services over one database file and one keychain. */
export function createAppCore(world: CoreWorld): AppCore {
  const now = world.now ?? (() => new Date());
  const db = openDatabase(world.databasePath);
  const store = new ConnectionStore(db);
  const profiles = new ProfileStore(db);
  const environments = new BankEnvironments({
    fetch: world.fetch,
    keychain: world.keychain,
    registrations: new RegistrationStore(db),
    embedded: world.embedded,
    redirectUri: world.redirectUri,
    now,
  });
  const tokens = new TokenManager(world.keychain, now, (connectionId) => {
    store.update(connectionId, { reauthRequired: true }, now().toISOString());
  });
  const profile = (id: string): ProfileSettings | undefined =>
    id === SANDBOX_PROFILE.id && world.embedded !== undefined ? SANDBOX_PROFILE : profiles.get(id);
  const connections = new ConnectionService({
    store, environments, tokens, profile, now, newId: world.newId ?? randomUUID,
    pendingTerminations: new PendingTerminationStore(db),
    logger: world.logger ?? pino({ enabled: false }),
  });
  // Consents a previous run let go of but could not end at the bank.
  connections.startPendingTerminations();
  return {
    db,
    now,
    connections,
    environments,
    tokens,
    profiles,
    settings: new SettingsStore(db),
    listProfiles: () => [...(world.embedded === undefined ? [] : [SANDBOX_PROFILE]), ...profiles.list()],
    async saveProductionProfile(input, clientSecret) {
      const settings = parseProductionSettings(input);
      if (settings.id === SANDBOX_PROFILE.id) throw new ValidationError('the id "sandbox" is reserved', 'id');
      if (clientSecret !== undefined && clientSecret !== '') await world.keychain.set(clientSecretKey(settings.id), clientSecret);
      profiles.put(settings, now().toISOString());
      return settings;
    },
    close: () => db.close(),
  };
}
