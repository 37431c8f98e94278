/**
 * The sandbox bank's `loose` dialect: the same data in the other valid forms a second,
 * independently written bank answered in. Every check reads the raw answer text, because
 * `JSON.parse` would already hide what is under test (an exponent, a 20-digit id).
 *
 * What the Berlin Group 1.3.12 definitions allow, quoted where a check relies on it:
 * - `amountValue`: "The amount given with fractional digits ... Up to 14 significant figures";
 *   the loose bank writes it as a JSON number, in exponent form when it ends in a zero.
 * - `transactions`: `required: [transactionAmount]` — transactionId and entryReference are optional.
 * - `accountDetails`: `required: [currency]`, "at least one of ... iban, bban, pan, maskedPan,
 *   msisdn" — so a card account may be named by its IBAN alone.
 * - `cardAccountReport` is CEC's choice for card transactions; the other bank used `accountReport`
 *   (`transactions`).
 * - `consentInformationResponse-200_json` types `recurringIndicator` boolean, `frequencyPerDay`
 *   integer and `lastActionDate` date; the other bank sent "true", "4" and a date-time.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { generatePsus } from '../../sandbox/data/generate.js';
import { dialectData } from '../../sandbox/dialect.js';
import { resolveOptions } from '../../sandbox/options.js';
import type { BankAccount, BankTransaction } from '../../sandbox/state/types.js';
import { exponentForm, RawNumber, writeJson } from '../../sandbox/wire-json.js';
import { connectAis } from '../helpers/bank.js';
import { call, psd2Headers } from '../helpers/http.js';
import { aisBank, clockStart, monthsBefore, WINTER_DAY } from './accounts-support.js';

/** The exact value of a JSON number's text in minor units (2 decimals), by digits only. */
function exactMinor(text: string): bigint {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (m === null) throw new Error(`not a JSON number: ${text}`);
  const digits = `${m[2]}${m[3] ?? ''}`;
  const shift = Number(m[4] ?? '0') - (m[3] ?? '').length + 2; // scale to minor units
  if (shift < 0 && !/^0*$/.test(digits.slice(digits.length + shift))) throw new Error(`more than 2 decimals: ${text}`);
  const minor = shift >= 0 ? BigInt(digits) * 10n ** BigInt(shift) : BigInt(digits.slice(0, digits.length + shift) || '0');
  return m[1] === '-' ? -minor : minor;
}

/** The bank's own records for these suites: the same seed, day and dialect as the running bank. */
const bankData = () => dialectData('loose', generatePsus({ seed: 42, accountsPerPsu: 4, today: clockStart() }));
const demoAccount = (pick: (a: BankAccount) => boolean): BankAccount => {
  const found = bankData().find((p) => p.userId === 'demo')?.accounts.find(pick);
  if (found === undefined) throw new Error('no such demo account');
  return found;
};
/** A report's text lists booked, then pending, each newest first. */
const reportOrder = (a: BankAccount): BankTransaction[] => [
  ...a.transactions.filter((t) => t.status === 'booked').reverse(),
  ...a.transactions.filter((t) => t.status === 'pending').reverse(),
];
const since = monthsBefore(WINTER_DAY, 27);
/** The raw text of each `transactionAmount.amount`, in answer order. */
const amountTexts = (raw: string) => [...raw.matchAll(/"transactionAmount":\{"currency":"[A-Z]{3}","amount":([^}]+)\}/g)].map((m) => m[1] as string);
/** The items of the booked list of a report's raw text, each as written. */
const bookedItems = (raw: string) => {
  const start = raw.indexOf('"booked":[') + '"booked":['.length;
  return raw.slice(start, raw.indexOf('],"pending":', start)).split(/(?<=\}),(?=\{"transactionId")/);
};

