import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Connection } from '../../common/index.js';
import type { AuthorizationPort } from '../../core/auth/authorization-session.js';
import { refreshTokenKey } from '../../core/auth/token-manager.js';
import { AuthorizationCancelledError, BankError } from '../../core/errors.js';
import { playPsu } from '../../sandbox/demo-psu.js';
import { onConsentDelete, type PathAction } from '../helpers/bank-path.js';
import { psuPort } from '../helpers/core-world.js';
import { lifecycleWorld, type LifecycleWorld } from '../helpers/lifecycle-world.js';

const PSU_IP = '192.0.2.10';
/** Past the first retry's back-off. */
const LATER = 10 * 60_000;

const connect = (w: LifecycleWorld, user = 'demo') =>
  w.core.connections.connect({ profileId: 'sandbox', label: user, port: psuPort({ user, decision: 'allow' }), psuIpAddress: PSU_IP });
const renew = (w: LifecycleWorld, c: Connection) => w.core.connections.renew(c.id, psuPort({ user: 'demo', decision: 'allow' }), PSU_IP);

interface PendingRow { consent_id: string; connection_id: string | null; reason: string; attempts: number; last_error: string | null }
const pending = (w: LifecycleWorld) => w.core.db.prepare('SELECT * FROM pending_terminations ORDER BY created_at, consent_id').all() as PendingRow[];
const deletesOf = (w: LifecycleWorld, consentId: string) =>
  w.path.events.filter((e) => e.method === 'DELETE' && e.path.endsWith(`/consents/${consentId}`)).map((e) => e.outcome);
const warnings = (w: LifecycleWorld, consentId: string) => w.log.filter((l) => l.level === 40 && l['consentId'] === consentId);

describe.each([
  { fault: '500 from the sandbox’s fault injection', seed: 11, outcome: 500 },
  { fault: '503 from the sandbox’s fault injection', seed: 9, outcome: 503 },
  { fault: 'a connection the sandbox’s fault injection drops', seed: 6, outcome: 'dropped' },
])('a renewal whose old consent cannot be ended: $fault', ({ seed, outcome }) => {
  let w: LifecycleWorld;
  beforeAll(async () => { w = await lifecycleWorld({ faultySeed: seed }); });
  afterAll(async () => { await w.close(); });

  it('succeeds, forgets the old tokens at once, keeps the old consent pending, and a later retry ends it', async () => {
    const old = await connect(w);
    w.path.route = onConsentDelete({ kind: 'forward-to', origin: w.faulty.origin }, old.consentId);
    const fresh = await renew(w, old);

    expect(deletesOf(w, old.consentId)).toEqual([outcome]);
    expect(fresh.status).toBe('active');
    expect(w.core.connections.list().map((c) => c.id)).toEqual([fresh.id]);
    expect(await w.keychain.get(refreshTokenKey(old.id))).toBeUndefined();
    expect(await w.keychain.get(refreshTokenKey(fresh.id))).toBeDefined();
    expect(await w.bankStatus(old.consentId)).toBe('valid');
    expect(pending(w)).toMatchObject([{ consent_id: old.consentId, connection_id: old.id, reason: 'renewed', attempts: 1 }]);
    expect(warnings(w, old.consentId)).toHaveLength(1);

    // Not due yet: a retry right away sends nothing.
    w.path.route = undefined;
    expect(await w.core.connections.retryPendingTerminations()).toEqual({ ended: 0, pending: 1 });
    expect(deletesOf(w, old.consentId)).toHaveLength(1);

    w.clock.advance(LATER);
    expect(await w.core.connections.retryPendingTerminations()).toEqual({ ended: 1, pending: 0 });
    expect(deletesOf(w, old.consentId)).toEqual([outcome, 204]);
    expect(await w.bankStatus(old.consentId)).toBe('terminatedByTpp');
    expect(pending(w)).toEqual([]);
    const oldRow = w.core.db.prepare('SELECT replaced_by, consent_status FROM connections WHERE id = ?').get(old.id);
    expect(oldRow).toEqual({ replaced_by: fresh.id, consent_status: 'terminatedByTpp' });
  });
});

