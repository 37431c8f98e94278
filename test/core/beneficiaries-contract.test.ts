import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch, type Result } from '../../common/index.js';
import { createHandlers } from '../../core/app-handlers.js';
import { toAppError } from '../../core/errors.js';
import { coreWorld, psuPort, type CoreWorldForTest } from '../helpers/core-world.js';

/** The address book through the contract: the schemas first, then core's checks, then the encrypted store. */
describe('beneficiaries:list, beneficiaries:save, beneficiaries:delete', () => {
  let w: CoreWorldForTest;
  let call: (method: string, input?: unknown) => Promise<Result<any>>;
  beforeAll(async () => {
    w = await coreWorld();
    const handlers = createHandlers(w.core, { authorizationPort: () => psuPort({ decision: 'allow' }), psuIpAddress: '192.0.2.1', syncAfterConnect: false, emit: () => {} });
    call = (method, input = {}) => dispatch(handlers, method, input, toAppError);
  });
  afterAll(async () => { await w?.close(); });

  it('saves, lists and deletes a beneficiary without asking the bank', async () => {
    const before = w.bankRequests();
    const saved = await call('beneficiaries:save', { name: 'Maria Popescu', iban: 'RO49 AAAA 1B31 0075 9384 0000', defaultDetails: 'chirie' });
    expect(saved).toMatchObject({ ok: true, value: { name: 'Maria Popescu', iban: 'RO49AAAA1B31007593840000', defaultDetails: 'chirie' } });
    if (!saved.ok) throw new Error(saved.error.message);
    expect(await call('beneficiaries:list')).toEqual({ ok: true, value: [saved.value] });
    expect(await call('beneficiaries:delete', { id: saved.value.id })).toEqual({ ok: true, value: { deleted: true } });
    expect(await call('beneficiaries:list')).toEqual({ ok: true, value: [] });
    expect(w.bankRequests()).toBe(before);
  });

  it('refuses an IBAN failing mod-97 with a validation error naming it, and a name over 70 by the schema', async () => {
    expect(await call('beneficiaries:save', { name: 'X', iban: 'DE03100100109307118603' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR', state: 'invalid-input' } });
    expect(await call('beneficiaries:save', { name: 'N'.repeat(71), iban: 'DE02100100109307118603' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await call('beneficiaries:list')).toEqual({ ok: true, value: [] });
  });
});
