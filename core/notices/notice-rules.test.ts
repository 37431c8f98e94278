import { describe, expect, it } from 'vitest';
import type { Connection, SyncSummary } from '../../common/index.js';
import { consentNotices, syncNotice } from './notice-rules.js';

const connection = (over: Partial<Connection>): Connection => ({
  id: 'c1', profileId: 'sandbox', label: 'Personal', consentId: 'k1', consentStatus: 'valid', status: 'active',
  validUntil: '2027-06-30', daysLeft: 90, createdAt: '2027-01-01T00:00:00Z', accounts: [], ...over,
});
const summary = (over: Partial<SyncSummary>): SyncSummary => ({
  runId: 7, trigger: 'schedule', startedAt: '2027-01-14T06:00:00Z', finishedAt: '2027-01-14T06:00:05Z', outcome: 'ok',
  accounts: [], skippedConnections: [], requests: 4, stored: 3, ...over,
});

describe('consentNotices', () => {
  it('tells of a consent ending within 14 days once a day, and of an ended one once', () => {
    const expiring = connection({ id: 'c1', status: 'expiring', validUntil: '2027-01-20', daysLeft: 6 });
    const expired = connection({ id: 'c2', label: 'Maria', status: 'expired', consentStatus: 'expired', validUntil: '2027-01-10', daysLeft: -4 });
    const first = consentNotices([expiring, expired, connection({ id: 'c3' })], '2027-01-14', new Map());
    expect(first.notices).toEqual([
      { kind: 'consent-expiring', params: { connectionId: 'c1', label: 'Personal', validUntil: '2027-01-20', daysLeft: 6 } },
      { kind: 'consent-expired', params: { connectionId: 'c2', label: 'Maria', validUntil: '2027-01-10' } },
    ]);
    const sent = new Map(first.sent);
    expect(consentNotices([expiring, expired], '2027-01-14', sent).notices).toEqual([]);
    const nextDay = consentNotices([{ ...expiring, daysLeft: 5 }, expired], '2027-01-15', sent);
    expect(nextDay.notices).toEqual([{ kind: 'consent-expiring', params: { connectionId: 'c1', label: 'Personal', validUntil: '2027-01-20', daysLeft: 5 } }]);
  });

  it('stays quiet about consents the person cannot renew or has let go: revoked, rejected, authorising, needing a sign-in', () => {
    const quiet = (['revoked', 'rejected', 'authorizing', 'reauth-required', 'active'] as const).map((status, i) => connection({ id: `q${i}`, status, daysLeft: 3 }));
    expect(consentNotices(quiet, '2027-01-14', new Map())).toEqual({ notices: [], sent: [] });
  });

  it('tells of an expired consent without a validUntil', () => {
    const { notices } = consentNotices([connection({ status: 'expired', consentStatus: 'expired', validUntil: undefined, daysLeft: undefined })], '2027-01-14', new Map());
    expect(notices).toEqual([{ kind: 'consent-expired', params: { connectionId: 'c1', label: 'Personal', validUntil: null } }]);
  });
});

describe('syncNotice', () => {
  it('tells of new transactions a run the app started stored, with their count', () => {
    expect(syncNotice(summary({ trigger: 'schedule', stored: 3 }))).toEqual({ kind: 'new-transactions', params: { count: 3, runId: 7 } });
    expect(syncNotice(summary({ trigger: 'startup', stored: 1, outcome: 'partial' }))).toEqual({ kind: 'new-transactions', params: { count: 1, runId: 7 } });
  });

  it('stays quiet when the person started the run (they are looking) or nothing new came', () => {
    expect(syncNotice(summary({ trigger: 'person', stored: 12 }))).toBeUndefined();
    expect(syncNotice(summary({ trigger: 'schedule', stored: 0 }))).toBeUndefined();
  });
});
