import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bankFor, enrol } from '../helpers/bank.js';
import { useEnrolledBank } from '../helpers/enrolled-bank.js';
import { call } from '../helpers/http.js';
import { BULK, idOf, initiate } from '../helpers/payments.js';
import { guideBulkItems, guideSinglePayment } from '../fixtures/payments.js';
import type { EnrolledBankFixture } from '../helpers/enrolled-bank.js';
import { armDropAfterCommit, bankPayments } from '../helpers/sandbox-books.js';

/** Every payment the bank holds, as the control route lists them. */
const allPayments = async (env: EnrolledBankFixture) => (await bankPayments(env.bank)).payments;

const force = (env: EnrolledBankFixture, count: number) =>
  call(`${env.bank.origin}/sandbox/faults/drop-after-commit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ count }),
  });

/** What a client sees of an initiation: the answer, or the network error of a dropped connection. */
const attempt = (env: EnrolledBankFixture, body: unknown, opts: { path?: string } = {}) =>
  initiate(env.bank, env.creds, body, opts).then((answer) => ({ answer }), (error: unknown) => ({ error }));

describe('the drop-after-commit fault, forced for the next initiations', () => {
  const env = useEnrolledBank();

  it('creates the payment, then destroys the connection without an answer, for exactly the forced count', async () => {
    const before = await allPayments(env);
    const set = await force(env, 2);
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ dropAfterCommit: 2 });

    const first = await attempt(env, { ...guideSinglePayment, endToEndIdentification: 'E2E-DROP-1' });
    const second = await attempt(env, { ...guideSinglePayment, endToEndIdentification: 'E2E-DROP-2' });
    const third = await attempt(env, { ...guideSinglePayment, endToEndIdentification: 'E2E-DROP-3' });
    expect('error' in first).toBe(true);
    expect('error' in second).toBe(true);
    expect('answer' in third && third.answer.status).toBe(201);

    const created = (await allPayments(env)).slice(before.length);
    expect(created.map((p) => p.endToEndIdentification)).toEqual(['E2E-DROP-1', 'E2E-DROP-2', 'E2E-DROP-3']);
  });

  it('applies to bulk initiations too: the bulk and its items exist, the answer is lost', async () => {
    const before = await allPayments(env);
    await force(env, 1);
    const dropped = await attempt(env, { payments: guideBulkItems }, { path: BULK });
    expect('error' in dropped).toBe(true);
    const created = (await allPayments(env)).slice(before.length);
    expect(created).toHaveLength(guideBulkItems.length);
    expect(new Set(created.map((p) => p.bulkId)).size).toBe(1);
  });

  it('drops nothing a refused initiation did not commit, and keeps the forced drop for the next one that does', async () => {
    await force(env, 1);
    const refused = await attempt(env, { ...guideSinglePayment, creditorName: '' });
    expect('answer' in refused && refused.answer.status).toBe(400);
    const next = await attempt(env, guideSinglePayment);
    expect('error' in next).toBe(true);
  });

  it('reads and clears the forced count, and refuses a bad one', async () => {
    expect(await armDropAfterCommit(env.bank, 3)).toBe(3);
    expect((await call(`${env.bank.origin}/sandbox/faults/drop-after-commit`)).body).toEqual({ dropAfterCommit: 3 });
    expect((await force(env, 0)).body).toEqual({ dropAfterCommit: 0 });
    const answer = await attempt(env, guideSinglePayment);
    expect('answer' in answer && idOf(answer.answer)).toBeTruthy();
    for (const bad of [-1, 1.5, 'x']) {
      const res = await call(`${env.bank.origin}/sandbox/faults/drop-after-commit`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ count: bad }),
      });
      expect(res.status).toBe(400);
    }
  });
});

describe('--drop-after-commit-rate', () => {
  /** Which of `n` initiations lost their answer, as a pattern of x (dropped) and . (answered). */
  async function pattern(env: EnrolledBankFixture, n: number): Promise<string> {
    let out = '';
    for (let i = 0; i < n; i++) out += 'error' in (await attempt(env, guideSinglePayment)) ? 'x' : '.';
    return out;
  }
  const a = useEnrolledBank({ seed: 7, dropAfterCommitRate: 0.5 });
  const b = useEnrolledBank({ seed: 7, dropAfterCommitRate: 0.5 });
  const none = useEnrolledBank({ seed: 7 });
  const all = useEnrolledBank({ seed: 7, dropAfterCommitRate: 1 });

  it('drops a share of initiations, the same ones for the same seed, and every one still commits', async () => {
    const first = await pattern(a, 12);
    expect(first).toMatch(/x/);
    expect(first).toMatch(/\./);
    expect(await pattern(b, 12)).toBe(first);
    expect(await allPayments(a)).toHaveLength(12);
  });

  it('drops none at the default rate 0 and every one at rate 1', async () => {
    expect(await pattern(none, 4)).toBe('....');
    expect(await pattern(all, 4)).toBe('xxxx');
    expect(await allPayments(all)).toHaveLength(4);
  });
});

describe('drop after commit with --data-dir', () => {
  it('keeps the payment whose answer was lost across a restart of the bank, and no armed drop', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sandbox-drop-'));
    try {
      const first = await bankFor({ dataDir });
      const env = { bank: first, creds: await enrol(first) } as EnrolledBankFixture;
      await force(env, 1);
      const dropped = await attempt(env, { ...guideSinglePayment, endToEndIdentification: 'E2E-KEPT' });
      expect('error' in dropped).toBe(true);
      await first.close();
      const second = await bankFor({ dataDir });
      try {
        const kept = await call(`${second.origin}/sandbox/payments?endToEndId=E2E-KEPT`);
        expect(kept.body.payments).toEqual([expect.objectContaining({ status: 'RCVD', endToEndIdentification: 'E2E-KEPT' })]);
        // The armed count lives in memory: the restarted bank drops nothing.
        expect((await call(`${second.origin}/sandbox/faults/drop-after-commit`)).body).toEqual({ dropAfterCommit: 0 });
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
