import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { openDatabase, type Db } from '../store/database.js';
import { BeneficiaryStore } from './beneficiaries.js';

const MAMA = 'RO49AAAA1B31007593840000';
const DE = 'DE02100100109307118603';

describe('BeneficiaryStore', () => {
  let dir: string;
  let db: Db;
  let t: number;
  let ids: number;
  let store: BeneficiaryStore;
  const reopen = () => new BeneficiaryStore(db, () => new Date(t), () => `b${++ids}`);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'conturi-beneficiaries-'));
    db = openDatabase(join(dir, 'conturi.sqlite'), randomBytes(32));
    t = Date.parse('2027-03-10T08:00:00Z');
    ids = 0;
    store = reopen();
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('saves a beneficiary with the IBAN in electronic form, and keeps it across a reopen of the file', () => {
    const saved = store.save({ name: '  Maria Popescu ', iban: 'ro49 aaaa 1b31 0075 9384 0000', defaultDetails: 'chirie' });
    expect(saved).toEqual({ id: 'b1', name: 'Maria Popescu', iban: MAMA, defaultDetails: 'chirie', createdAt: '2027-03-10T08:00:00.000Z', updatedAt: '2027-03-10T08:00:00.000Z' });
    expect(reopen().list()).toEqual([saved]);
  });

  it('keeps one entry per IBAN: saving a known IBAN again updates it', () => {
    store.save({ name: 'Maria', iban: MAMA, defaultDetails: 'chirie' });
    t += 1000;
    const again = store.save({ name: 'Maria Popescu', iban: MAMA });
    expect(again).toMatchObject({ id: 'b1', name: 'Maria Popescu', defaultDetails: 'chirie', updatedAt: '2027-03-10T08:00:01.000Z' });
    expect(store.list()).toHaveLength(1);
    expect(store.save({ name: 'Maria Popescu', iban: MAMA, defaultDetails: '' })).not.toHaveProperty('defaultDetails');
  });

  it('changes an entry by id, its IBAN too, but not onto another entry\'s IBAN', () => {
    const a = store.save({ name: 'Maria', iban: MAMA });
    const b = store.save({ name: 'Shop', iban: DE });
    expect(store.save({ id: a.id, name: 'Maria', iban: 'RO09BCYP0000001234567890' })).toMatchObject({ id: a.id, iban: 'RO09BCYP0000001234567890' });
    expect(() => store.save({ id: b.id, name: 'Shop', iban: 'RO09BCYP0000001234567890' })).toThrow(expect.objectContaining({ field: 'iban' }));
    expect(() => store.save({ id: 'gone', name: 'X', iban: MAMA })).toThrow(expect.objectContaining({ field: 'id' }));
  });

  it.each([
    ['an IBAN failing mod-97', { name: 'X', iban: 'DE03100100109307118603' }, 'iban'],
    ['an empty name', { name: '   ', iban: MAMA }, 'name'],
    ['a name of 71 characters', { name: 'N'.repeat(71), iban: MAMA }, 'name'],
    ['details of 141 characters', { name: 'X', iban: MAMA, defaultDetails: 'D'.repeat(141) }, 'defaultDetails'],
  ])('refuses %s with a ValidationError naming the field, and stores nothing', (_what, input, field) => {
    expect(() => store.save(input)).toThrow(ValidationError);
    expect(() => store.save(input)).toThrow(expect.objectContaining({ field }));
    expect(store.list()).toEqual([]);
  });

  it('deletes by id, saying whether there was one', () => {
    const a = store.save({ name: 'Maria', iban: MAMA });
    expect(store.delete(a.id)).toEqual({ deleted: true });
    expect(store.delete(a.id)).toEqual({ deleted: false });
    expect(store.list()).toEqual([]);
  });

  it('after a payment with the tick: saves the beneficiary with the payment\'s details as default and its amount as the last', () => {
    const saved = store.recordPayment({ name: 'Maria Popescu', iban: MAMA, details: 'chirie martie', amount: { amount: '1200.50', currency: 'RON' } }, { save: true });
    expect(saved).toMatchObject({ name: 'Maria Popescu', iban: MAMA, defaultDetails: 'chirie martie', lastAmount: { amount: '1200.5', currency: 'RON' }, lastUsedAt: '2027-03-10T08:00:00.000Z' });
  });

  it('after a payment without the tick: updates the last amount of a saved beneficiary, saves no new one', () => {
    store.save({ name: 'Maria', iban: MAMA, defaultDetails: 'chirie' });
    t += 60_000;
    const updated = store.recordPayment({ name: 'Someone else', iban: MAMA, details: 'cadou', amount: { amount: '50', currency: 'EUR' } }, { save: false });
    expect(updated).toMatchObject({ name: 'Maria', defaultDetails: 'chirie', lastAmount: { amount: '50', currency: 'EUR' }, lastUsedAt: '2027-03-10T08:01:00.000Z' });
    expect(store.recordPayment({ name: 'Shop', iban: DE, details: '', amount: { amount: '5', currency: 'EUR' } }, { save: false })).toBeUndefined();
    expect(store.list().map((b) => b.iban)).toEqual([MAMA]);
  });

  it('lists the most recently paid first, then the never paid by name', () => {
    store.save({ name: 'zeta', iban: 'RO09BCYP0000001234567890' });
    store.save({ name: 'Alfa', iban: 'RO66BACX0000001234567890' });
    store.recordPayment({ name: 'Maria', iban: MAMA, details: '', amount: { amount: '1', currency: 'RON' } }, { save: true });
    t += 1000;
    store.recordPayment({ name: 'Shop', iban: DE, details: '', amount: { amount: '1', currency: 'EUR' } }, { save: true });
    expect(store.list().map((b) => b.name)).toEqual(['Shop', 'Maria', 'Alfa', 'zeta']);
  });

  it('refuses a payment amount that is not positive exact decimal, keeping nothing', () => {
    expect(() => store.recordPayment({ name: 'Maria', iban: MAMA, details: '', amount: { amount: '0', currency: 'RON' } }, { save: true })).toThrow(ValidationError);
    expect(() => store.recordPayment({ name: 'Maria', iban: MAMA, details: '', amount: { amount: '1e3', currency: 'RON' } }, { save: true })).toThrow(ValidationError);
    expect(store.list()).toEqual([]);
  });
});