describe('the loose dialect’s JSON writer', () => {
  it('writes exact exponent forms of decimals: 3320.00 as 3.32E3', () => {
    expect(exponentForm('3320.00')).toBe('3.32E3');
    expect(exponentForm('-102.50')).toBe('-1.025E2');
    expect(exponentForm('0.05')).toBe('5E-2');
    expect(exponentForm('99999999999999.90')).toBe('9.99999999999999E13');
    expect(exactMinor('9.99999999999999E13')).toBe(9_999_999_999_999_990n);
  });

  it('writes raw numbers as given and everything else as JSON.stringify does', () => {
    const value = { a: new RawNumber('3.32E3'), id: new RawNumber('12345678901234567891'), s: 'q"\u0000', n: null, u: undefined };
    expect(writeJson(value)).toBe('{"a":3.32E3,"id":12345678901234567891,"s":"q\\"\\u0000","n":null}');
    expect(() => new RawNumber('1,5')).toThrow(RangeError);
  });

  it('is chosen by the dialect option, cec by default, and listed in the CLI help', () => {
    expect(resolveOptions({}).dialect).toBe('cec');
    expect(resolveOptions({ dialect: 'loose' }).dialect).toBe('loose');
    expect(() => resolveOptions({ dialect: 'other' as 'cec' })).toThrow(RangeError);
    const help = execFileSync('npx', ['tsx', 'sandbox/cli.ts', '--help'], { encoding: 'utf8' });
    expect(help).toMatch(/--dialect cec\|loose/);
  });
});

describe('AccountsC in the loose dialect', () => {
  const s = aisBank({ dialect: 'loose' });

  it('lists accounts with numeric resourceIds, explicit nulls and exponent amounts of the exact balance', async () => {
    const res = await s.reader.get('/v1/accounts?withBalance=true');
    expect(res.status).toBe(200);
    const ron = demoAccount((a) => a.kind === 'current' && a.currency === 'RON');
    expect(res.text).toContain(`"resourceId":${ron.resourceId},"iban":"${ron.iban}"`);
    expect(res.text).toMatch(/"ownerName":null/);
    expect(res.text).toMatch(/"bic":null/);
    const balance = new RegExp(`"iban":"${ron.iban}".*?"closingBooked"`).exec(res.text)?.[0] ?? '';
    const amount = /"amount":([^}]+)\}/.exec(balance)?.[1] as string;
    expect(exactMinor(amount)).toBe(BigInt(ron.balanceMinor));
    const without = await s.reader.get('/v1/accounts');
    expect(without.text).toMatch(/"balances":null/);
  });

  it('lists the card account in the plain-account shape: iban, no maskedPan', async () => {
    const card = demoAccount((a) => a.kind === 'card');
    const res = await s.reader.get('/v1/card-accounts?withBalance=true');
    expect(res.status).toBe(200);
    expect(res.text).toContain(`"resourceId":${card.resourceId},"iban":"${card.iban}"`);
    expect(res.text).not.toMatch(/maskedPan/i);
    const balances = await s.reader.get(`/v1/card-accounts/${card.resourceId}/balances`);
    expect(balances.text).toContain(`"account":{"iban":"${card.iban}"`);
  });

  it('sends card transactions under `transactions`, in the plain transaction shape', async () => {
    const card = demoAccount((a) => a.kind === 'card');
    const res = await s.reader.get(`/v1/card-accounts/${card.resourceId}/transactions?bookingStatus=both&dateFrom=${since}`);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['account', 'transactions', 'balances']);
    expect(res.text).not.toMatch(/cardTransaction/);
    expect(amountTexts(res.text).map(exactMinor)).toEqual(reportOrder(card).map((t) => BigInt(t.amountMinor)));
  });

  it('reports every transaction with its exact amount, some in exponent form, ids as strings, numbers, 20 digits or none', async () => {
    const ron = demoAccount((a) => a.kind === 'current' && a.currency === 'RON');
    const res = await s.reader.get(`/v1/accounts/${ron.resourceId}/transactions?bookingStatus=both&dateFrom=${since}`);
    expect(res.status).toBe(200);
    const texts = amountTexts(res.text);
    expect(texts.map(exactMinor)).toEqual(reportOrder(ron).map((t) => BigInt(t.amountMinor)));
    expect(texts.filter((t) => /E/.test(t)).length).toBeGreaterThan(10);
    expect(res.text).toMatch(/"transactionId":"\d{10}"/);
    expect(res.text).toMatch(/"transactionId":[1-9]\d{9},/);
    const long = /"transactionId":(\d{20}),/.exec(res.text)?.[1] as string;
    expect(long).toBeDefined();
    // What a client reading through a float would store instead: another id.
    expect(String(BigInt(JSON.parse(long) as number))).not.toBe(long);
    const idless = res.text.match(/"transactionId":null,"entryReference":null/g) ?? [];
    expect(idless.length).toBeGreaterThan(20);
    const detail = await s.reader.get(`/v1/accounts/${ron.resourceId}/transactions/${long}`);
    expect(detail.status).toBe(200);
    expect(detail.text).toContain(`"transactionId":${long},`);
  });

  it('holds two identical id-less twins on one day, whose halves add up to the balance', async () => {
    const ron = demoAccount((a) => a.kind === 'current' && a.currency === 'RON');
    const res = await s.reader.get(`/v1/accounts/${ron.resourceId}/transactions?bookingStatus=booked&dateFrom=${since}`);
    const booked = bookedItems(res.text);
    const twins = booked.filter((item, i) => booked.indexOf(item) !== i || booked.lastIndexOf(item) !== i);
    expect(twins).toHaveLength(2);
    expect(twins[0]).toMatch(/^.*"transactionId":null,"entryReference":null/);
    const sum = ron.transactions.filter((t) => t.status === 'booked').reduce((m, t) => m + t.amountMinor, ron.openingBalanceMinor);
    expect(sum).toBe(ron.balanceMinor);
    expect(res.text).toMatch(/"pending":null/);
  });

  it('writes absent optional transaction fields as null', async () => {
    const ron = demoAccount((a) => a.kind === 'current' && a.currency === 'RON');
    const res = await s.reader.get(`/v1/accounts/${ron.resourceId}/transactions?bookingStatus=pending&dateFrom=${since}`);
    for (const field of ['bookingDate', 'endToEndId', 'debtorName', 'debtorAccount', 'booked']) expect(res.text).toContain(`"${field}":null`);
  });
});

