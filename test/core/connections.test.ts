import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthorizationCancelledError, BankError, ReauthRequiredError, toUiState } from '../../core/errors.js';
import { refreshTokenKey } from '../../core/auth/token-manager.js';
import { sandboxSecretKey } from '../../core/profiles/profile-secrets.js';
import { RegistrationStore } from '../../core/store/registrations.js';
import { call } from '../helpers/http.js';
import { playPsu } from '../../sandbox/demo-psu.js';
import { coreWorld, psuPort, type CoreWorldForTest } from '../helpers/core-world.js';

const PSU_IP = '192.0.2.10';
const connectAs = (w: CoreWorldForTest, user: string, label = user) =>
  w.core.connections.connect({ profileId: 'sandbox', label, port: psuPort({ user, decision: 'allow' }), psuIpAddress: PSU_IP });

/** A world's sandbox enrolment's keychain entry: the secret is filed under its client id. */
const sandboxKey = (w: CoreWorldForTest) => sandboxSecretKey('sandbox', new RegistrationStore(w.core.db).get('sandbox')?.clientId ?? '');

describe('connect', () => {
  let w: CoreWorldForTest;
  beforeAll(async () => { w = await coreWorld(); });
  afterAll(async () => { await w.close(); });

  it('enrols the app in the sandbox on first use and keeps the client secret in the keychain only', async () => {
    const c = await connectAs(w, 'demo');
    expect(c.status).toBe('active');
    const secret = await w.keychain.get(sandboxKey(w));
    expect(secret).toMatch(/^\S{20,}$/);
    const row = w.core.db.prepare('SELECT * FROM bank_registrations').get() as Record<string, string>;
    expect(Object.values(row).join(' ')).not.toContain(secret as string);
  });

  it('records what the PSU granted, learned from the bank, and the consent’s validUntil', async () => {
    const c = await w.core.connections.connect({
      profileId: 'sandbox', label: 'partial', psuIpAddress: PSU_IP,
      port: {
        async open(url, session) {
          const { playPsu } = await import('../../sandbox/demo-psu.js');
          const accounts = (await call<{ psus: { userId: string; accounts: { iban: string; kind: string }[] }[] }>(`${w.bankOrigin}/sandbox/psus`))
            .body.psus.find((p) => p.userId === 'demo')!.accounts.filter((a) => a.kind === 'current').map((a) => a.iban);
          const [ron, eur] = accounts as [string, string];
          session.handleRedirect((await playPsu(url, { user: 'demo', decision: 'allow', ticks: { accounts: [ron, eur], balances: [ron], transactions: [eur] } })).toString());
        },
      },
    });
    expect(c.accounts).toHaveLength(2);
    const byCurrency = Object.fromEntries(c.accounts.map((a) => [a.currency, a]));
    expect(byCurrency['RON']).toMatchObject({ balances: true, transactions: false });
    expect(byCurrency['EUR']).toMatchObject({ balances: false, transactions: true });
    expect(c.validUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(c.daysLeft).toBe(179);
  });

  it('lists connections of demo and demo2 together, each with its own accounts and balances', async () => {
    const a = await connectAs(w, 'demo', 'Ion');
    const b = await connectAs(w, 'demo2', 'Maria');
    const ids = w.core.connections.list().map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
    const { accounts: ionAccounts } = await w.core.connections.accounts(a.id, {});
    const { accounts: mariaAccounts } = await w.core.connections.accounts(b.id, {});
    expect(ionAccounts.map((x) => x.kind).sort()).toEqual(['account', 'account', 'account', 'card']);
    expect(mariaAccounts).toHaveLength(4);
    const shared = ionAccounts.filter((x) => mariaAccounts.some((y) => y.id === x.id));
    expect(shared).toEqual([]);
    for (const account of [...ionAccounts, ...mariaAccounts]) {
      const booked = account.balances.find((bal) => bal.type === 'closingBooked');
      expect(booked?.amount.currency).toBe(account.currency);
      expect(booked?.amount.amount).toMatch(/^-?\d+(\.\d{1,2})?$/);
    }
  });

  it('keeps two consents of one PSU as two connections over the same app accounts', async () => {
    const first = await connectAs(w, 'demo2', 'one');
    const second = await connectAs(w, 'demo2', 'two');
    expect(first.consentId).not.toBe(second.consentId);
    expect(first.accounts.map((a) => a.accountId).sort()).toEqual(second.accounts.map((a) => a.accountId).sort());
  });

  it('stores nothing when the PSU refuses on the consent page', async () => {
    const before = w.core.connections.list().length;
    const refused = w.core.connections.connect({ profileId: 'sandbox', label: 'no', port: psuPort({ user: 'demo', decision: 'deny' }), psuIpAddress: PSU_IP });
    await expect(refused).rejects.toBeInstanceOf(AuthorizationCancelledError);
    await refused.catch((e) => expect(toUiState(e)).toBe('sca-cancelled'));
    expect(w.core.connections.list()).toHaveLength(before);
  });

  it('refuses a redirect whose state is not ours without ending the flow; the real one still connects', async () => {
    let refused = 0;
    const c = await w.core.connections.connect({
      profileId: 'sandbox', label: 'forged-first', psuIpAddress: PSU_IP,
      port: {
        async open(url, session) {
          const back = await playPsu(url, { user: 'demo', decision: 'allow' });
          const forged = new URL(back);
          forged.searchParams.set('state', 'forged');
          forged.searchParams.set('code', 'attacker-code');
          expect(session.handleRedirect(forged.toString())).toMatchObject({ ours: true });
          expect(session.isSettled).toBe(false);
          refused = session.rejectedRedirects;
          expect(session.handleRedirect(back.toString())).toMatchObject({ ours: true });
        },
      },
    });
    expect(refused).toBe(1);
    expect(c.status).toBe('active');
  });
});

describe('revoke and renew', () => {
  let w: CoreWorldForTest;
  beforeAll(async () => { w = await coreWorld(); });
  afterAll(async () => { await w.close(); });

  it('revokes: DELETE at the bank, refresh token gone from the keychain, status revoked', async () => {
    const c = await connectAs(w, 'demo');
    expect(await w.keychain.get(refreshTokenKey(c.id))).toBeDefined();
    const revoked = await w.core.connections.revoke(c.id);
    expect(revoked.status).toBe('revoked');
    expect(revoked.consentStatus).toBe('terminatedByTpp');
    expect(await w.keychain.get(refreshTokenKey(c.id))).toBeUndefined();
    const status = await w.core.connections.refreshStatus(c.id);
    expect(status.consentStatus).toBe('terminatedByTpp');
  });

  it('renews with a new consent whose accounts re-link by IBAN and currency, and ends the old one', async () => {
    const old = await connectAs(w, 'demo2');
    const renewed = await w.core.connections.renew(old.id, psuPort({ user: 'demo2', decision: 'allow' }), PSU_IP);
    expect(renewed.consentId).not.toBe(old.consentId);
    expect(renewed.accounts.map((a) => a.accountId).sort()).toEqual(old.accounts.map((a) => a.accountId).sort());
    expect(w.core.connections.list().map((c) => c.id)).not.toContain(old.id);
    const replaced = w.core.db.prepare('SELECT replaced_by, consent_status FROM connections WHERE id = ?').get(old.id) as Record<string, string>;
    expect(replaced).toEqual({ replaced_by: renewed.id, consent_status: 'terminatedByTpp' });
    const { accounts } = await w.core.connections.accounts(renewed.id, {});
    expect(accounts.map((a) => a.id).sort()).toEqual(old.accounts.map((a) => a.accountId).sort());
  });

  it('learns that the PSU revoked the consent at the bank and asks for a new authorisation', async () => {
    const c = await connectAs(w, 'demo');
    const res = await fetch(`${w.bankOrigin}/sandbox/consents/${c.consentId}/revoke`, { method: 'POST' });
    expect(res.status).toBe(204);
    const read = w.core.connections.accounts(c.id, {});
    await expect(read).rejects.toBeInstanceOf(BankError);
    await read.catch((e: BankError) => {
      expect(e.code).toBe('CONSENT_INVALID');
      expect(toUiState(e)).toBe('reauth-required');
    });
    expect(w.core.connections.get(c.id).status).toBe('revoked');
  });
});

describe('tokens', () => {
  let bankTime = Date.parse('2027-01-14T08:00:00Z');
  let appTime = bankTime;
  let w: CoreWorldForTest;
  beforeAll(async () => {
    w = await coreWorld({ sandbox: { now: () => new Date(bankTime), tokenTtl: 600 }, now: () => new Date(appTime) });
  });
  afterAll(async () => { await w.close(); });

  it('refreshes once on 401 TOKEN_EXPIRED in mid-use and the read succeeds', async () => {
    const c = await connectAs(w, 'demo');
    bankTime += 601_000; // the bank sees the token expired; the app still believes it fresh
    const { accounts } = await w.core.connections.accounts(c.id, {});
    expect(accounts).toHaveLength(4);
  });

  it('refreshes ahead of expiry by its own clock', async () => {
    const c = await connectAs(w, 'demo2');
    bankTime += 700_000;
    appTime = bankTime;
    expect((await w.core.connections.accounts(c.id, {})).accounts).toHaveLength(4);
  });

  it('marks the connection reauth-required when the refresh token is refused', async () => {
    const c = await connectAs(w, 'demo');
    await fetch(`${w.bankOrigin}/sandbox/consents/${c.consentId}/revoke`, { method: 'POST' });
    bankTime += 700_000;
    appTime = bankTime;
    const read = w.core.connections.accounts(c.id, {});
    await expect(read).rejects.toBeInstanceOf(ReauthRequiredError);
    await read.catch((e) => expect(toUiState(e)).toBe('reauth-required'));
  });

  it('reads a refused client secret on refresh as misconfigured, leaving the connection as it is', async () => {
    const c = await connectAs(w, 'demo');
    const secret = await w.keychain.get(sandboxKey(w));
    await w.keychain.set(sandboxKey(w), 'not-the-secret');
    bankTime += 700_000;
    appTime = bankTime;
    try {
      const read = await w.core.connections.accounts(c.id, {}).then(() => undefined, (e: unknown) => e);
      expect(read).toMatchObject({ error: 'invalid_client' });
      expect(toUiState(read)).toBe('misconfigured');
      expect(w.core.connections.get(c.id).status).toBe('active');
    } finally {
      await w.keychain.set(sandboxKey(w), secret as string);
    }
  });

  it('warns from 14 days before validUntil', async () => {
    const c = await connectAs(w, 'demo2');
    const until = Date.parse(`${c.validUntil as string}T12:00:00Z`);
    appTime = until - 15 * 86_400_000;
    expect(w.core.connections.get(c.id).status).toBe('active');
    appTime = until - 14 * 86_400_000;
    expect(w.core.connections.get(c.id).status).toBe('expiring');
    expect(w.core.connections.expiring().map((x) => x.id)).toContain(c.id);
    appTime = until + 86_400_000;
    expect(w.core.connections.get(c.id).status).toBe('expired');
  });
});