describe('when pending terminations are retried', () => {
  let w: LifecycleWorld;
  beforeAll(async () => { w = await lifecycleWorld(); });
  afterAll(async () => { await w.close(); });
  afterEach(() => { w.path.route = undefined; });

  /** A renewal whose old consent's DELETE is cut: the old consent stays pending. */
  async function renewedWithPending(): Promise<{ old: Connection; fresh: Connection }> {
    const old = await connect(w);
    w.path.route = onConsentDelete({ kind: 'drop' }, old.consentId);
    const fresh = await renew(w, old);
    w.path.route = undefined;
    expect(pending(w).map((p) => p.consent_id)).toContain(old.consentId);
    return { old, fresh };
  }
  const ended = async (consentId: string) => {
    await vi.waitFor(async () => expect(await w.bankStatus(consentId)).toBe('terminatedByTpp'), { timeout: 5000 });
    await vi.waitFor(() => expect(pending(w).map((p) => p.consent_id)).not.toContain(consentId));
  };

  it('at start-up', async () => {
    const { old } = await renewedWithPending();
    w.clock.advance(LATER);
    w.restart();
    await ended(old.consentId);
  });

  it('when the connections are listed', async () => {
    const { old } = await renewedWithPending();
    w.clock.advance(LATER);
    w.core.connections.list();
    await ended(old.consentId);
  });

  it('before a read of the bank', async () => {
    const { old, fresh } = await renewedWithPending();
    w.clock.advance(LATER);
    await w.core.connections.accounts(fresh.id, {});
    await ended(old.consentId);
  });

  it('with a growing back-off while the bank keeps failing, and nothing sent when nothing is due', async () => {
    const { old } = await renewedWithPending();
    w.path.route = onConsentDelete({ kind: 'answer', status: 503, body: { tppMessages: [{ category: 'ERROR', code: 'SERVICE_UNAVAILABLE' }] } }, old.consentId);
    const before = w.path.events.length;
    expect(await w.core.connections.retryPendingTerminations()).toEqual({ ended: 0, pending: 1 });
    expect(w.path.events.length).toBe(before);
    w.clock.advance(LATER);
    await w.core.connections.retryPendingTerminations();
    w.clock.advance(LATER);
    await w.core.connections.retryPendingTerminations();
    expect(pending(w)).toMatchObject([{ consent_id: old.consentId, attempts: 3, last_error: 'SERVICE_UNAVAILABLE' }]);
    const due = w.core.db.prepare('SELECT next_attempt_at FROM pending_terminations WHERE consent_id = ?').get(old.consentId) as { next_attempt_at: string };
    expect(Date.parse(due.next_attempt_at) - w.clock.now().getTime()).toBeGreaterThan(LATER);
    w.path.route = undefined;
    w.clock.advance(24 * 3_600_000);
    expect(await w.core.connections.retryPendingTerminations()).toEqual({ ended: 1, pending: 0 });
  });

  it('ends an old consent the bank already ended by other means (its answer says it is not live)', async () => {
    const { old } = await renewedWithPending();
    await fetch(`${w.bank.origin}/sandbox/consents/${old.consentId}/revoke`, { method: 'POST' });
    w.clock.advance(LATER);
    expect(await w.core.connections.retryPendingTerminations()).toEqual({ ended: 1, pending: 0 });
    expect(deletesOf(w, old.consentId).at(-1)).toBe(409);
  });
});

describe('a connect that fails after the consent was made', () => {
  let w: LifecycleWorld;
  beforeAll(async () => { w = await lifecycleWorld(); });
  afterAll(async () => { await w.close(); });
  afterEach(() => { w.path.route = undefined; });

  /** The PSU closes the bank's window: the consent exists at the bank, still `received`. */
  const closesWindow: AuthorizationPort = { async open(_url, session) { session.cancel('closed'); } };
  const newConsents = () => w.path.events.filter((e) => e.method === 'POST' && e.path.endsWith('/consents'));
  const lastConsentId = async (): Promise<string> => {
    const rows = pending(w);
    return (rows.at(-1) as PendingRow).consent_id;
  };

  it('deletes the abandoned consent at the bank', async () => {
    const connecting = w.core.connections.connect({ profileId: 'sandbox', label: 'x', port: closesWindow, psuIpAddress: PSU_IP });
    await expect(connecting).rejects.toBeInstanceOf(AuthorizationCancelledError);
    const deletes = w.path.events.filter((e) => e.method === 'DELETE');
    expect(deletes.map((e) => e.outcome)).toEqual([204]);
    expect(pending(w)).toEqual([]);
    expect(w.core.connections.list()).toEqual([]);
  });

  it('logs an abandoned consent it could not delete and ends it on a later retry', async () => {
    w.path.route = onConsentDelete({ kind: 'drop' } satisfies PathAction);
    const consentsBefore = newConsents().length;
    const connecting = w.core.connections.connect({ profileId: 'sandbox', label: 'x', port: closesWindow, psuIpAddress: PSU_IP });
    await expect(connecting).rejects.toBeInstanceOf(AuthorizationCancelledError);
    expect(newConsents()).toHaveLength(consentsBefore + 1);
    expect(w.core.connections.list()).toEqual([]);
    const consentId = await lastConsentId();
    expect(pending(w)).toMatchObject([{ consent_id: consentId, reason: 'abandoned', attempts: 1 }]);
    expect(await w.bankStatus(consentId)).toBe('received');
    expect(warnings(w, consentId)).toHaveLength(1);

    w.path.route = undefined;
    w.clock.advance(LATER);
    expect(await w.core.connections.retryPendingTerminations()).toEqual({ ended: 1, pending: 0 });
    expect(await w.bankStatus(consentId)).toBe('terminatedByTpp');
  });

  it('leaves no refresh token when the connect fails after the token exchange, and ends the consent', async () => {
    let consentId = '';
    w.path.route = (req) => {
      const m = /\/consents\/([^/?]+)$/.exec(req.url ?? '');
      if (req.method === 'GET' && m !== null) {
        consentId = m[1] as string;
        return { kind: 'answer', status: 500 };
      }
      return undefined;
    };
    const ids: string[] = [];
    const port: AuthorizationPort = {
      async open(url, session) {
        session.handleRedirect((await playPsu(url, { user: 'demo', decision: 'allow' })).toString());
      },
    };
    const written = new Set(w.keychain.written);
    const connecting = w.core.connections.connect({ profileId: 'sandbox', label: 'x', port, psuIpAddress: PSU_IP });
    await expect(connecting).rejects.toBeInstanceOf(BankError);
    for (const account of w.keychain.written) if (!written.has(account)) ids.push(account);
    expect(ids).toHaveLength(1); // the refresh token of the half-made connection was stored…
    expect(await w.keychain.get(ids[0] as string)).toBeUndefined(); // …and is gone
    expect(await w.bankStatus(consentId)).toBe('terminatedByTpp');
    expect(pending(w)).toEqual([]);
  });
});
