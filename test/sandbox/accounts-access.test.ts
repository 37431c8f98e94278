/**
 * Unattended access as §5 of the digest fixes it (PSD2 RTS art. 36): a successful read of one
 * account's balances or transactions without `PSU-IP-Address` counts, per consent and account
 * per Europe/Bucharest calendar day; the 5th → 429 ACCESS_EXCEEDED. Follow-up pages of one report
 * are the same access; the account list does not count.
 */
import { describe, expect, it } from 'vitest';
import { connectAis } from '../helpers/bank.js';
import { tppCode, type Answer } from '../helpers/http.js';
import { aisBank, aisReader, clockStart, monthsBefore, resourceIds, WINTER_DAY, type AisBank, type AisReader } from './accounts-support.js';

const since = monthsBefore(WINTER_DAY, 27);
const balances = (id: string) => `/v1/accounts/${id}/balances`;
const transactions = (id: string) => `/v1/accounts/${id}/transactions?bookingStatus=booked&dateFrom=${since}`;

/** A fresh consent of `demo` read without the PSU (no PSU-IP-Address), and the ids of its accounts. */
async function unattended(s: AisBank): Promise<{ reader: AisReader; present: AisReader; ids: string[] }> {
  const conn = await connectAis(s.bank, s.creds);
  const reader = aisReader(s.bank, s.creds.clientId, conn, { psuPresent: false });
  const present = aisReader(s.bank, s.creds.clientId, conn);
  return { reader, present, ids: [...(await resourceIds(reader)).values()] };
}

const expectOk = async (answer: Promise<Answer>, what: string) => {
  const res = await answer;
  expect(res.status, `${what}: ${res.text}`).toBe(200);
};
const expectExceeded = async (answer: Promise<Answer>, what: string) => {
  const res = await answer;
  expect(res.status, `${what}: ${res.text}`).toBe(429);
  expect(tppCode(res), what).toBe('ACCESS_EXCEEDED');
};

/** Four unattended reads of one account: two of balances, two of transactions. */
async function useFour(reader: AisReader, id: string) {
  for (const [i, path] of [balances(id), transactions(id), balances(id), transactions(id)].entries()) await expectOk(reader.get(path), `read ${i + 1}`);
}

describe('unattended access limit (4 a day per consent and account)', () => {
  const s = aisBank();

  it('lets 4 reads of balances and transactions without PSU-IP-Address through and answers the 5th 429 ACCESS_EXCEEDED', async () => {
    const { reader, ids: [id] } = await unattended(s);
    await useFour(reader, id as string);
    await expectExceeded(reader.get(balances(id as string)), '5th: balances');
    await expectExceeded(reader.get(transactions(id as string)), '5th: transactions');
  });

  it('does not count reads with PSU-IP-Address: after 10 of them, 4 unattended reads still pass', async () => {
    const { reader, present, ids: [id] } = await unattended(s);
    for (let i = 0; i < 5; i++) {
      await expectOk(present.get(balances(id as string)), `present balances ${i}`);
      await expectOk(present.get(transactions(id as string)), `present transactions ${i}`);
    }
    await useFour(reader, id as string);
    await expectExceeded(reader.get(balances(id as string)), '5th unattended');
    await expectOk(present.get(balances(id as string)), 'the PSU present after the limit');
  });

  it('does not count the account list or the account details', async () => {
    const { reader, ids: [id] } = await unattended(s);
    for (let i = 0; i < 6; i++) {
      await expectOk(reader.get('/v1/accounts?withBalance=true'), `list ${i}`);
      await expectOk(reader.get(`/v1/accounts/${id}`), `details ${i}`);
    }
    await useFour(reader, id as string);
    await expectExceeded(reader.get(balances(id as string)), '5th');
  });

  it('gives another account of the same consent its own 4', async () => {
    const { reader, ids: [first, second] } = await unattended(s);
    await useFour(reader, first as string);
    await expectExceeded(reader.get(balances(first as string)), 'first account, 5th');
    await useFour(reader, second as string);
    await expectExceeded(reader.get(transactions(second as string)), 'second account, 5th');
  });

  it('gives another consent of the same account its own 4', async () => {
    const one = await unattended(s);
    const two = await unattended(s);
    await useFour(one.reader, one.ids[0] as string);
    await expectExceeded(one.reader.get(balances(one.ids[0] as string)), 'first consent, 5th');
    await expectOk(two.reader.get(balances(two.ids[0] as string)), 'second consent, 1st');
  });

  it('does not count rejected reads', async () => {
    const { reader, ids: [id] } = await unattended(s);
    for (let i = 0; i < 5; i++) {
      const res = await reader.get(`/v1/accounts/${id}/transactions?bookingStatus=foo&dateFrom=${since}`);
      expect(res.status).toBe(400);
    }
    await useFour(reader, id as string);
    await expectExceeded(reader.get(balances(id as string)), '5th');
  });

  it('runs the other checks first: once the limit is reached, a bad token, query or id still get their own answers', async () => {
    const { reader, ids: [id] } = await unattended(s);
    await useFour(reader, id as string);
    const token = await reader.get(balances(id as string), { Authorization: 'Bearer nope' });
    expect([token.status, tppCode(token)]).toEqual([401, 'TOKEN_INVALID']);
    const query = await reader.get(`/v1/accounts/${id}/transactions?bookingStatus=foo&dateFrom=${since}`);
    expect([query.status, tppCode(query)]).toEqual([400, 'FORMAT_ERROR']);
    const unknown = await reader.get(balances('99999999'));
    expect([unknown.status, tppCode(unknown)]).toEqual([404, 'RESOURCE_UNKNOWN']);
  });
});