describe('consents and tokens in the loose dialect', () => {
  const s = aisBank({ dialect: 'loose' });

  it('types consent information loosely: "true", "4", a date-time, cards by IBAN', async () => {
    const res = await call(`${s.bank.url}/psd29c/v1/consents/${s.connection.consentId}`, {
      headers: psd2Headers(s.creds.clientId, { Authorization: `Bearer ${s.connection.accessToken}` }),
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain('"recurringIndicator":"true"');
    expect(res.text).toContain('"frequencyPerDay":"4"');
    expect(res.text).toMatch(/"lastActionDate":"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z"/);
    expect(res.text).not.toMatch(/maskedPan/);
  });

  it('sends expires_in as a string', async () => {
    const c = await connectAis(s.bank, s.creds);
    const res = await call(`${s.bank.url}/oauthcec/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-ibm-client-id': s.creds.clientId },
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: s.creds.clientId, refresh_token: c.refreshToken }),
    });
    expect(res.status).toBe(200);
    expect(res.text).toContain('"expires_in":"3595"');
  });

  it('answers a revoke of an already-ended consent with 400 STATUS_INVALID', async () => {
    const c = await connectAis(s.bank, s.creds);
    const url = `${s.bank.url}/psd29c/v1/consents/${c.consentId}`;
    expect((await call(url, { method: 'DELETE', headers: psd2Headers(s.creds.clientId) })).status).toBe(204);
    const again = await call(url, { method: 'DELETE', headers: psd2Headers(s.creds.clientId) });
    expect(again.status).toBe(400);
    expect(again.text).toContain('"code":"STATUS_INVALID"');
  });
});
