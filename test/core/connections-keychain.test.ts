import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { refreshTokenKey } from '../../core/auth/token-manager.js';
import { BankError } from '../../core/errors.js';
import { onConsentDelete } from '../helpers/bank-path.js';
import { psuPort } from '../helpers/core-world.js';
import { lifecycleWorld, type LifecycleWorld } from '../helpers/lifecycle-world.js';

const PSU_IP = '192.0.2.10';
const DAY = 86_400_000;

describe('the keychain after renew, status and remove', () => {
  let bankTime = Date.now();
  let w: LifecycleWorld;
  // Access tokens outlive the consent, so a read past validUntil meets CONSENT_EXPIRED, not TOKEN_EXPIRED.
  beforeAll(async () => { w = await lifecycleWorld({ sandbox: { now: () => new Date(bankTime), tokenTtl: 400 * 86_400 } }); });
  afterAll(async () => { await w.close(); });
  afterEach(() => { w.path.route = undefined; });

  const connect = (user = 'demo') =>
    w.core.connections.connect({ profileId: 'sandbox', label: user, port: psuPort({ user, decision: 'allow' }), psuIpAddress: PSU_IP });
  const renew = (id: string) => w.core.connections.renew(id, psuPort({ user: 'demo', decision: 'allow' }), PSU_IP);
  const deletesOf = (consentId: string) => w.path.events.filter((e) => e.method === 'DELETE' && e.path.endsWith(`/consents/${consentId}`));
  const token = (id: string) => w.keychain.get(refreshTokenKey(id));

  it('renew: the old connection’s refresh token is gone, the new one’s is there', async () => {
    const old = await connect();
    const fresh = await renew(old.id);
    expect(await token(old.id)).toBeUndefined();
    expect(await token(fresh.id)).toBeDefined();
  });

  it('renew of a revoked connection: nothing more is sent for the old consent', async () => {
    const old = await connect();
    await w.core.connections.revoke(old.id);
    await renew(old.id);
    expect(deletesOf(old.consentId)).toHaveLength(1);
    expect(await token(old.id)).toBeUndefined();
  });

  it('renew of a connection a read found expired: its refresh token goes too, no DELETE of the expired consent', async () => {
    const old = await connect();
    bankTime += 200 * DAY;
    try {
      await expect(w.core.connections.accounts(old.id, {})).rejects.toSatisfy((e) => e instanceof BankError && e.code === 'CONSENT_EXPIRED');
      expect(w.core.connections.get(old.id).consentStatus).toBe('expired');
      expect(await token(old.id)).toBeDefined();
      await renew(old.id);
      expect(await token(old.id)).toBeUndefined();
      expect(deletesOf(old.consentId)).toHaveLength(0);
    } finally {
      bankTime -= 200 * DAY;
    }
  });

  it('status: a consent the bank reports revoked loses its refresh token', async () => {
    const c = await connect();
    await fetch(`${w.bank.origin}/sandbox/consents/${c.consentId}/revoke`, { method: 'POST' });
    expect((await w.core.connections.refreshStatus(c.id)).status).toBe('revoked');
    expect(await token(c.id)).toBeUndefined();
  });

  it('a pending old consent past its validUntil is over without asking the bank', async () => {
    const old = await connect();
    w.path.route = onConsentDelete({ kind: 'drop' }, old.consentId);
    await renew(old.id);
    w.path.route = undefined;
    w.clock.advance(200 * DAY);
    try {
      expect(await w.core.connections.retryPendingTerminations()).toEqual({ ended: 1, pending: 0 });
      expect(deletesOf(old.consentId)).toHaveLength(1);
    } finally {
      w.clock.advance(-200 * DAY);
    }
  });

  it('remove, after all of the above: no refresh token of any connection is left in the keychain', async () => {
    for (const c of w.core.connections.list()) await w.core.connections.remove(c.id);
    const left: string[] = [];
    for (const account of w.keychain.written) if (account.startsWith('refresh:') && (await w.keychain.get(account)) !== undefined) left.push(account);
    expect(left).toEqual([]);
    expect(w.core.db.prepare('SELECT count(*) AS n FROM connections').get()).toEqual({ n: 0 });
  });
});