describe('unattended access limit — follow-up pages of one report', () => {
  const s = aisBank({ pageSize: 25 });

  it('counts a report and all the pages behind its _links.next as one access', async () => {
    const { reader, ids: [id] } = await unattended(s);
    for (let i = 0; i < 3; i++) await expectOk(reader.get(balances(id as string)), `balances ${i + 1}`);
    // The 4th access: a report of many pages, every page read without the PSU.
    let res = await reader.get(transactions(id as string));
    let pages = 1;
    while (res.status === 200 && res.body.transactions._links.next !== undefined) {
      // `${bank.url}/psd29c` + the link, as the reader resolves every path.
      res = await reader.get(res.body.transactions._links.next.href);
      pages++;
    }
    expect(res.status, res.text).toBe(200);
    expect(pages).toBeGreaterThan(4);
    await expectExceeded(reader.get(balances(id as string)), 'the 5th access');
  });
});

describe('unattended access limit — Europe/Bucharest calendar day', () => {
  // 21:50Z is 23:50 in Bucharest in January (UTC+2); the token (3595 s) outlives local midnight.
  const s = aisBank({}, clockStart('21:50:00'));

  it('starts a new count at midnight in Bucharest (22:00Z in winter), not before', async () => {
    const { reader, ids: [id] } = await unattended(s);
    await useFour(reader, id as string);
    await expectExceeded(reader.get(balances(id as string)), '5th at 23:50 local');
    s.clock.set(new Date(`${WINTER_DAY}T21:59:59Z`));
    await expectExceeded(reader.get(balances(id as string)), 'at 23:59:59 local');
    s.clock.set(new Date(`${WINTER_DAY}T22:00:00Z`));
    await useFour(reader, id as string);
    await expectExceeded(reader.get(balances(id as string)), '5th of the new day');
  });

  it('does not start a new count at midnight UTC', async () => {
    s.clock.set(new Date(`${WINTER_DAY}T23:10:00Z`));
    const { reader, ids: [id] } = await unattended(s);
    await useFour(reader, id as string);
    s.clock.set(new Date(Date.parse(`${WINTER_DAY}T00:05:00Z`) + 86_400_000));
    await expectExceeded(reader.get(balances(id as string)), 'after midnight UTC, same Bucharest day');
  });
});
