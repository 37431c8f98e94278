import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storeBeforeStep } from '../../test/helpers/old-store.js';
import { storeAccountReport } from './account-history.js';
import { openDatabase } from './database.js';
import { migrations } from './migrations.js';
import { bankItemFields, transactionDetails } from './transaction-details.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'conturi-details-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The step that adds the bank's item (found by what it does: the lead renumbers steps). */
const step = migrations.findIndex((sql) => sql.includes('CREATE TABLE transaction_bank_items'));
const NOW = '2027-01-01T00:00:00.000Z';

describe('transactionDetails over a store made before the bank’s items were kept', () => {
  it('answers an old row with its stored fields and no bank fields, and a row synced after the upgrade with them', () => {
    expect(step).toBeGreaterThan(0);
    const path = join(dir, 'conturi.sqlite');
    const old = storeBeforeStep(path, step, NOW);
    const { lastInsertRowid } = old.prepare(`INSERT INTO transactions (account_id, status, bank_key, day, booking_date, amount, amount_micros, currency, counterparty_name, remittance, first_seen_at)
      VALUES ('A:RON', 'booked', '1566614557', '2026-12-01', '2026-12-01', '-54.50', -54500000, 'RON', 'Kaufland', 'Plată card', ?)`).run(NOW);
    old.close();

    const db = openDatabase(path);
    try {
      const before = transactionDetails(db, Number(lastInsertRowid));
      expect(before).toEqual({
        transaction: expect.objectContaining({ rowId: Number(lastInsertRowid), id: '1566614557', amount: { amount: '-54.50', currency: 'RON' }, counterpartyName: 'Kaufland', remittance: 'Plată card' }),
      });
      expect(before).not.toHaveProperty('bankFields');

      const bankItem = '{"transactionId":"1566614558","transactionAmount":{"currency":"RON","amount":-12.30},"bookingDate":"2026-12-02","purposeCode":"GDSV"}';
      storeAccountReport(db, {
        accountId: 'A:RON',
        booked: [{ id: '1566614558', accountId: 'A:RON', status: 'booked', bookingDate: '2026-12-02', amount: { amount: '-12.3', currency: 'RON' }, bankItem }],
        pending: [], balances: [], dateFrom: '2026-12-01', today: '2027-01-01', now: NOW,
      });
      const rowId = db.prepare(`SELECT id FROM transactions WHERE bank_key = '1566614558'`).pluck().get() as number;
      expect(transactionDetails(db, rowId).bankFields).toEqual([
        { path: 'transactionId', value: '1566614558' },
        { path: 'transactionAmount.currency', value: 'RON' },
        { path: 'transactionAmount.amount', value: '-12.30' },
        { path: 'bookingDate', value: '2026-12-02' },
        { path: 'purposeCode', value: 'GDSV' },
      ]);
    } finally {
      db.close();
    }
  });
});

