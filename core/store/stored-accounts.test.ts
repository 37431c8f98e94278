import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toConnection } from '../connections/connection-status.js';
import { EUR, grant, RON, storedHistory, type StoredHistory } from '../../test/helpers/stored-history.js';
import { storedAccountsView } from './stored-accounts.js';
import { AccountSyncStore } from './sync-state.js';

let h: StoredHistory;
beforeEach(() => {
  h = storedHistory();
});
afterEach(() => h.close());

/** The live connections as ConnectionService.list() gives them. */
const live = () => h.connections.list().filter((c) => c.replacedBy === undefined).map((c) => toConnection(c, h.connections.grants(c.id), '2027-03-10'));

describe('storedAccountsView', () => {
  it('lists the accounts of every live connection with their newest balance of each type and their last sync', () => {
    h.connect('c1', [grant(RON), grant(EUR)]);
    h.sync(RON, [], { balances: [{ type: 'closingBooked', amount: { amount: '1', currency: 'RON' }, referenceDate: '2027-03-01' }], now: '2027-03-01T08:00:00.000Z' });
    h.sync(RON, [], { balances: [{ type: 'closingBooked', amount: { amount: '90071992547.409921', currency: 'RON' }, referenceDate: '2027-03-09' }, { type: 'interimAvailable', amount: { amount: '2', currency: 'RON' } }] });
    const view = storedAccountsView(h.db, live());
    expect(view.accounts).toEqual([
      {
        id: EUR, connectionId: 'c1', kind: 'account', resourceId: 'res-0001', iban: 'RO49CECE1B31007593840001', currency: 'EUR', product: 'Cont curent',
        balances: [], readable: true,
      },
      {
        id: RON, connectionId: 'c1', kind: 'account', resourceId: 'res-0000', iban: 'RO49CECE1B31007593840000', currency: 'RON', product: 'Cont curent',
        balances: [
          { type: 'closingBooked', amount: { amount: '90071992547.409921', currency: 'RON' }, referenceDate: '2027-03-09' },
          { type: 'interimAvailable', amount: { amount: '2', currency: 'RON' }, referenceDate: '2027-03-10' },
        ],
        readable: true, syncedAt: '2027-03-10T08:00:00.000Z',
      },
    ]);
    // EUR never synced: the list as a whole is not "synced at" any time yet.
    expect(view.syncedAt).toBeUndefined();
    h.sync(EUR, [], { now: '2027-03-10T09:00:00.000Z' });
    expect(storedAccountsView(h.db, live()).syncedAt).toBe('2027-03-10T08:00:00.000Z');
  });

  it('keeps the accounts of an expired or revoked consent, with their data, marked unreadable', () => {
    h.connect('old', [grant(RON)], { consentStatus: 'expired' });
    h.sync(RON, [], { balances: [{ type: 'closingBooked', amount: { amount: '7', currency: 'RON' } }] });
    expect(storedAccountsView(h.db, live()).accounts).toEqual([expect.objectContaining({ id: RON, connectionId: 'old', readable: false, balances: [expect.objectContaining({ type: 'closingBooked' })] })]);
  });

  it('shows a renewed connection’s accounts once, under the new consent', () => {
    h.connect('new', [grant(RON, { resourceId: 'fresh' })]);
    h.connect('old', [grant(RON)], { replacedBy: 'new' });
    expect(storedAccountsView(h.db, live()).accounts.map((a) => `${a.connectionId}:${a.resourceId}`)).toEqual(['new:fresh']);
  });

  it('reports the newest failed sync of a connection’s accounts as its failure, and the accounts still show', () => {
    h.connect('c1', [grant(RON), grant(EUR)]);
    const sync = new AccountSyncStore(h.db);
    sync.failed(RON, 'offline', 'the bank could not be reached', '2027-03-10T08:00:00.000Z');
    sync.failed(EUR, 'consent-expired', 'the consent has expired', '2027-03-10T09:00:00.000Z');
    const view = storedAccountsView(h.db, live());
    expect(view.failures).toEqual([{
      connectionId: 'c1', state: 'consent-expired',
      error: { code: 'SYNC_FAILED', state: 'consent-expired', message: 'the consent has expired', retryable: false },
    }]);
    expect(view.accounts).toHaveLength(2);
    h.sync(EUR, []);
    expect(storedAccountsView(h.db, live()).failures).toEqual([expect.objectContaining({ state: 'offline', error: expect.objectContaining({ retryable: true }) })]);
  });
});
