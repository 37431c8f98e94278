import type { ProfileView } from '../../../common/contract.js';
import type { Connection } from '../../../common/domain.js';
import type { AppError, Result } from '../../../common/result.js';
import { dropTransactionsOf } from './transactions-slice.js';
import type { AppState, SliceCreator } from './types.js';
import { tracked } from './ui-slice.js';

export interface ConnectionsSlice {
  profiles: ProfileView[];
  connections: Connection[];
  connectionsLoaded: boolean;
  loadProfiles(): Promise<void>;
  loadConnections(): Promise<void>;
  /** Replaces the list with the host's (from `connections:changed`) and drops what belonged to connections now gone. */
  applyConnections(connections: Connection[]): void;
  /** Starts the bank's authorisation; in browser mode call it straight from the click handler. */
  connect(profileId: string, label: string): Promise<boolean>;
  renew(connectionId: string): Promise<boolean>;
  revoke(connectionId: string): Promise<boolean>;
  remove(connectionId: string): Promise<boolean>;
  refreshStatus(connectionId: string): Promise<boolean>;
  cancelAuthorization(): Promise<void>;
}

const upsert = (list: Connection[], c: Connection): Connection[] =>
  list.some((x) => x.id === c.id) ? list.map((x) => (x.id === c.id ? c : x)) : [...list, c];

/** The popup could not open: the person must allow popups for the page. */
const POPUP_BLOCKED: AppError = { code: 'POPUP_BLOCKED', state: 'popup-blocked', message: 'the browser blocked the bank’s window', retryable: false };

export const createConnectionsSlice: SliceCreator<ConnectionsSlice> = ({ bridge, authPopup }) => (set, get) => {
  /** Keeps what the host said about one connection, then lets the rest of the store follow. */
  const applyOne = (result: Result<Connection>) => {
    if (result.ok) get().applyConnections(upsert(get().connections, result.value));
    return result.ok;
  };

  /** connect and renew: the bank's page, then accounts for the new consent. */
  const authorize = (call: () => Promise<Result<Connection>>): Promise<boolean> => {
    // Before any await: the popup must open within the click that started this. In
    // system-browser mode the host opens the bank's page itself; a popup would stay blank.
    const wantsPopup = get().settings?.authorizationMode !== 'system-browser';
    const popup = wantsPopup ? authPopup?.begin(() => void get().cancelAuthorization()) : undefined;
    if (popup === null) {
      set({ lastError: POPUP_BLOCKED });
      return Promise.resolve(false);
    }
    return tracked(set, 'authorize', call).then((result) => {
      popup?.end();
      const ok = applyOne(result);
      if (ok) void get().loadAccounts();
      return ok;
    });
  };

  const perConnection = (connectionId: string, call: () => Promise<Result<Connection>>) =>
    tracked(set, `connection:${connectionId}`, call).then(applyOne);

  return {
    profiles: [],
    connections: [],
    connectionsLoaded: false,

    async loadProfiles() {
      const result = await tracked(set, 'profiles', () => bridge.invoke('profiles:list', {}));
      if (result.ok) set({ profiles: result.value });
    },
    async loadConnections() {
      const result = await tracked(set, 'connections', () => bridge.invoke('connections:list', {}));
      if (result.ok) {
        get().applyConnections(result.value);
        set({ connectionsLoaded: true });
      }
    },
    applyConnections(connections) {
      // A consent that ended leaves its accounts' stored history readable: only a connection
      // that is gone takes its accounts and lists with it.
      const known = new Set(connections.map((c) => c.id));
      set((s: AppState) => ({
        connections,
        accounts: s.accounts.filter((a) => known.has(a.connectionId)),
        accountFailures: s.accountFailures.filter((f) => known.has(f.connectionId)),
        accountsSkipped: s.accountsSkipped.filter((k) => known.has(k.connectionId)),
        ...dropTransactionsOf(s, (id) => !known.has(id)),
      }));
    },
    connect: (profileId, label) => authorize(() => bridge.invoke('connections:connect', { profileId, label })),
    renew: (connectionId) => authorize(() => bridge.invoke('connections:renew', { connectionId })),
    revoke: (connectionId) => perConnection(connectionId, () => bridge.invoke('connections:revoke', { connectionId })),
    refreshStatus: (connectionId) => perConnection(connectionId, () => bridge.invoke('connections:refresh-status', { connectionId })),
    async remove(connectionId) {
      const result = await tracked(set, `connection:${connectionId}`, () => bridge.invoke('connections:remove', { connectionId }));
      if (result.ok) get().applyConnections(get().connections.filter((c) => c.id !== connectionId));
      return result.ok;
    },
    async cancelAuthorization() {
      // Quiet: "nothing to cancel" is not news to the person who closed a window.
      await tracked(set, 'connections', () => bridge.invoke('connections:cancel-authorization', {}), { quiet: true });
    },
  };
};