describe('a row stored before the bank’s items were kept, reported again', () => {
  it('gains its bank fields from the new report, while a row that has them keeps its first ones', () => {
    const path = join(dir, 'conturi.sqlite');
    const old = storeBeforeStep(path, step, NOW);
    old.prepare(`INSERT INTO transactions (account_id, status, bank_key, day, booking_date, amount, amount_micros, currency, counterparty_name, remittance, first_seen_at)
      VALUES ('A:RON', 'booked', '1566614557', '2026-12-01', '2026-12-01', '-54.50', -54500000, 'RON', 'Kaufland', 'Plată card', ?)`).run(NOW);
    old.close();

    const db = openDatabase(path);
    try {
      const item = (remittance: string) => `{"transactionId":"1566614557","transactionAmount":{"currency":"RON","amount":-54.50},"bookingDate":"2026-12-01","remittanceInformationUnstructured":"${remittance}"}`;
      const report = (bankItem: string) => storeAccountReport(db, {
        accountId: 'A:RON',
        booked: [{ id: '1566614557', accountId: 'A:RON', status: 'booked', bookingDate: '2026-12-01', amount: { amount: '-54.5', currency: 'RON' }, counterpartyName: 'Kaufland', remittance: 'Plată card', bankItem }],
        pending: [], balances: [], dateFrom: '2026-11-25', today: '2027-01-01', now: NOW,
      });
      const rowId = db.prepare(`SELECT id FROM transactions WHERE bank_key = '1566614557'`).pluck().get() as number;
      expect(transactionDetails(db, rowId)).not.toHaveProperty('bankFields');

      expect(report(item('Plată card')).booked).toBe(0);
      expect(transactionDetails(db, rowId).bankFields?.find((f) => f.path === 'transactionAmount.amount')).toEqual({ path: 'transactionAmount.amount', value: '-54.50' });

      // A booked row is never rewritten by a sync: a later report's other text does not replace what it was first given.
      report(item('Alt text'));
      expect(transactionDetails(db, rowId).bankFields?.find((f) => f.path === 'remittanceInformationUnstructured')?.value).toBe('Plată card');
      expect(db.prepare('SELECT count(*) FROM transactions').pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  });
});

describe('the bank’s items of pending transactions', () => {
  it('a pending item listed again with other fields shows the new ones; one the bank books leaves with its row', () => {
    const db = openDatabase(join(dir, 'pending.sqlite'));
    try {
      db.prepare(`INSERT INTO accounts (id, kind, iban, currency, created_at) VALUES ('A:RON', 'account', 'A', 'RON', ?)`).run(NOW);
      db.prepare(`INSERT INTO connections (id, profile_id, label, consent_id, consent_status, created_at, updated_at) VALUES ('c1', 'sandbox', 'c1', 'k', 'valid', ?, ?)`).run(NOW, NOW);
      db.prepare(`INSERT INTO connection_accounts VALUES ('c1', 'A:RON', 'r', 1, 1)`).run();
      const pending = (amount: string, bankItem: string) => ({ id: 'p1', accountId: 'A:RON', status: 'pending' as const, valueDate: '2027-01-02', amount: { amount, currency: 'RON' }, bankItem });
      const report = (booked: Parameters<typeof storeAccountReport>[1]['booked'], list: Parameters<typeof storeAccountReport>[1]['pending']) =>
        storeAccountReport(db, { accountId: 'A:RON', booked, pending: list, balances: [], dateFrom: '2027-01-01', today: '2027-01-03', now: NOW });
      const items = () => db.prepare('SELECT count(*) FROM transaction_bank_items').pluck().get();
      const rowOf = (status: string) => db.prepare(`SELECT id FROM transactions WHERE bank_key = 'p1' AND status = ?`).pluck().get(status) as number;

      report([], [pending('-10', '{"transactionId":"p1","transactionAmount":{"amount":-10,"currency":"RON"}}')]);
      report([], [pending('-10.5', '{"transactionId":"p1","transactionAmount":{"amount":-10.50,"currency":"RON"},"remittanceInformationUnstructured":"Benzinărie"}')]);
      expect(transactionDetails(db, rowOf('pending')).bankFields).toEqual([
        { path: 'transactionId', value: 'p1' },
        { path: 'transactionAmount.amount', value: '-10.50' },
        { path: 'transactionAmount.currency', value: 'RON' },
        { path: 'remittanceInformationUnstructured', value: 'Benzinărie' },
      ]);
      expect(items()).toBe(1);

      const booked = '{"transactionId":"p1","bookingDate":"2027-01-03","transactionAmount":{"amount":-10.50,"currency":"RON"}}';
      report([{ ...pending('-10.5', booked), status: 'booked', bookingDate: '2027-01-03' }], []);
      expect(rowOf('pending')).toBeUndefined();
      expect(transactionDetails(db, rowOf('booked')).bankFields?.map((f) => f.path)).toEqual(['transactionId', 'bookingDate', 'transactionAmount.amount', 'transactionAmount.currency']);
      expect(items()).toBe(1);
    } finally {
      db.close();
    }
  });
});

describe('bankItemFields', () => {
  it('flattens nested members by dotted paths and array items by index, every value as its exact text', () => {
    const text = `{"entryReference":9007199254740993,"creditorAccount":{"iban":"RO49AAAA1B31007593840000","currency":"RON"},
      "remittanceInformationUnstructuredArray":["Factura 12","luna mai"],"currencyExchange":[{"exchangeRate":"4.9771","unitCurrency":"EUR"}],
      "transactionAmount":{"amount":-2.640E1,"currency":"EUR"},"invoiced":false,"creditorName":""}`;
    expect(bankItemFields(text)).toEqual([
      { path: 'entryReference', value: '9007199254740993' },
      { path: 'creditorAccount.iban', value: 'RO49AAAA1B31007593840000' },
      { path: 'creditorAccount.currency', value: 'RON' },
      { path: 'remittanceInformationUnstructuredArray[0]', value: 'Factura 12' },
      { path: 'remittanceInformationUnstructuredArray[1]', value: 'luna mai' },
      { path: 'currencyExchange[0].exchangeRate', value: '4.9771' },
      { path: 'currencyExchange[0].unitCurrency', value: 'EUR' },
      { path: 'transactionAmount.amount', value: '-2.640E1' },
      { path: 'transactionAmount.currency', value: 'EUR' },
      { path: 'invoiced', value: 'false' },
      { path: 'creditorName', value: '' },
    ]);
  });

  it('leaves out what says nothing: null, an empty object, an empty list', () => {
    expect(bankItemFields('{"debtorAccount":{},"ultimateDebtor":null,"remittanceInformationUnstructuredArray":[null],"links":[],"valueDate":"2027-01-02"}'))
      .toEqual([{ path: 'valueDate', value: '2027-01-02' }]);
  });
});
