import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../common/index.js';
import { refreshTokenKey } from '../../core/auth/token-manager.js';
import { ValidationError } from '../../core/errors.js';
import { onConsentDelete } from '../helpers/bank-path.js';
import { psuPort } from '../helpers/core-world.js';
import { lifecycleWorld, type LifecycleWorld } from '../helpers/lifecycle-world.js';

const PSU_IP = '192.0.2.10';
const DAY = 86_400_000;

const connect = (w: LifecycleWorld, user = 'demo') =>
  w.core.connections.connect({ profileId: 'sandbox', label: user, port: psuPort({ user, decision: 'allow' }), psuIpAddress: PSU_IP });
const renew = (w: LifecycleWorld, c: Connection, user = 'demo') =>
  w.core.connections.renew(c.id, psuPort({ user, decision: 'allow' }), PSU_IP);

/** Everything the app still holds of a connection: its row, its grants, its refresh token. */
async function leftOf(w: LifecycleWorld, id: string) {
  return {
    row: w.core.db.prepare('SELECT id FROM connections WHERE id = ?').get(id),
    grants: (w.core.db.prepare('SELECT count(*) AS n FROM connection_accounts WHERE connection_id = ?').get(id) as { n: number }).n,
    refreshToken: await w.keychain.get(refreshTokenKey(id)),
  };
}
const nothing = { row: undefined, grants: 0, refreshToken: undefined };
const pendingConsents = (w: LifecycleWorld) =>
  (w.core.db.prepare('SELECT consent_id FROM pending_terminations ORDER BY consent_id').all() as { consent_id: string }[]).map((r) => r.consent_id);

describe('remove', () => {
  let bankTime = Date.now();
  let w: LifecycleWorld;
  beforeAll(async () => { w = await lifecycleWorld({ sandbox: { now: () => new Date(bankTime) } }); });
  afterAll(async () => { await w.close(); });
  afterEach(() => { w.path.route = undefined; });

  it('removes a valid connection: the bank ends its consent, nothing of it stays here', async () => {
    const c = await connect(w);
    expect((await leftOf(w, c.id)).refreshToken).toBeDefined();
    await w.core.connections.remove(c.id);
    expect(await w.bankStatus(c.consentId)).toBe('terminatedByTpp');
    expect(await leftOf(w, c.id)).toEqual(nothing);
    expect(w.core.connections.list().map((x) => x.id)).not.toContain(c.id);
    expect(pendingConsents(w)).toEqual([]);
  });

  it('removes a revoked connection without asking the bank again', async () => {
    const c = await connect(w);
    await w.core.connections.revoke(c.id);
    const deletes = w.path.events.filter((e) => e.method === 'DELETE').length;
    await w.core.connections.remove(c.id);
    expect(w.path.events.filter((e) => e.method === 'DELETE').length).toBe(deletes);
    expect(await leftOf(w, c.id)).toEqual(nothing);
  });

  it('removes a connection the PSU revoked at the bank that we still took for valid', async () => {
    const c = await connect(w);
    await fetch(`${w.bank.origin}/sandbox/consents/${c.consentId}/revoke`, { method: 'POST' });
    await w.core.connections.remove(c.id);
    expect(await w.bankStatus(c.consentId)).toBe('revokedByPsu');
    expect(await leftOf(w, c.id)).toEqual(nothing);
    expect(pendingConsents(w)).toEqual([]);
  });

  it('removes an expired connection', async () => {
    const c = await connect(w);
    bankTime += 200 * DAY;
    w.clock.advance(200 * DAY);
    try {
      expect(w.core.connections.get(c.id).status).toBe('expired');
      await w.core.connections.remove(c.id);
      expect(await leftOf(w, c.id)).toEqual(nothing);
      expect(pendingConsents(w)).toEqual([]);
    } finally {
      bankTime -= 200 * DAY;
      w.clock.advance(-200 * DAY);
    }
  });

  it('removes a renewed connection with the history of its renewals, every consent of the chain ended', async () => {
    const first = await connect(w, 'demo2');
    const second = await renew(w, first, 'demo2');
    const third = await renew(w, second, 'demo2');
    await w.core.connections.remove(third.id);
    for (const c of [first, second, third]) {
      expect(await leftOf(w, c.id)).toEqual(nothing);
      expect(await w.bankStatus(c.consentId)).toBe('terminatedByTpp');
    }
    const accounts = w.core.db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number };
    expect(accounts.n).toBeGreaterThan(0); // the app's accounts stay: they are keyed by IBAN, not by consent
  });

  it('removes a connection while the bank cannot be reached: gone here at once, its consent ended once the bank answers', async () => {
    const c = await connect(w);
    w.path.route = onConsentDelete({ kind: 'drop' });
    await w.core.connections.remove(c.id);
    expect(await leftOf(w, c.id)).toEqual(nothing);
    expect(await w.bankStatus(c.consentId)).toBe('valid');
    expect(pendingConsents(w)).toEqual([c.consentId]);
    expect(w.log.find((l) => l.msg.includes('could not end') && l['consentId'] === c.consentId)).toMatchObject({ level: 40 });

    w.path.route = undefined;
    w.clock.advance(10 * 60_000);
    expect(await w.core.connections.retryPendingTerminations()).toEqual({ ended: 1, pending: 0 });
    expect(await w.bankStatus(c.consentId)).toBe('terminatedByTpp');
    expect(pendingConsents(w)).toEqual([]);
  });

  it('refuses an unknown connection id', async () => {
    await expect(w.core.connections.remove('no-such-connection')).rejects.toBeInstanceOf(ValidationError);
  });
});
