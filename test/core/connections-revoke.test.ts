import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { refreshTokenKey } from '../../core/auth/token-manager.js';
import { BankError, NetworkError, toUiState } from '../../core/errors.js';
import { onConsentDelete } from '../helpers/bank-path.js';
import { psuPort } from '../helpers/core-world.js';
import { lifecycleWorld, type LifecycleWorld } from '../helpers/lifecycle-world.js';

const PSU_IP = '192.0.2.10';
const DAY = 86_400_000;

const connect = (w: LifecycleWorld, user = 'demo') =>
  w.core.connections.connect({ profileId: 'sandbox', label: user, port: psuPort({ user, decision: 'allow' }), psuIpAddress: PSU_IP });

/** The DELETEs of one consent the bank (or the path) answered, as status codes. */
const deleteOutcomes = (w: LifecycleWorld, consentId: string) =>
  w.path.events.filter((e) => e.method === 'DELETE' && e.path.endsWith(`/consents/${consentId}`)).map((e) => e.outcome);

describe('revoke of a consent the sandbox already ended', () => {
  let bankTime = Date.now();
  let w: LifecycleWorld;
  beforeAll(async () => { w = await lifecycleWorld({ sandbox: { now: () => new Date(bankTime) } }); });
  afterAll(async () => { await w.close(); });

  it('revokes twice: the second DELETE gets 409 STATUS_INVALID and still ends as revoked', async () => {
    const c = await connect(w);
    expect((await w.core.connections.revoke(c.id)).status).toBe('revoked');
    const again = await w.core.connections.revoke(c.id);
    expect(deleteOutcomes(w, c.consentId)).toEqual([204, 409]);
    expect(again).toMatchObject({ status: 'revoked', consentStatus: 'terminatedByTpp' });
  });

  it('revokes a consent the PSU revoked in CEConline: 409 from the bank, revoked here, refresh token gone', async () => {
    const c = await connect(w);
    expect((await fetch(`${w.bank.origin}/sandbox/consents/${c.consentId}/revoke`, { method: 'POST' })).status).toBe(204);
    const revoked = await w.core.connections.revoke(c.id);
    expect(deleteOutcomes(w, c.consentId)).toEqual([409]);
    expect(revoked.status).toBe('revoked');
    expect(await w.keychain.get(refreshTokenKey(c.id))).toBeUndefined();
  });

  it('revokes a consent past its validUntil (the sandbox clock moved on): 409 from the bank, no error', async () => {
    const c = await connect(w);
    bankTime += 200 * DAY;
    try {
      expect(await w.bankStatus(c.consentId)).toBe('expired');
      await w.core.connections.revoke(c.id);
      expect(deleteOutcomes(w, c.consentId)).toEqual([409]);
      expect(await w.keychain.get(refreshTokenKey(c.id))).toBeUndefined();
    } finally {
      bankTime -= 200 * DAY;
    }
  });
});

describe('revoke when another bank says the consent is not live', () => {
  let w: LifecycleWorld;
  beforeAll(async () => { w = await lifecycleWorld(); });
  afterAll(async () => { await w.close(); });
  afterEach(() => { w.path.route = undefined; });

  const notLive: [string, number, unknown][] = [
    ['400 STATUS_INVALID', 400, { tppMessages: [{ category: 'ERROR', code: 'STATUS_INVALID', text: 'consent already terminated' }] }],
    ['401 CONSENT_EXPIRED', 401, { tppMessages: [{ category: 'ERROR', code: 'CONSENT_EXPIRED' }] }],
    ['401 CONSENT_INVALID', 401, { tppMessages: [{ category: 'ERROR', code: 'CONSENT_INVALID' }] }],
    ['400 CONSENT_UNKNOWN', 400, { tppMessages: [{ category: 'ERROR', code: 'CONSENT_UNKNOWN' }] }],
    ['403 CONSENT_UNKNOWN', 403, { tppMessages: [{ category: 'ERROR', code: 'CONSENT_UNKNOWN' }] }],
    ['403 with no body', 403, undefined],
    ['404 RESOURCE_UNKNOWN', 404, { tppMessages: [{ category: 'ERROR', code: 'RESOURCE_UNKNOWN' }] }],
    ['404 with no body', 404, undefined],
    ['409 with no body', 409, undefined],
  ];
  it.each(notLive)('takes %s to DELETE as "already ended": revoked, refresh token gone', async (_name, status, body) => {
    const c = await connect(w);
    w.path.route = onConsentDelete({ kind: 'answer', status, body }, c.consentId);
    const revoked = await w.core.connections.revoke(c.id);
    expect(deleteOutcomes(w, c.consentId)).toEqual([status]);
    expect(revoked).toMatchObject({ status: 'revoked', consentStatus: 'terminatedByTpp' });
    expect(await w.keychain.get(refreshTokenKey(c.id))).toBeUndefined();
  });

  const live: [string, number, unknown, string][] = [
    ['403 SERVICE_BLOCKED (the TPP is refused, not the consent)', 403, { tppMessages: [{ category: 'ERROR', code: 'SERVICE_BLOCKED' }] }, 'SERVICE_BLOCKED'],
    ['400 FORMAT_ERROR', 400, { tppMessages: [{ category: 'ERROR', code: 'FORMAT_ERROR' }] }, 'FORMAT_ERROR'],
    ['500 with no body', 500, undefined, 'HTTP_500'],
    ['503 SERVICE_UNAVAILABLE', 503, { tppMessages: [{ category: 'ERROR', code: 'SERVICE_UNAVAILABLE' }] }, 'SERVICE_UNAVAILABLE'],
  ];
  it.each(live)('fails the revoke on %s and keeps the connection as it was', async (_name, status, body, code) => {
    const c = await connect(w);
    w.path.route = onConsentDelete({ kind: 'answer', status, body }, c.consentId);
    const revoke = w.core.connections.revoke(c.id);
    await expect(revoke).rejects.toBeInstanceOf(BankError);
    await revoke.catch((e: BankError) => expect(e.code).toBe(code));
    expect(w.core.connections.get(c.id).status).toBe('active');
    expect(await w.keychain.get(refreshTokenKey(c.id))).toBeDefined();
    w.path.route = undefined;
    expect((await w.core.connections.revoke(c.id)).status).toBe('revoked');
  });

  it('fails the revoke as offline when the bank cannot be reached, and keeps the tokens for the next try', async () => {
    const c = await connect(w);
    w.path.route = onConsentDelete({ kind: 'drop' }, c.consentId);
    const revoke = w.core.connections.revoke(c.id);
    await expect(revoke).rejects.toBeInstanceOf(NetworkError);
    await revoke.catch((e) => expect(toUiState(e)).toBe('offline'));
    expect(w.core.connections.get(c.id).status).toBe('active');
    expect(await w.keychain.get(refreshTokenKey(c.id))).toBeDefined();
  });
});
